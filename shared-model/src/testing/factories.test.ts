import { describe, expect, it } from 'vitest';
import { makeIncident, makePatientCareReport, makeUser } from './index';

describe('test factories', () => {
  it('give the same document for the same seed and different ids for different seeds', () => {
    expect(makePatientCareReport({ seed: 4, realistic: true })).toEqual(makePatientCareReport({ seed: 4, realistic: true }));
    expect(makePatientCareReport({ seed: 4 }).id).not.toBe(makePatientCareReport({ seed: 5 }).id);
    expect(makeIncident({ seed: 4 })).toEqual(makeIncident({ seed: 4 }));
    expect(makeUser({ seed: 4 })).toEqual(makeUser({ seed: 4 }));
  });

  it('number documents without a seed from a counter, so two calls differ', () => {
    expect(makePatientCareReport().id).not.toBe(makePatientCareReport().id);
  });

  it('build a realistic chart of about 8 KB with several vitals, medications and procedures', () => {
    const chart = makePatientCareReport({ seed: 1, realistic: true });
    const bytes = JSON.stringify(chart).length; // the content is ASCII: characters = bytes
    expect(bytes).toBeGreaterThan(6_000);
    expect(bytes).toBeLessThan(11_000);
    expect(chart.vitals.length).toBeGreaterThanOrEqual(3);
    expect(chart.medications.length).toBeGreaterThanOrEqual(3);
    expect(chart.procedures.length).toBeGreaterThanOrEqual(3);
    expect(chart.narrative?.length).toBeGreaterThan(1_000);
    const ids = [...chart.vitals, ...chart.medications, ...chart.procedures].map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('apply overrides last', () => {
    const chart = makePatientCareReport({ seed: 1, realistic: true, status: 'completed', unitId: 'unit-x' });
    expect(chart).toMatchObject({ status: 'completed', unitId: 'unit-x' });
    expect(chart).not.toHaveProperty('realistic');
    expect(chart).not.toHaveProperty('seed');
  });
});
