import { makePatientCareReport } from '@field/shared-model/testing';
import { describe, expect, it } from 'vitest';
import { applyStash, changedFields } from './unsaved-stash';

describe('unsaved stash', () => {
  it('re-applies only the fields the crew changed, onto the latest chart', () => {
    const base = makePatientCareReport({ seed: 1 });
    const view = { ...base, narrative: 'typed before the tab closed', patient: { lastName: 'Okafor' }, editedAt: '2030-01-01T00:00:00.000Z' };
    expect(changedFields(base, view).sort()).toEqual(['narrative', 'patient']);
    // Meanwhile another device changed the disposition: it is kept.
    const latest = { ...base, disposition: { unitDisposition: '4227001' } };
    applyStash(latest, { base, view });
    expect(latest.narrative).toBe('typed before the tab closed');
    expect(latest.patient.lastName).toBe('Okafor');
    expect(latest.disposition.unitDisposition).toBe('4227001');
  });

  it('removes a field the crew cleared', () => {
    const base = { ...makePatientCareReport({ seed: 2 }), narrative: 'old' };
    const view = { ...base };
    delete (view as { narrative?: string }).narrative;
    const latest = { ...base };
    applyStash(latest, { base, view });
    expect(latest.narrative).toBeUndefined();
  });
});
