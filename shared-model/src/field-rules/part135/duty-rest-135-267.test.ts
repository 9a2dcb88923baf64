import { describe, expect, it } from 'vitest';
import { checkCumulativeFlightTime, checkQuarterlyRestPeriods, requiredRestAfterOverrun } from './duty-rest-135-267';
import { parsePilotLog, type ParsedLeg } from './parse-log';
import { at, makeDuty, makeLeg } from './test-helpers';
import type { PilotLog } from './types';
import { validatePilotLog } from './validate-pilot-log';

const NOW = '2026-05-20T00:00:00Z';
const ids = (log: PilotLog, now = NOW) => validatePilotLog(log, { now }).map((f) => `${f.severity} ${f.ruleId}`);

describe('135.267(b)/(c): flight time in 24 consecutive hours', () => {
  it('one pilot, 7 h in a 12 h duty with 12 h rest before: no findings', () => {
    const log: PilotLog = {
      pilotId: 'p1',
      dutyPeriods: [makeDuty('d1', '2026-05-03T06:00:00Z', 12), makeDuty('d2', '2026-05-04T06:00:00Z', 12)],
      legs: [makeLeg('l1', '2026-05-04T07:00:00Z', 4), makeLeg('l2', '2026-05-04T12:00:00Z', 3)],
    };
    expect(ids(log)).toEqual([]);
  });

  it.each([
    { pilots: 1 as const, hours: 8, ok: true },
    { pilots: 1 as const, hours: 8.5, ok: false },
    { pilots: 2 as const, hours: 10, ok: true },
    { pilots: 2 as const, hours: 10.5, ok: false },
  ])('$pilots pilot(s), $hours h in one 13 h duty → ok=$ok', ({ pilots, hours, ok }) => {
    const log: PilotLog = {
      pilotId: 'p1',
      dutyPeriods: [makeDuty('d1', '2026-05-04T06:00:00Z', 13)],
      legs: [makeLeg('l1', '2026-05-04T07:00:00Z', hours / 2, pilots), makeLeg('l2', '2026-05-04T13:00:00Z', hours / 2, pilots)],
    };
    expect(ids(log)).toEqual(ok ? [] : ['ERROR cfr:135.267(b)']);
  });

  it('(c): two qualifying 14 h duties around a 10 h rest may hold 14 h of flight in one 24 h window', () => {
    const log: PilotLog = {
      pilotId: 'p1',
      dutyPeriods: [makeDuty('a', '2026-05-04T06:00:00Z', 14), makeDuty('b', '2026-05-05T06:00:00Z', 14)],
      legs: [makeLeg('a1', '2026-05-04T13:00:00Z', 7), makeLeg('b1', '2026-05-05T06:00:00Z', 7)],
    };
    expect(ids(log)).toEqual([]);
  });

  it('(c): the same flying with only 9 h rest between duties breaks (b) and (c)', () => {
    const log: PilotLog = {
      pilotId: 'p1',
      dutyPeriods: [makeDuty('a', '2026-05-04T06:00:00Z', 14), makeDuty('b', '2026-05-05T05:00:00Z', 14)],
      legs: [makeLeg('a1', '2026-05-04T13:00:00Z', 7), makeLeg('b1', '2026-05-05T05:00:00Z', 7)],
    };
    const found = ids(log);
    expect(found).toContain('ERROR cfr:135.267(b)');
    expect(found).toContain('ERROR cfr:135.267(c)');
  });

  it('(c): a 16 h duty is refused', () => {
    const log: PilotLog = { pilotId: 'p1', dutyPeriods: [makeDuty('d', '2026-05-04T04:00:00Z', 16)], legs: [] };
    expect(ids(log)).toEqual(['ERROR cfr:135.267(c)', 'ERROR cfr:135.267(d)']);
  });
});

describe('135.267(d): 10 consecutive hours of rest in the 24 h before completion', () => {
  it('9 h between duties fails (d) as well as (c)', () => {
    const log: PilotLog = {
      pilotId: 'p1',
      dutyPeriods: [makeDuty('a', '2026-05-04T00:00:00Z', 8), makeDuty('b', '2026-05-04T17:00:00Z', 6)],
      legs: [],
    };
    expect(ids(log)).toEqual(['ERROR cfr:135.267(c)', 'ERROR cfr:135.267(d)']);
  });

  it('10 h between duties passes', () => {
    const log: PilotLog = {
      pilotId: 'p1',
      dutyPeriods: [makeDuty('a', '2026-05-04T00:00:00Z', 8), makeDuty('b', '2026-05-04T18:00:00Z', 6)],
      legs: [],
    };
    expect(ids(log)).toEqual([]);
  });
});

