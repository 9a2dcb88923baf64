import { outboxKey, useOutboxEntries, ValidationPanel, type FieldClient } from '@field/kit';
import type { Finding } from '@field/shared-model';
import { fieldDomId } from '../charts/chart-paths';
import { ChartStatusBar } from '../editor/chart-status-bar';
import { DispositionSection, NarrativeSection } from '../editor/narrative-disposition';
import { PatientSection } from '../editor/patient-section';
import { PhotosSection } from '../editor/photos-section';
import { SignaturesSection } from '../editor/signatures-section';
import { SituationSection } from '../editor/situation-section';
import { TimesBar } from '../editor/times-bar';
import { TreatmentsSection } from '../editor/treatments-section';
import { useChartDraft } from '../editor/use-chart-draft';
import { useChartFindings } from '../editor/use-chart-findings';
import { VitalsSection } from '../editor/vitals-section';

const sections = [
  ['times-heading', 'Times'], ['patient-heading', 'Patient'], ['situation-heading', 'Situation'],
  ['vitals-heading', 'Vitals'], ['treatments-heading', 'Meds & procedures'], ['narrative-heading', 'Narrative'],
  ['disposition-heading', 'Disposition'], ['signatures-heading', 'Signatures'], ['photos-heading', 'Photos'],
] as const;

/** Moves focus to the field a finding points at (opening collapsed groups on the way). */
export function jumpToField(path: string): void {
  const target = document.getElementById(fieldDomId(path))
    ?? document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`)
    ?? document.querySelector<HTMLElement>(`[data-path^="${CSS.escape(path.split('.')[0] ?? '')}"]`);
  if (!target) return;
  const details = target.closest('details');
  if (details) details.open = true;
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

export function ChartEditorScreen({ client, id, onBack }: { client: FieldClient; id: string; onBack: () => void }) {
  const draft = useChartDraft(client, id);
  const outbox = useOutboxEntries(client.ledger);
  const findings: readonly Finding[] = useChartFindings(draft?.chart);
  if (draft === undefined) return <p>Opening chart…</p>;
  if (draft === null) {
    return (
      <div>
        <p role="alert">This chart is not on this device.</p>
        <button type="button" onClick={onBack}>Back to charts</button>
      </div>
    );
  }
  const complete = () => {
    void draft.flush().then(() => draft.setField('status', 'completed')).then(() => draft.flush());
  };
  return (
    <div className="cl-editor">
      <div className="cl-editor-top">
        <button type="button" onClick={() => void draft.flush().then(onBack)}>Back to charts</button>
        <nav aria-label="Chart sections" className="cl-section-nav">
          {sections.map(([target, label]) => <a key={target} href={`#/chart/${id}`} onClick={(e) => {
            e.preventDefault();
            document.getElementById(target)?.scrollIntoView();
          }}>{label}</a>)}
        </nav>
      </div>
      <ChartStatusBar chart={draft.chart} saveState={draft.saveState} queued={outbox[outboxKey('epcrs', id)] !== undefined} onComplete={complete} />
      <div className="cl-editor-body">
        <form className="cl-editor-form" onSubmit={(e) => e.preventDefault()} aria-label="Patient care report">
          <TimesBar draft={draft} />
          <PatientSection draft={draft} />
          <SituationSection draft={draft} />
          <VitalsSection draft={draft} />
          <TreatmentsSection draft={draft} />
          <NarrativeSection draft={draft} />
          <DispositionSection draft={draft} />
          <SignaturesSection draft={draft} client={client} />
          <PhotosSection draft={draft} client={client} />
        </form>
        <aside className="cl-editor-aside">
          <ValidationPanel findings={findings} onJump={jumpToField} />
        </aside>
      </div>
    </div>
  );
}
