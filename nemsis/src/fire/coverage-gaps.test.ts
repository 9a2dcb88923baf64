import { describe, expect, it } from 'vitest';
import { mapPropertyUseToNeris } from './neris-crosswalk';
import { exportNerisIncident } from './neris-export';
import { makeFireIncident } from './test-factory';

describe('remaining NERIS rules, failing and passing', () => {
  it('neris:location-use-outside-crosswalk and neris:location-use-unknown', () => {
    const outside = mapPropertyUseToNeris(makeFireIncident({ neris: { locationUse: { useType: 'OUTDOOR', useSubtype: 'CAMP_SITE' } } }));
    expect(outside.value).toEqual({ useType: 'OUTDOOR', useSubtype: 'CAMP_SITE' });
    expect(outside.findings[0]?.ruleId).toBe('neris:location-use-outside-crosswalk');
    const unknown = mapPropertyUseToNeris(makeFireIncident({ neris: { locationUse: { useType: 'OUTDOOR', useSubtype: 'MOON' } } }));
    expect(unknown.value).toBeUndefined();
    expect(unknown.findings[0]?.ruleId).toBe('neris:location-use-unknown');
    const chosen = mapPropertyUseToNeris(makeFireIncident({ basic: { propertyUse: '429' }, neris: { locationUse: { useType: 'RESIDENTIAL', useSubtype: 'MULTI_FAMILY_MIDRISE_DWELLING' } } }));
    expect(chosen.findings).toEqual([]);
  });

  it('neris:alarm-time', () => {
    expect(exportNerisIncident(makeFireIncident({ basic: { alarmAt: 'soon' } }), { departmentNerisId: 'FD1' })).toEqual({
      findings: [expect.objectContaining({ ruleId: 'neris:alarm-time', path: 'inc-1.basic.alarmAt' })],
    });
    expect(exportNerisIncident(makeFireIncident(), { departmentNerisId: 'FD1' }).incident).toBeDefined();
  });
});
