import { blankChartSections, type AuthUser, type Incident, type PatientCareReport } from '@field/shared-model';

export interface NewChartOptions {
  user: AuthUser;
  now: Date;
  id?: string;
  /** Start from a dispatch assignment: its times and number carry over. */
  incident?: Incident;
}

/** A fresh chart of the user's unit (a draft until the crew completes it). */
export function makeNewChart({ user, now, id = crypto.randomUUID(), incident }: NewChartOptions): PatientCareReport {
  const at = now.toISOString();
  const times: PatientCareReport['times'] = {};
  if (incident) {
    times.psapCall = incident.receivedAt;
    if (incident.dispatchedAt) {
      times.dispatchNotified = incident.dispatchedAt;
      times.unitNotified = incident.dispatchedAt;
    }
  }
  return {
    id,
    agencyId: user.agencyId,
    updatedAt: at,
    editedAt: at,
    createdBy: user.id,
    unitId: user.unitId ?? 'unassigned',
    ...(incident ? { incidentId: incident.id } : {}),
    status: 'draft',
    crew: [{ id: user.id, name: user.displayName, role: '2403011' }],
    times,
    ...blankChartSections(),
    situation: incident ? { chiefComplaint: incident.nature.slice(0, 255) } : {},
  };
}

/** Words for a chart in the list: the patient, else the complaint, else "New chart". */
export function describeChart(chart: PatientCareReport): string {
  const name = [chart.patient.lastName, chart.patient.firstName].filter(Boolean).join(', ');
  return name || chart.situation.chiefComplaint || 'New chart (no patient yet)';
}

/** Open work first, newest edits first. */
export function sortCharts(charts: readonly PatientCareReport[]): PatientCareReport[] {
  const open = (c: PatientCareReport) => (c.status === 'draft' || c.status === 'in_progress' ? 0 : 1);
  return [...charts].sort((a, b) => open(a) - open(b) || b.editedAt.localeCompare(a.editedAt));
}
