import { getFieldCollection, outboxKey, useLiveDocuments, useOutboxEntries, type FieldClient, type OutboxEntries } from '@field/kit';
import type { AuthUser, PatientCareReport } from '@field/shared-model';
import { useMemo, useState } from 'react';
import { describeChart, sortCharts } from '../charts/new-chart';
import { DispatchAssignments } from './dispatch-assignments';

type Chart = PatientCareReport & { syncRefusal?: { reason: string } };
type Scope = 'mine' | 'unit';

const pageSize = 100;

const statusLabels: Record<PatientCareReport['status'], string> = {
  draft: 'Draft', in_progress: 'In progress', completed: 'Completed', locked: 'Locked',
};

function syncLabel(chart: Chart, outbox: OutboxEntries): string {
  if (chart.syncRefusal) return 'Refused by the server';
  return outbox[outboxKey('epcrs', chart.id)] !== undefined ? 'Waiting to send' : 'On the server';
}

export interface ChartListScreenProps {
  client: FieldClient;
  user: AuthUser;
  onOpen: (id: string) => void;
  onNewChart: () => void;
}

/** The crew's charts (mine or the unit's), each with its status and sync state, plus live dispatch assignments. */
export function ChartListScreen({ client, user, onOpen, onNewChart }: ChartListScreenProps) {
  const [scope, setScope] = useState<Scope>('mine');
  const [shown, setShown] = useState(pageSize);
  const collection = useMemo(() => getFieldCollection(client.db, 'epcrs'), [client]);
  const docs = useLiveDocuments<Chart & { editedAt: string }>(collection, {});
  const outbox = useOutboxEntries(client.ledger);
  const charts = useMemo(() => sortCharts((docs ?? []).filter((c) => (scope === 'mine' ? c.createdBy === user.id : c.unitId === user.unitId))), [docs, scope, user]);
  return (
    <div className="cl-list-screen">
      <DispatchAssignments client={client} user={user} charts={docs ?? []} onOpen={onOpen} />
      <section aria-labelledby="charts-heading" className="cl-section">
        <div className="cl-row cl-row-spread">
          <h2 id="charts-heading">Charts</h2>
          <button type="button" className="cl-primary" onClick={onNewChart}>New blank chart</button>
        </div>
        <div role="group" aria-label="Which charts" className="cl-row">
          <button type="button" aria-pressed={scope === 'mine'} onClick={() => setScope('mine')}>Mine</button>
          <button type="button" aria-pressed={scope === 'unit'} onClick={() => setScope('unit')}>Unit {user.unitId ?? ''}</button>
        </div>
        {docs === undefined ? <p>Loading charts…</p> : null}
        {docs !== undefined && charts.length === 0 ? <p>No charts yet.</p> : null}
        {charts.length > 0 ? <p className="cl-muted" data-chart-count={charts.length}>{charts.length} chart{charts.length === 1 ? '' : 's'}</p> : null}
        <ul className="cl-chart-list" aria-label="Charts">
          {charts.slice(0, shown).map((chart) => (
            <li key={chart.id} data-chart-id={chart.id}>
              <button type="button" className="cl-chart-item" onClick={() => onOpen(chart.id)}>
                <span className="cl-chart-title">{describeChart(chart)}</span>
                <span className="cl-chart-meta">
                  <span>{statusLabels[chart.status]}</span>
                  <span data-testid="sync-state">{syncLabel(chart, outbox)}</span>
                  {chart.syncRefusal ? <span className="cl-badge-refused">Refused</span> : null}
                  {chart.findings.some((f) => f.severity === 'ERROR') && chart.status === 'in_progress' ? <span className="cl-badge-gate">Needs fixes</span> : null}
                  <span>{new Date(chart.editedAt).toLocaleString()}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
        {charts.length > shown ? (
          <button type="button" onClick={() => setShown((n) => n + pageSize)}>Show {Math.min(pageSize, charts.length - shown)} more charts</button>
        ) : null}
      </section>
    </div>
  );
}
