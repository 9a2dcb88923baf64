import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateHydrantFlowTest } from './hydrant-flow';
import { computeHydrantDueDates } from './hydrant-inspection';
import { validatePilotLog } from './part135/validate-pilot-log';
import { checkVfrFuelReserve } from './part135/fuel-reserve-135-209';

const anyNumber = fc.oneof(fc.double(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY), fc.integer({ min: -100, max: 3000 }));
const anyTime = fc.oneof(
  fc.string(),
  fc.constant(''),
  fc.constant('2026-03-08T02:30:00'),
  fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms).toISOString()),
  fc.double(),
);
const noNaN = (value: unknown) => !JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? 'BAD' : v)).includes('BAD') && !JSON.stringify(value).includes('NaN');

describe('bad input never throws and never yields NaN', () => {
  it('hydrant flow tests', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, fc.array(fc.record({ outletDiameterIn: anyNumber, pitotPsi: anyNumber, coefficient: anyNumber }), { maxLength: 3 }), (s, r, outlets) => {
        const result = evaluateHydrantFlowTest({ staticPsi: s, residualPsi: r, outlets });
        return noNaN(result) && (result.flowAt20PsiGpm !== undefined || result.findings.length > 0);
      }),
    );
  });

  it('hydrant due dates', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => noNaN(computeHydrantDueDates({ lastInspectedOn: a, lastOperatedOn: b, today: '2026-01-01' }))));
  });

  it('fuel reserve', () => {
    fc.assert(fc.property(anyNumber, anyNumber, anyNumber, (f, t, b) => noNaN(checkVfrFuelReserve({ aircraft: 'helicopter', fuelOnBoard: f, tripFuel: t, cruiseBurnPerHour: b }))));
  });

  it('pilot logs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.string(), start: anyTime, end: anyTime }), { maxLength: 4 }),
        fc.array(fc.record({ id: fc.string(), blockOut: anyTime, blockIn: anyTime, pilotsOnCrew: fc.constantFrom<1 | 2>(1, 2) }), { maxLength: 4 }),
        anyTime,
        fc.constantFrom<'135.267' | '135.271'>('135.267', '135.271'),
        (dutyPeriods, legs, now, mode) => {
          const findings = validatePilotLog({ pilotId: 'p', dutyPeriods, legs }, { now, mode });
          return findings.every((f) => !f.message.includes('NaN') && !f.message.includes('Invalid Date'));
        },
      ),
    );
  });

  it('a non-finite epoch is refused like a malformed string', () => {
    const findings = validatePilotLog({ pilotId: 'p', dutyPeriods: [{ id: 'd', start: Number.NaN, end: 5 }], legs: [] }, { now: 0 });
    expect(findings.map((f) => f.ruleId)).toEqual(['part135:time-missing']);
  });
});
