import { transportDispositionCodes, unitDispositionCodes } from '../charts/nemsis-codes';
import { SelectField, TextField } from './field-inputs';
import type { ChartDraft } from './use-chart-draft';

export function NarrativeSection({ draft }: { draft: ChartDraft }) {
  return (
    <section className="cl-section" aria-labelledby="narrative-heading">
      <h2 id="narrative-heading">Narrative</h2>
      <TextField draft={draft} path="narrative" label="Narrative" multiline maxLength={10000} />
    </section>
  );
}

export function DispositionSection({ draft }: { draft: ChartDraft }) {
  return (
    <section className="cl-section" aria-labelledby="disposition-heading">
      <h2 id="disposition-heading">Disposition</h2>
      <div className="cl-grid">
        <SelectField draft={draft} path="disposition.unitDisposition" label="Unit disposition" options={unitDispositionCodes} />
        <SelectField draft={draft} path="disposition.transportDisposition" label="Transport disposition" options={transportDispositionCodes} />
        <TextField draft={draft} path="disposition.destinationName" label="Destination" maxLength={100} />
      </div>
    </section>
  );
}