describe('135.267(e): rest after an overrun beyond the crew\u2019s control', () => {
  it.each([
    { overMin: 20, required: 11 },
    { overMin: 30, required: 11 },
    { overMin: 45, required: 12 },
    { overMin: 60, required: 12 },
    { overMin: 61, required: 16 },
  ])('$overMin min over → $required h rest', ({ overMin, required }) => {
    expect(requiredRestAfterOverrun(overMin * 60_000)).toBe(required * 3_600_000);
  });

  const logWithRest = (restHours: number): PilotLog => ({
    pilotId: 'p1',
    dutyPeriods: [
      makeDuty('a', '2026-05-04T06:00:00Z', 12, { exceededBeyondControl: true }),
      makeDuty('b', new Date(at('2026-05-04T18:00:00Z') + restHours * 3_600_000).toISOString(), 8),
    ],
    legs: [makeLeg('a1', '2026-05-04T07:00:00Z', 8 + 20 / 60)],
  });

  it('20 min over, 11 h rest: only the warning for the overrun', () => {
    expect(ids(logWithRest(11))).toEqual(['WARNING cfr:135.267(b)']);
  });

  it('20 min over, 10.5 h rest: (e) error', () => {
    expect(ids(logWithRest(10.5))).toEqual(['WARNING cfr:135.267(b)', 'ERROR cfr:135.267(e)']);
  });
});

describe('135.267(a): 500 / 800 / 1,400 hours', () => {
  const span = (start: string, hours: number): ParsedLeg => {
    const s = at(start);
    return { start: s, end: s + hours * 3_600_000, index: 0, leg: makeLeg('x', start, hours) };
  };
  it.each([
    { name: '500 h in Q1 passes', legs: [span('2026-01-02T00:00:00Z', 500)], expected: [] },
    { name: '501 h in Q1 fails', legs: [span('2026-01-02T00:00:00Z', 501)], expected: ['quarter'] },
    { name: '450 + 351 h in Q1+Q2 fails the 800 h rule', legs: [span('2026-01-02T00:00:00Z', 450), span('2026-04-02T00:00:00Z', 351)], expected: ['two consecutive'] },
    {
      name: '350 + 350 + 351 + 351 h in one year fails only the 1,400 h rule',
      legs: [span('2026-01-02T00:00:00Z', 350), span('2026-04-02T00:00:00Z', 350), span('2026-07-02T00:00:00Z', 351), span('2026-10-02T00:00:00Z', 351)],
      expected: ['calendar year'],
    },
  ])('$name', ({ legs, expected }) => {
    const messages = checkCumulativeFlightTime(legs).map((f) => f.message);
    expect(messages.length).toBe(expected.length);
    expected.forEach((e, i) => expect(messages[i]).toContain(e));
  });

  it('a leg across the quarter boundary is split between quarters', () => {
    expect(checkCumulativeFlightTime([span('2026-03-31T20:00:00Z', 8)])).toEqual([]);
  });
});

describe('135.267(f): 13 rest periods of 24 h per calendar quarter', () => {
  /** Daily 08:00–18:00 duties through Q1 2026 except the given days off (day-of-year numbers, 1-based). */
  const quarterLog = (daysOff: number[]): PilotLog => {
    const duties = [];
    for (let day = 1; day <= 90; day++) {
      if (daysOff.includes(day)) continue;
      const date = new Date(Date.UTC(2026, 0, day, 8)).toISOString();
      duties.push(makeDuty(`d${day}`, date, 10));
    }
    return { pilotId: 'p1', dutyPeriods: duties, legs: [] };
  };
  const offDays = (n: number) => Array.from({ length: n }, (_, i) => 5 + i * 7);

  it('13 days off (each a 38 h rest) passes', () => {
    const parsed = parsePilotLog(quarterLog(offDays(13)));
    expect(checkQuarterlyRestPeriods(parsed.duties, at('2026-04-15T00:00:00Z'), 'cfr:135.267(f)')).toEqual([]);
  });

  it('12 days off fails for the completed quarter', () => {
    const parsed = parsePilotLog(quarterLog(offDays(12)));
    const findings = checkQuarterlyRestPeriods(parsed.duties, at('2026-04-15T00:00:00Z'), 'cfr:135.267(f)');
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'cfr:135.267(f)', severity: 'ERROR', message: expect.stringContaining('2026-Q1 had 12') })]);
  });

  it('the current quarter warns only once 13 can no longer be reached', () => {
    const parsed = parsePilotLog(quarterLog([]));
    expect(checkQuarterlyRestPeriods(parsed.duties, at('2026-02-01T00:00:00Z'), 'cfr:135.267(f)')).toEqual([]);
    const late = checkQuarterlyRestPeriods(parsed.duties, at('2026-03-25T00:00:00Z'), 'cfr:135.267(f)');
    expect(late).toEqual([expect.objectContaining({ severity: 'WARNING' })]);
  });
});

describe('bad input', () => {
  it('missing, offset-less and reversed times are findings, never NaN or a throw', () => {
    const log: PilotLog = {
      pilotId: 'p1',
      dutyPeriods: [{ id: 'd', start: '2026-05-04T06:00:00', end: '2026-05-04T18:00:00Z' }, { id: 'e', start: '2026-05-05T18:00:00Z', end: '2026-05-05T06:00:00Z' }],
      legs: [{ id: 'l', blockOut: '', blockIn: '2026-05-04T07:00:00Z', pilotsOnCrew: 1 }, makeLeg('m', '2026-05-06T07:00:00Z', 1)],
    };
    const findings = validatePilotLog(log, { now: NOW });
    expect(findings.map((f) => f.ruleId)).toEqual(['part135:time-missing', 'part135:time-missing', 'part135:time-order', 'part135:leg-outside-duty']);
    expect(findings.every((f) => !f.message.includes('NaN'))).toBe(true);
  });
});
