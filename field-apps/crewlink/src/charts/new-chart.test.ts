import { makeIncident, makeUser } from '@field/shared-model/testing';
import { describe, expect, it } from 'vitest';
import { describeChart, makeNewChart, sortCharts } from './new-chart';

describe('makeNewChart', () => {
  const now = new Date('2026-11-23T10:00:00.000Z');

  it('starts a blank draft of the user\'s unit, with the user as crew', () => {
    const user = makeUser({ unitId: 'M1' });
    const chart = makeNewChart({ user, now, id: 'c1' });
    expect(chart).toMatchObject({ id: 'c1', agencyId: user.agencyId, unitId: 'M1', createdBy: user.id, status: 'draft', editedAt: now.toISOString() });
    expect(chart.crew[0]?.id).toBe(user.id);
    expect(chart.incidentId).toBeUndefined();
  });

  it('carries the dispatch assignment over', () => {
    const incident = makeIncident();
    const chart = makeNewChart({ user: makeUser(), now, incident });
    expect(chart.incidentId).toBe(incident.id);
    expect(chart.times.psapCall).toBe(incident.receivedAt);
    expect(chart.situation.chiefComplaint).toBe(incident.nature);
  });

  it('names charts and puts open work first', () => {
    const user = makeUser();
    const a = { ...makeNewChart({ user, now, id: 'a' }), status: 'completed' as const };
    const b = makeNewChart({ user, now, id: 'b' });
    expect(sortCharts([a, b]).map((c) => c.id)).toEqual(['b', 'a']);
    expect(describeChart({ ...b, patient: { lastName: 'Okafor', firstName: 'James' } })).toBe('Okafor, James');
    expect(describeChart(b)).toBe('New chart (no patient yet)');
  });
});
