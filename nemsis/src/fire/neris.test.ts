import { describe, expect, it } from 'vitest';
import { CROSSWALK_NOTES, NERIS_INCIDENT_TYPES, NERIS_LOCATION_USES } from '../generated/neris/neris-crosswalk-data';
import { findNerisIncidentTypes, mapIncidentTypeToNeris, mapPropertyUseToNeris } from './neris-crosswalk';
import { exportNerisIncident, exportNerisIncidents } from './neris-export';
import { makeFireIncident } from './test-factory';

describe('generated crosswalk data', () => {
  it('holds every row and the distinct NFIRS codes SOURCES.md counts (164 incident types, 133 property uses)', () => {
    expect(NERIS_INCIDENT_TYPES).toHaveLength(128);
    expect(NERIS_LOCATION_USES).toHaveLength(78);
    expect(new Set(NERIS_INCIDENT_TYPES.flatMap((r) => r.nfirs)).size).toBe(164);
    expect(new Set(NERIS_LOCATION_USES.flatMap((r) => r.nfirs)).size).toBe(133);
  });

  it('cleans the known spreadsheet artefacts and says so', () => {
    const room = NERIS_INCIDENT_TYPES.find((r) => r.path.join('/') === 'FIRE/STRUCTURE_FIRE/ROOM_AND_CONTENTS_FIRE');
    expect(room?.nfirs.filter((c) => c === '121')).toHaveLength(1);
    expect(NERIS_LOCATION_USES.some((r) => r.useSubtype === 'VETERINARY_PET')).toBe(true);
    expect(CROSSWALK_NOTES.some((n) => n.includes('duplicate NFIRS code 121'))).toBe(true);
  });
});

describe('NFIRS → NERIS incident type', () => {
  it('611 maps to NOEMERG / CANCELLED alone', () => {
    const r = mapIncidentTypeToNeris(makeFireIncident({ basic: { incidentType: '611' } }));
    expect(r.value).toEqual(['NOEMERG', 'CANCELLED']);
    expect(r.findings).toEqual([]);
  });

  it('111 is ambiguous between the four structure-fire types and nothing is guessed', () => {
    const r = mapIncidentTypeToNeris(makeFireIncident());
    expect(r.value).toBeUndefined();
    expect(r.candidates).toHaveLength(4);
    expect(r.findings).toEqual([expect.objectContaining({ ruleId: 'neris:incident-type-ambiguous', severity: 'WARNING' })]);
  });

  it('an explicit choice among the candidates is used', () => {
    const r = mapIncidentTypeToNeris(makeFireIncident({ neris: { incidentType: ['FIRE', 'STRUCTURE_FIRE', 'ROOM_AND_CONTENTS_FIRE'] } }));
    expect(r.value).toEqual(['FIRE', 'STRUCTURE_FIRE', 'ROOM_AND_CONTENTS_FIRE']);
    expect(r.findings).toEqual([]);
  });

  it('a choice outside the crosswalk is used but reported; an unknown value is refused', () => {
    const outside = mapIncidentTypeToNeris(makeFireIncident({ neris: { incidentType: ['FIRE', 'OUTSIDE_FIRE', 'TRASH_RUBBISH_FIRE'] } }));
    expect(outside.value).toEqual(['FIRE', 'OUTSIDE_FIRE', 'TRASH_RUBBISH_FIRE']);
    expect(outside.findings[0]?.ruleId).toBe('neris:incident-type-outside-crosswalk');
    const unknown = mapIncidentTypeToNeris(makeFireIncident({ neris: { incidentType: ['FIRE', 'MADE_UP'] } }));
    expect(unknown.value).toBeUndefined();
    expect(unknown.findings[0]?.ruleId).toBe('neris:incident-type-unknown');
  });

  it.each(['311', '331', '561', '900', '911', 'UUU'])('NFIRS %s is unmappable and reported', (code) => {
    const r = mapIncidentTypeToNeris(makeFireIncident({ basic: { incidentType: code } }));
    expect(r.value).toBeUndefined();
    expect(r.findings).toEqual([expect.objectContaining({ ruleId: 'neris:incident-type-unmapped', path: 'basic.incidentType' })]);
  });

  it('120 appears only under structural involvement (artefact of the source table)', () => {
    expect(findNerisIncidentTypes('120').map((r) => r.path[2])).toEqual(['STRUCTURAL_INVOLVEMENT_FIRE']);
  });
});

