import { describe, expect, it } from 'vitest';
import type { FireIncident } from './fire-incident';
import { validateFireIncident } from './nfirs-rules';
import { makeFireIncident } from './test-factory';

const ruleIds = (incident: FireIncident) => validateFireIncident(incident).map((f) => `${f.severity} ${f.ruleId}`);

describe('a complete building fire', () => {
  it('has no findings', () => {
    expect(validateFireIncident(makeFireIncident())).toEqual([]);
  });

  it('every finding carries its source in the message', () => {
    const findings = validateFireIncident(makeFireIncident({ structureFire: undefined, basic: { actionsTaken: ['11', '11'] } }));
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.message).toMatch(/\[NFIRS[^\]]*\]$/);
    expect(findings.find((f) => f.ruleId === 'nfirs:module-structure-required')?.message).toContain('relational edit #9');
  });
});

describe('module rules', () => {
  const bare = { fire: undefined, structureFire: undefined };
  it.each([
    { name: '111 without Structure Fire module', incident: makeFireIncident({ structureFire: undefined }), expected: ['ERROR nfirs:module-structure-required'] },
    { name: '112 without any fire module', incident: makeFireIncident({ ...bare, basic: { incidentType: '112' } }), expected: ['ERROR nfirs:module-structure-required', 'ERROR nfirs:module-fire-required', 'ERROR nfirs:living-units-required'] },
    { name: '121 without Structure Fire module', incident: makeFireIncident({ structureFire: undefined, basic: { incidentType: '121' } }), expected: ['ERROR nfirs:module-structure-required'] },
    { name: '123 with both modules', incident: makeFireIncident({ basic: { incidentType: '123' } }), expected: [] },
    { name: '113 without detector H2', incident: makeFireIncident({ ...bare, basic: { incidentType: '113' } }), expected: ['ERROR nfirs:detector-h2-required'] },
    { name: '113 with detector H2 needs no other module', incident: makeFireIncident({ ...bare, basic: { incidentType: '113', detectorAlertedOccupants: '1' } }), expected: [] },
    { name: '118 without detector H2', incident: makeFireIncident({ ...bare, basic: { incidentType: '118' } }), expected: ['ERROR nfirs:detector-h2-required'] },
    { name: 'Fire module on an EMS call', incident: makeFireIncident({ structureFire: undefined, basic: { incidentType: '321', propertyUse: '419' } }), expected: ['ERROR nfirs:module-fire-only-for-fires'] },
    { name: 'Structure Fire module on a false alarm', incident: makeFireIncident({ fire: undefined, basic: { incidentType: '745' } }), expected: ['ERROR nfirs:module-structure-only-for-fires'] },
    { name: 'Arson module on 173', incident: makeFireIncident({ ...bare, arsonModule: true, basic: { incidentType: '173', propertyUse: '931' }, fire: { acresBurned: 2 } }), expected: [] },
    { name: 'Arson module on 200', incident: makeFireIncident({ ...bare, arsonModule: true, basic: { incidentType: '200' } }), expected: ['ERROR nfirs:module-arson-only-for-fires'] },
    { name: 'mutual aid given (3) on 111 needs only Basic to G1', incident: makeFireIncident({ ...bare, basic: { aidGivenOrReceived: '3' } }), expected: [] },
    { name: 'automatic aid given (4) on 113 needs no H2', incident: makeFireIncident({ ...bare, basic: { incidentType: '113', aidGivenOrReceived: '4' } }), expected: [] },
    { name: 'aid received (1) on 111 still needs the modules', incident: makeFireIncident({ structureFire: undefined, basic: { aidGivenOrReceived: '1' } }), expected: ['ERROR nfirs:module-structure-required'] },
    { name: '611 without action 93', incident: makeFireIncident({ ...bare, basic: { incidentType: '611', actionsTaken: ['86'], arrivalAt: undefined, controlledAt: undefined } }), expected: ['ERROR nfirs:611-requires-action-93'] },
    { name: '611 with action 93', incident: makeFireIncident({ ...bare, basic: { incidentType: '611', actionsTaken: ['93'], arrivalAt: undefined, controlledAt: undefined } }), expected: [] },
    { name: '#36: 419 property, 111, no living units', incident: makeFireIncident({ fire: { mobilePropertyInvolved: 'N' } }), expected: ['ERROR nfirs:living-units-required'] },
    { name: '#36: 419 property, 113 needs no living units', incident: makeFireIncident({ ...bare, basic: { incidentType: '113', detectorAlertedOccupants: '2' } }), expected: [] },
    { name: '#36: 500-series property needs no living units', incident: makeFireIncident({ fire: { mobilePropertyInvolved: 'N' }, basic: { propertyUse: '519' } }), expected: [] },
    { name: '142 brush fire without acres burned', incident: makeFireIncident({ ...bare, fire: { heatSource: '12' }, basic: { incidentType: '142', propertyUse: '931' } }), expected: ['ERROR nfirs:acres-burned-required'] },
    { name: '171 crop fire with acres burned', incident: makeFireIncident({ ...bare, fire: { acresBurned: 12.5 }, basic: { incidentType: '171', propertyUse: '931' } }), expected: [] },
    { name: '151 rubbish fire needs no acres', incident: makeFireIncident({ ...bare, basic: { incidentType: '151', propertyUse: '931' } }), expected: [] },
  ])('$name', ({ incident, expected }) => {
    expect(ruleIds(incident)).toEqual(expected);
  });
});

