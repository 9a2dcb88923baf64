import { describe, expect, it } from 'vitest';
import { checkVfrFuelReserve } from './fuel-reserve-135-209';
import { checkRiskAnalysis, RISK_ANALYSIS_ITEMS, type RiskAnalysis } from './risk-analysis-135-617';
import { makeLeg } from './test-helpers';

const complete = (overrides: Partial<RiskAnalysis> = {}): RiskAnalysis => ({
  operationId: 'op-1',
  answers: Object.fromEntries(RISK_ANALYSIS_ITEMS.map((i) => [i.id, 'reviewed'])),
  signedBy: 'PIC Rivera',
  signedAt: '2026-05-04T06:50:00Z',
  ...overrides,
});
const legs = [makeLeg('l1', '2026-05-04T07:00:00Z', 0.5, 1, { airAmbulance: true }), makeLeg('l2', '2026-05-04T08:00:00Z', 0.5)];

describe('135.617 pre-flight risk analysis', () => {
  it('complete and signed before the first leg: no findings', () => {
    expect(checkRiskAnalysis(complete(), legs)).toEqual([]);
  });

  it.each([
    { name: 'missing analysis', analysis: undefined, path: 'riskAnalysis' },
    { name: 'weather not assessed', analysis: complete({ answers: { ...complete().answers, weather: ' ' } }), path: 'riskAnalysis.answers.weather' },
    { name: 'not signed', analysis: complete({ signedBy: undefined }), path: 'riskAnalysis.signedAt' },
    { name: 'signed after the first leg began', analysis: complete({ signedAt: '2026-05-04T07:01:00Z' }), path: 'riskAnalysis.signedAt' },
    { name: 'time without offset', analysis: complete({ signedAt: '2026-05-04T06:50:00' }), path: 'riskAnalysis.signedAt' },
    { name: 'high risk without management approval', analysis: complete({ riskScore: 30, managementApprovalThreshold: 20 }), path: 'riskAnalysis.managementApproval' },
  ])('$name → cfr:135.617 error', ({ analysis, path }) => {
    expect(checkRiskAnalysis(analysis, legs)).toEqual([expect.objectContaining({ ruleId: 'cfr:135.617', severity: 'ERROR', path })]);
  });

  it('high risk with approval before departure passes', () => {
    const a = complete({ riskScore: 30, managementApprovalThreshold: 20, managementApproval: { approvedBy: 'DO Chen', approvedAt: '2026-05-04T06:55:00Z' } });
    expect(checkRiskAnalysis(a, legs)).toEqual([]);
  });
});

describe('135.209 VFR fuel reserve', () => {
  it.each([
    { plan: { aircraft: 'helicopter' as const, fuelOnBoard: 300, tripFuel: 200, cruiseBurnPerHour: 300 }, ok: true, minutes: 20 },
    { plan: { aircraft: 'helicopter' as const, fuelOnBoard: 299, tripFuel: 200, cruiseBurnPerHour: 300 }, ok: false, minutes: 19.8 },
    { plan: { aircraft: 'airplane' as const, fuelOnBoard: 350, tripFuel: 200, cruiseBurnPerHour: 300 }, ok: true, minutes: 30 },
    { plan: { aircraft: 'airplane' as const, night: true, fuelOnBoard: 350, tripFuel: 200, cruiseBurnPerHour: 300 }, ok: false, minutes: 30 },
  ])('$plan.aircraft night=$plan.night → ok=$ok', ({ plan, ok, minutes }) => {
    const r = checkVfrFuelReserve(plan);
    expect(r.reserveMinutes).toBeCloseTo(minutes, 5);
    expect(r.findings.length === 0).toBe(ok);
  });

  it('helicopter shortfall cites 135.209(b)', () => {
    expect(checkVfrFuelReserve({ aircraft: 'helicopter', fuelOnBoard: 250, tripFuel: 200, cruiseBurnPerHour: 300 }).findings[0]).toMatchObject({ ruleId: 'cfr:135.209(b)' });
  });

  it('missing, negative or zero inputs are findings, not NaN', () => {
    const r = checkVfrFuelReserve({ aircraft: 'helicopter', fuelOnBoard: undefined, tripFuel: -5, cruiseBurnPerHour: 0 });
    expect(r.reserveMinutes).toBeUndefined();
    expect(r.findings.map((f) => f.path)).toEqual(['fuelOnBoard', 'tripFuel', 'cruiseBurnPerHour']);
  });
});
