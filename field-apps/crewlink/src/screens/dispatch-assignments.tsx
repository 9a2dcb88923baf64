import { getFieldCollection, useLiveDocuments, type FieldClient } from '@field/kit';
import type { AuthUser, Incident, PatientCareReport } from '@field/shared-model';
import { useMemo, useState } from 'react';
import { makeNewChart } from '../charts/new-chart';

const openStatuses = new Set<Incident['status']>(['pending', 'dispatched', 'en_route', 'on_scene', 'transporting', 'at_destination']);

export interface DispatchAssignmentsProps {
  client: FieldClient;
  user: AuthUser;
  charts: readonly PatientCareReport[];
  onOpen: (id: string) => void;
}

/** Live dispatch assignments of the user's unit; a chart starts from one with its times and number. */
export function DispatchAssignments({ client, user, charts, onOpen }: DispatchAssignmentsProps) {
  const collection = useMemo(() => getFieldCollection(client.db, 'incidents'), [client]);
  const incidents = useLiveDocuments<Incident & { editedAt: string }>(collection, {});
  const [error, setError] = useState<string>();
  const mine = (incidents ?? []).filter((i) => openStatuses.has(i.status) && user.unitId !== undefined && i.unitIds.includes(user.unitId));
  if (mine.length === 0) return null;
  const start = async (incident: Incident) => {
    try {
      const chart = makeNewChart({ user, now: new Date(), incident });
      await client.insertDocument('epcrs', chart as never);
      onOpen(chart.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section aria-labelledby="dispatch-heading" className="cl-section">
      <h2 id="dispatch-heading">Dispatch assignments</h2>
      <ul className="cl-dispatch-list">
        {mine.map((incident) => {
          const existing = charts.find((c) => c.incidentId === incident.id);
          return (
            <li key={incident.id}>
              <span><strong>{incident.incidentNumber}</strong> · P{incident.priority} · {incident.nature} · {incident.address.street ?? ''}</span>
              {existing ? (
                <button type="button" onClick={() => onOpen(existing.id)}>Open chart for {incident.incidentNumber}</button>
              ) : (
                <button type="button" className="cl-primary" onClick={() => void start(incident)}>Start chart for {incident.incidentNumber}</button>
              )}
            </li>
          );
        })}
      </ul>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