describe('time rules (E1)', () => {
  it.each([
    { name: 'arrival before alarm', basic: { arrivalAt: '2026-05-04T13:00:00-07:00' }, expected: ['ERROR nfirs:time-order'] },
    { name: 'controlled before alarm (and before arrival)', basic: { controlledAt: '2026-05-04T13:00:00-07:00' }, expected: ['ERROR nfirs:time-order', 'ERROR nfirs:time-order'] },
    { name: 'arrival after controlled', basic: { arrivalAt: '2026-05-04T13:45:00-07:00' }, expected: ['ERROR nfirs:time-order'] },
    { name: 'last unit cleared before controlled', basic: { lastUnitClearedAt: '2026-05-04T13:30:00-07:00' }, expected: ['ERROR nfirs:time-order'] },
    { name: 'offsets are honoured: 20:10Z is after 13:05-07:00', basic: { arrivalAt: '2026-05-04T20:10:00Z' }, expected: [] },
    { name: 'alarm missing', basic: { alarmAt: undefined }, expected: ['ERROR nfirs:required-field'] },
    { name: 'time without offset', basic: { arrivalAt: '2026-05-04T13:11:00' }, expected: ['ERROR nfirs:time-format'] },
    { name: 'over 24 h on a building fire', basic: { lastUnitClearedAt: '2026-05-05T14:00:00-07:00' }, expected: ['WARNING nfirs:duration-over-24h'] },
  ])('$name', ({ basic, expected }) => {
    expect(ruleIds(makeFireIncident({ basic }))).toEqual(expected);
  });

  it('over 24 h is fine for an 800-series incident', () => {
    const storm = makeFireIncident({ fire: undefined, structureFire: undefined, basic: { incidentType: '813', controlledAt: undefined, lastUnitClearedAt: '2026-05-06T09:00:00-07:00' } });
    expect(ruleIds(storm)).toEqual([]);
  });
});

