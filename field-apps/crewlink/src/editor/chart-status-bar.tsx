import { hasErrors, type PatientCareReport } from '@field/shared-model';
import type { SaveState } from './use-chart-draft';

export interface ChartStatusBarProps {
  chart: PatientCareReport & { syncRefusal?: { code: string; reason: string; at: string } };
  saveState: SaveState;
  queued: boolean;
  onComplete: () => void;
}

function saveText(state: SaveState): string {
  switch (state.kind) {
    case 'idle': return 'No changes yet';
    case 'unsaved': return 'Saving…';
    case 'saved': return 'Saved on this device';
    case 'error': return state.message;
  }
}

const statusLabels: Record<PatientCareReport['status'], string> = {
  draft: 'Draft', in_progress: 'In progress', completed: 'Completed', locked: 'Locked',
};

/** Where the chart stands: saved locally, on the server, refused, kept in progress by the gate. */
export function ChartStatusBar({ chart, saveState, queued, onComplete }: ChartStatusBarProps) {
  const errors = chart.findings.filter((f) => f.severity === 'ERROR').length;
  const keptInProgress = chart.status === 'in_progress' && hasErrors(chart.findings);
  return (
    <div className="cl-status-bar">
      <p role="status" className="cl-save-state" data-state={saveState.kind}>{saveText(saveState)}</p>
      <p className="cl-chart-status">
        Status: <strong data-testid="chart-status">{statusLabels[chart.status]}</strong>
        {' · '}
        <span data-testid="chart-sync">{queued ? 'Waiting to send' : 'On the server'}</span>
      </p>
      {chart.syncRefusal ? (
        <p role="alert" className="cl-refusal">The server refused this chart: {chart.syncRefusal.reason}</p>
      ) : null}
      {keptInProgress ? (
        <p role="alert" className="cl-gate">The server kept this chart in progress: {errors} problem{errors === 1 ? '' : 's'}</p>
      ) : null}
      {chart.status === 'completed' && queued ? <p className="cl-muted">Completing — the server checks the chart when it receives it.</p> : null}
      {chart.status === 'draft' || chart.status === 'in_progress' ? (
        <button type="button" className="cl-primary" onClick={onComplete}>Complete chart</button>
      ) : null}
    </div>
  );
}
