import type { VitalSigns } from '@field/shared-model';
import { removeItem, upsertItem } from '../charts/chart-paths';
import { DateTimeField, NumberField } from './field-inputs';
import type { ChartDraft } from './use-chart-draft';

const quickFields = [
  { key: 'systolic', label: 'Systolic (mmHg)', min: 0, max: 500 },
  { key: 'diastolic', label: 'Diastolic (mmHg)', min: 0, max: 300 },
  { key: 'heartRate', label: 'Heart rate', min: 0, max: 400 },
  { key: 'respiratoryRate', label: 'Resp. rate', min: 0, max: 100 },
  { key: 'spo2', label: 'SpO2 (%)', min: 0, max: 100 },
  { key: 'bloodGlucose', label: 'Glucose (mg/dL)', min: 0, max: 2000 },
  { key: 'gcsTotal', label: 'GCS total', min: 3, max: 15 },
  { key: 'painScale', label: 'Pain (0–10)', min: 0, max: 10 },
] as const;

function VitalGroup({ draft, vital, index }: { draft: ChartDraft; vital: VitalSigns; index: number }) {
  const base = `vitals[id=${vital.id}]`;
  return (
    <fieldset className="cl-group">
      <legend>Vital set {index + 1}</legend>
      <div className="cl-grid cl-grid-dense">
        <DateTimeField draft={draft} path={`${base}.takenAt`} label={`Set ${index + 1} taken at`} />
        {quickFields.map((f) => (
          <NumberField key={f.key} draft={draft} path={`${base}.${f.key}`} label={`${f.label}, set ${index + 1}`} min={f.min} max={f.max} />
        ))}
        <NumberField draft={draft} path={`${base}.temperature`} label={`Temp (°C), set ${index + 1}`} min={0} max={50} integer={false} />
      </div>
      <button type="button" onClick={() => draft.edit((c) => removeItem(c as unknown as Record<string, unknown>, 'vitals', vital.id))}>
        Remove vital set {index + 1}
      </button>
    </fieldset>
  );
}

/** Repeating vital sign groups (eVitals.VitalGroup), quick entry of the common values. */
export function VitalsSection({ draft, now = () => new Date() }: { draft: ChartDraft; now?: () => Date }) {
  const add = () => {
    const item = { id: crypto.randomUUID(), takenAt: now().toISOString() };
    draft.edit((c) => upsertItem(c as unknown as Record<string, unknown>, 'vitals', item));
  };
  return (
    <section className="cl-section" aria-labelledby="vitals-heading">
      <h2 id="vitals-heading">Vitals</h2>
      {draft.chart.vitals.map((v, i) => <VitalGroup key={v.id} draft={draft} vital={v} index={i} />)}
      <button type="button" className="cl-primary" onClick={add}>Add vital set</button>
    </section>
  );
}
