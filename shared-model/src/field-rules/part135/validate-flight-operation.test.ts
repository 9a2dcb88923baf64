import { describe, expect, it } from 'vitest';
import { RISK_ANALYSIS_ITEMS } from './risk-analysis-135-617';
import { makeLeg } from './test-helpers';
import { validateFlightOperation } from './validate-flight-operation';

const answers = Object.fromEntries(RISK_ANALYSIS_ITEMS.map((i) => [i.id, 'ok']));

describe('validateFlightOperation', () => {
  it('an air-ambulance operation needs a signed risk analysis; fuel is checked per leg', () => {
    const legs = [makeLeg('l1', '2026-05-04T07:00:00Z', 0.5, 1, { airAmbulance: true })];
    const fuelPlans = { l1: { aircraft: 'helicopter' as const, fuelOnBoard: 250, tripFuel: 200, cruiseBurnPerHour: 300 } };
    expect(validateFlightOperation({ operationId: 'op', legs, fuelPlans }).map((f) => `${f.ruleId} ${f.path}`)).toEqual([
      'cfr:135.617 riskAnalysis',
      'cfr:135.209(b) legs[0].fuel.fuelOnBoard',
    ]);
    const ok = validateFlightOperation({
      operationId: 'op',
      legs,
      riskAnalysis: { operationId: 'op', answers, signedBy: 'PIC', signedAt: '2026-05-04T06:45:00Z' },
      fuelPlans: { l1: { ...fuelPlans.l1, fuelOnBoard: 320 } },
    });
    expect(ok).toEqual([]);
  });

  it('a non-air-ambulance operation needs no risk analysis', () => {
    expect(validateFlightOperation({ operationId: 'op', legs: [makeLeg('l1', '2026-05-04T07:00:00Z', 1)] })).toEqual([]);
  });
});