describe('USFA critical relational edits (enforced since October 2020)', () => {
  const sf = makeFireIncident().structureFire ?? {};
  it.each([
    { name: '#30 duplicate action taken', incident: makeFireIncident({ basic: { actionsTaken: ['11', '86', '11'] } }), expected: ['ERROR nfirs:re30-action-taken-duplicate'] },
    { name: '#30 blanks may repeat', incident: makeFireIncident({ basic: { actionsTaken: ['11', '', ''] } }), expected: [] },
    { name: '#35 civilian casualty form on a 300-series call', incident: makeFireIncident({ fire: undefined, structureFire: undefined, civilianFireCasualtyForms: 1, basic: { incidentType: '322', controlledAt: undefined } }), expected: ['ERROR nfirs:re35-civilian-casualty-not-fire'] },
    { name: '#35 civilian casualty form on a fire', incident: makeFireIncident({ civilianFireCasualtyForms: 1 }), expected: [] },
    { name: '#59 age was a factor without age', incident: makeFireIncident({ fire: { residentialLivingUnits: 1, humanFactors: ['7'], humanFactorSex: '1' } }), expected: ['ERROR nfirs:re59-human-factor-age'] },
    { name: '#59 age was a factor with age and sex', incident: makeFireIncident({ fire: { residentialLivingUnits: 1, humanFactors: ['7'], humanFactorEstimatedAge: 4, humanFactorSex: '2' } }), expected: [] },
    { name: '#64 mobile property None with details', incident: makeFireIncident({ fire: { residentialLivingUnits: 1, mobilePropertyInvolved: 'N', mobileProperty: { make: 'Ford' } } }), expected: ['ERROR nfirs:re64-mobile-property-none'] },
    { name: '#64 mobile property involved with details', incident: makeFireIncident({ fire: { residentialLivingUnits: 1, mobilePropertyInvolved: '1', mobileProperty: { make: 'Ford' } } }), expected: [] },
    { name: '#74 detectors present without L3', incident: makeFireIncident({ structureFire: { ...sf, detectorPower: undefined } }), expected: ['ERROR nfirs:re74-detector-presence'] },
    { name: '#74 L1 blank with L2 entered', incident: makeFireIncident({ structureFire: { aesPresence: 'N', detectorType: '1' } }), expected: ['ERROR nfirs:re74-detector-presence'] },
    { name: '#75 operated without effectiveness', incident: makeFireIncident({ structureFire: { ...sf, detectorEffectiveness: undefined } }), expected: ['ERROR nfirs:re75-detector-effectiveness'] },
    { name: '#75 effectiveness when it did not operate', incident: makeFireIncident({ structureFire: { ...sf, detectorOperation: '1' } }), expected: ['ERROR nfirs:re75-detector-effectiveness'] },
    { name: '#76 failed without a reason', incident: makeFireIncident({ structureFire: { ...sf, detectorOperation: '3', detectorEffectiveness: undefined } }), expected: ['ERROR nfirs:re76-detector-failure-reason'] },
    { name: '#76 failed with a reason', incident: makeFireIncident({ structureFire: { ...sf, detectorOperation: '3', detectorEffectiveness: undefined, detectorFailureReason: '1' } }), expected: [] },
    { name: '#76 operated with a failure reason', incident: makeFireIncident({ structureFire: { ...sf, detectorFailureReason: '1' } }), expected: ['ERROR nfirs:re76-detector-failure-reason'] },
    { name: '#79 no AES but AES type entered', incident: makeFireIncident({ structureFire: { ...sf, aesType: '1' } }), expected: ['ERROR nfirs:re79-aes-not-present'] },
    { name: '#79 AES present with type', incident: makeFireIncident({ structureFire: { ...sf, aesPresence: '1', aesType: '1', aesOperation: '1' } }), expected: [] },
    { name: '#81 AES effective with failure reason', incident: makeFireIncident({ structureFire: { ...sf, aesPresence: '1', aesType: '1', aesOperation: '1', aesFailureReason: '2' } }), expected: ['ERROR nfirs:re81-aes-failure-reason'] },
  ])('$name', ({ incident, expected }) => {
    expect(ruleIds(incident)).toEqual(expected);
  });
});

describe('required Basic entries', () => {
  it('bad keys are findings, never a throw', () => {
    const bad = makeFireIncident({ basic: { fdid: '1', state: 'Washington', incidentNumber: '', exposureNumber: -1, incidentType: '1x1', actionsTaken: [] } });
    const paths = validateFireIncident(bad).filter((f) => f.ruleId === 'nfirs:required-field').map((f) => f.path);
    expect(paths).toEqual(['basic.fdid', 'basic.state', 'basic.incidentNumber', 'basic.exposureNumber', 'basic.incidentType', 'basic.actionsTaken']);
  });
});