describe('NFIRS property use → NERIS location use', () => {
  it.each([
    { code: '419', expected: { useType: 'RESIDENTIAL', useSubtype: 'DETATCHED_SINGLE_FAMILY_DWELLING' } },
    { code: '331', expected: { useType: 'HEALTH_CARE', useSubtype: 'HOSPITAL_24_HOUR_MEDICAL_FACILITIES' } },
    { code: '961', expected: { useType: 'ROADWAY_ACCESS', useSubtype: 'HIGHWAY_INTERSTATE' } },
  ])('$code maps to one location use', ({ code, expected }) => {
    const r = mapPropertyUseToNeris(makeFireIncident({ basic: { propertyUse: code } }));
    expect(r.value).toEqual(expected);
    expect(r.findings).toEqual([]);
  });

  it('429 (multifamily) is ambiguous between low-, mid- and high-rise', () => {
    const r = mapPropertyUseToNeris(makeFireIncident({ basic: { propertyUse: '429' } }));
    expect(r.candidates).toHaveLength(3);
    expect(r.findings[0]?.ruleId).toBe('neris:location-use-ambiguous');
  });

  it('a property use without a NERIS row is reported', () => {
    const r = mapPropertyUseToNeris(makeFireIncident({ basic: { propertyUse: '000' } }));
    expect(r.findings[0]?.ruleId).toBe('neris:location-use-unmapped');
  });
});

describe('NERIS export', () => {
  it('writes the framework field names, UTC times and the crosswalk findings', () => {
    const r = exportNerisIncident(makeFireIncident({ neris: { incidentType: ['FIRE', 'STRUCTURE_FIRE', 'ROOM_AND_CONTENTS_FIRE'] } }), { departmentNerisId: 'FD53000000' });
    expect(r.findings).toEqual([]);
    expect(r.incident).toMatchObject({
      incident_neris_id: `FD53000000:${Date.parse('2026-05-04T20:05:00Z')}`,
      incident_internal_id: '31D44-2026-05-04-124-0',
      incident_final_type: [['FIRE', 'STRUCTURE_FIRE', 'ROOM_AND_CONTENTS_FIRE']],
      incident_final_type_primary: [true],
      incident_location_use: { use_type: 'RESIDENTIAL', use_subtype: 'DETATCHED_SINGLE_FAMILY_DWELLING' },
      incident_location: { an_number: 3081, sn_street_name: 'Meridian', csop_state: 'WA', csop_postal_code: '98225' },
      dispatch: { dispatch_time_call_create: '2026-05-04T20:05:00.000Z', time_incident_clear: '2026-05-04T22:20:00.000Z' },
      unit_response: [{ time_on_scene: '2026-05-04T20:11:00.000Z' }],
      tactic_timestamps: { time_fire_under_control: '2026-05-04T20:40:00.000Z' },
      fire: { structure_floor_of_origin: 1 },
    });
  });

  it('selects a date range by alarm time, in order, and reports unmappable codes', () => {
    const incidents = [
      makeFireIncident({ id: 'late', basic: { incidentNumber: '3', alarmAt: '2026-05-31T23:59:00-07:00', incidentType: '611', actionsTaken: ['93'] } }),
      makeFireIncident({ id: 'out', basic: { incidentNumber: '9', alarmAt: '2026-06-01T07:00:00Z' } }),
      makeFireIncident({ id: 'early', basic: { incidentNumber: '1', alarmAt: '2026-05-01T00:00:00Z', incidentType: '311' } }),
      makeFireIncident({ id: 'before', basic: { incidentNumber: '0', alarmAt: '2026-04-30T23:59:59Z' } }),
    ];
    const r = exportNerisIncidents(incidents, { departmentNerisId: 'FD53000000', from: '2026-05-01T00:00:00Z', to: '2026-06-01T07:00:00Z' });
    expect(r.incidents.map((i) => i.x_nfirs.incident_number)).toEqual(['1', '3']);
    expect(r.findings).toContainEqual(expect.objectContaining({ ruleId: 'neris:incident-type-unmapped', path: 'early.basic.incidentType' }));
  });

  it('a bad range is a finding', () => {
    expect(exportNerisIncidents([], { departmentNerisId: 'x', from: 'May', to: '2026-06-01T00:00:00Z' }).findings[0]?.ruleId).toBe('neris:export-range');
  });
});
