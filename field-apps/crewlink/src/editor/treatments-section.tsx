import { removeItem, upsertItem } from '../charts/chart-paths';
import { doseUnitCodes, medicationRouteCodes } from '../charts/nemsis-codes';
import { DefinedListPicker } from './defined-list-picker';
import { DateTimeField, NumberField, SelectField } from './field-inputs';
import type { ChartDraft } from './use-chart-draft';

type Bag = Record<string, unknown>;

/** Medications given (eMedications) and procedures performed (eProcedures), chosen from the NEMSIS lists. */
export function TreatmentsSection({ draft, now = () => new Date() }: { draft: ChartDraft; now?: () => Date }) {
  const { medications, procedures } = draft.chart;
  return (
    <section className="cl-section" aria-labelledby="treatments-heading">
      <h2 id="treatments-heading">Medications and procedures</h2>
      <h3>Medications</h3>
      {medications.map((m, i) => {
        const base = `medications[id=${m.id}]`;
        return (
          <fieldset key={m.id} className="cl-group">
            <legend>{m.name ?? m.code ?? `Medication ${i + 1}`}</legend>
            <div className="cl-grid cl-grid-dense">
              <DateTimeField draft={draft} path={`${base}.givenAt`} label={`Given at, medication ${i + 1}`} />
              <NumberField draft={draft} path={`${base}.dose`} label={`Dose, medication ${i + 1}`} min={0} max={100000} integer={false} />
              <SelectField draft={draft} path={`${base}.doseUnit`} label={`Dose unit, medication ${i + 1}`} options={doseUnitCodes} />
              <SelectField draft={draft} path={`${base}.route`} label={`Route, medication ${i + 1}`} options={medicationRouteCodes} />
            </div>
            <button type="button" onClick={() => draft.edit((c) => removeItem(c as unknown as Bag, 'medications', m.id))}>Remove {m.name ?? 'medication'}</button>
          </fieldset>
        );
      })}
      <DefinedListPicker list="medication" label="Add medication" value={undefined} onPick={(entry) => {
        if (!entry) return;
        const item = { id: crypto.randomUUID(), givenAt: now().toISOString(), code: entry.code, name: entry.label.slice(0, 120) };
        draft.edit((c) => upsertItem(c as unknown as Bag, 'medications', item));
      }} />
      <h3>Procedures</h3>
      {procedures.map((p, i) => {
        const base = `procedures[id=${p.id}]`;
        return (
          <fieldset key={p.id} className="cl-group">
            <legend>{p.name ?? p.code ?? `Procedure ${i + 1}`}</legend>
            <div className="cl-grid cl-grid-dense">
              <DateTimeField draft={draft} path={`${base}.performedAt`} label={`Performed at, procedure ${i + 1}`} />
              <NumberField draft={draft} path={`${base}.attempts`} label={`Attempts, procedure ${i + 1}`} min={0} max={100} />
              <div className="cl-field">
                <label>
                  <input type="checkbox" checked={p.successful === true}
                    onChange={(e) => draft.setField(`${base}.successful`, e.currentTarget.checked)} />
                  {` Successful, procedure ${i + 1}`}
                </label>
              </div>
            </div>
            <button type="button" onClick={() => draft.edit((c) => removeItem(c as unknown as Bag, 'procedures', p.id))}>Remove {p.name ?? 'procedure'}</button>
          </fieldset>
        );
      })}
      <DefinedListPicker list="procedure" label="Add procedure" value={undefined} onPick={(entry) => {
        if (!entry) return;
        const item = { id: crypto.randomUUID(), performedAt: now().toISOString(), code: entry.code, name: entry.label.slice(0, 120) };
        draft.edit((c) => upsertItem(c as unknown as Bag, 'procedures', item));
      }} />
    </section>
  );
}
