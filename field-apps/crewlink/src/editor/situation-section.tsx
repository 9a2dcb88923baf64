import { acuityCodes } from '../charts/nemsis-codes';
import { DefinedListPicker } from './defined-list-picker';
import { SelectField, TextField } from './field-inputs';
import { fieldDomId } from '../charts/chart-paths';
import type { ChartDraft } from './use-chart-draft';

export function SituationSection({ draft }: { draft: ChartDraft }) {
  const path = 'situation.providerPrimaryImpression';
  return (
    <section className="cl-section" aria-labelledby="situation-heading">
      <h2 id="situation-heading">Situation</h2>
      <div className="cl-grid">
        <TextField draft={draft} path="situation.chiefComplaint" label="Chief complaint" maxLength={255} />
        <SelectField draft={draft} path="situation.initialAcuity" label="Initial acuity" options={acuityCodes} />
        <DefinedListPicker list="impression" label="Primary impression" path={path} inputId={fieldDomId(path)}
          value={draft.chart.situation.providerPrimaryImpression}
          onPick={(entry) => draft.setField(path, entry?.code)} />
      </div>
    </section>
  );
}
