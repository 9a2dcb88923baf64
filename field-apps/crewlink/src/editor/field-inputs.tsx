import { useEffect, useState } from 'react';
import type { CodeOption } from '../charts/nemsis-codes';
import { fieldDomId, getAtPath } from '../charts/chart-paths';
import type { ChartDraft } from './use-chart-draft';

interface FieldProps {
  draft: ChartDraft;
  path: string;
  label: string;
  hint?: string;
}

function useFieldValue(draft: ChartDraft, path: string): unknown {
  return getAtPath(draft.chart, path);
}

export function TextField({ draft, path, label, multiline = false, maxLength }: FieldProps & { multiline?: boolean; maxLength?: number }) {
  const value = useFieldValue(draft, path);
  const id = fieldDomId(path);
  const text = typeof value === 'string' ? value : '';
  return (
    <div className="cl-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} data-path={path} value={text} maxLength={maxLength} rows={8}
          onChange={(e) => draft.setField(path, e.currentTarget.value)} />
      ) : (
        <input id={id} data-path={path} type="text" value={text} maxLength={maxLength}
          onChange={(e) => draft.setField(path, e.currentTarget.value)} />
      )}
    </div>
  );
}

/** A number; what cannot be read as one in range is not saved, and the field says so. */
export function NumberField({ draft, path, label, min, max, integer = true }: FieldProps & { min: number; max: number; integer?: boolean }) {
  const value = useFieldValue(draft, path);
  const id = fieldDomId(path);
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(typeof value === 'number' ? String(value) : '');
  }, [value, focused]);
  const parsed = text.trim() === '' ? undefined : Number(text);
  const invalid = parsed !== undefined && (!Number.isFinite(parsed) || parsed < min || parsed > max || (integer && !Number.isInteger(parsed)));
  return (
    <div className="cl-field cl-field-number">
      <label htmlFor={id}>{label}</label>
      <input id={id} data-path={path} type="text" inputMode={integer ? 'numeric' : 'decimal'} value={text}
        aria-invalid={invalid} aria-describedby={invalid ? `${id}-error` : undefined}
        onFocus={() => setFocused(true)} onBlur={() => setFocused(false)}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const n = next.trim() === '' ? undefined : Number(next);
          if (n === undefined) draft.setField(path, undefined);
          else if (Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n))) draft.setField(path, n);
        }} />
      {invalid ? <span id={`${id}-error`} className="cl-field-error">{`${min}–${max}${integer ? ', whole number' : ''}`}</span> : null}
    </div>
  );
}

export function SelectField({ draft, path, label, options }: FieldProps & { options: readonly CodeOption[] }) {
  const value = useFieldValue(draft, path);
  const id = fieldDomId(path);
  return (
    <div className="cl-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-path={path} value={typeof value === 'string' ? value : ''}
        onChange={(e) => draft.setField(path, e.currentTarget.value || undefined)}>
        <option value="">—</option>
        {options.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
      </select>
    </div>
  );
}

/** ISO instant <-> the `datetime-local` input (device time zone, seconds kept). */
export function toLocalInput(iso: unknown): string {
  if (typeof iso !== 'string') return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 19);
}

export function fromLocalInput(text: string): string | undefined {
  if (text === '') return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function DateTimeField({ draft, path, label }: FieldProps) {
  const value = useFieldValue(draft, path);
  const id = fieldDomId(path);
  return (
    <div className="cl-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} data-path={path} type="datetime-local" step={1} value={toLocalInput(value)}
        onChange={(e) => draft.setField(path, fromLocalInput(e.currentTarget.value))} />
    </div>
  );
}
