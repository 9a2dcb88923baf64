import { useEffect, useId, useMemo, useState } from 'react';

export interface DefinedListEntry {
  code: string;
  label: string;
  category: string;
}

export type DefinedListName = 'impression' | 'medication' | 'procedure' | 'symptom';

const cache = new Map<DefinedListName, Promise<DefinedListEntry[]>>();

/** A NEMSIS defined list, fetched on first use (precached by the service worker for offline use). */
export function loadDefinedList(name: DefinedListName): Promise<DefinedListEntry[]> {
  let list = cache.get(name);
  if (!list) {
    list = fetch(`${import.meta.env.BASE_URL}lists/${name}.json`).then(async (r) => {
      if (!r.ok) throw new Error(`list ${name}: ${r.status}`);
      return (await r.json()) as DefinedListEntry[];
    });
    list.catch(() => cache.delete(name));
    cache.set(name, list);
  }
  return list;
}

export interface DefinedListPickerProps {
  list: DefinedListName;
  label: string;
  /** The chosen code (shown with its label). */
  value: string | undefined;
  onPick: (entry: DefinedListEntry | undefined) => void;
  /** data-path of the search box, so a finding can jump to it. */
  path?: string;
  inputId?: string;
}

/** Search a defined list and pick one entry. */
export function DefinedListPicker({ list, label, value, onPick, path, inputId }: DefinedListPickerProps) {
  const fallbackId = useId();
  const id = inputId ?? fallbackId;
  const [entries, setEntries] = useState<DefinedListEntry[]>([]);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string>();
  useEffect(() => {
    loadDefinedList(list).then(setEntries, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [list]);
  const chosen = entries.find((e) => e.code === value);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (q === '') return [];
    return entries.filter((e) => `${e.label} ${e.code} ${e.category}`.toLowerCase().includes(q)).slice(0, 8);
  }, [entries, query]);
  return (
    <div className="cl-field cl-picker">
      <label htmlFor={id}>{label}</label>
      <p className="cl-picked" aria-live="polite">{value ? `${chosen?.label ?? 'Code'} (${value})` : 'None chosen'}</p>
      <input id={id} data-path={path} type="search" placeholder="Search…" value={query}
        onChange={(e) => setQuery(e.currentTarget.value)} aria-describedby={`${id}-help`} />
      <span id={`${id}-help`} className="cl-help">Type part of a name or code, then choose.</span>
      {error ? <p role="alert">The list could not be loaded: {error}</p> : null}
      {matches.length > 0 ? (
        <ul className="cl-picker-results" aria-label={`${label} matches`}>
          {matches.map((e) => (
            <li key={e.code}>
              <button type="button" onClick={() => { onPick(e); setQuery(''); }}>{e.label} <small>{e.code}</small></button>
            </li>
          ))}
        </ul>
      ) : null}
      {value ? <button type="button" onClick={() => onPick(undefined)}>Clear {label.toLowerCase()}</button> : null}
    </div>
  );
}
