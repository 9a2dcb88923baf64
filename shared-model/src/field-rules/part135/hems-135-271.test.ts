import { describe, expect, it } from 'vitest';
import { requiredRestAfterHemsAssignment } from './hems-135-271';
import { at, iso, makeDuty } from './test-helpers';
import type { DutyPeriod, PilotLog, RestPeriod } from './types';
import { validatePilotLog } from './validate-pilot-log';

const H = 3_600_000;
const NOW = '2026-05-30T00:00:00Z';

/**
 * A HEMES assignment starting at `start`, lasting `hours`, with a rest of `restHours` every `cycle` hours from
 * +`restOffset` h. Note: "8 consecutive hours of rest during any 24 consecutive hours" means an 8 h rest must
 * start at most 16 h after the previous one began (a 24 h rest cycle leaves windows with less than 8 h).
 */
function assignment(id: string, start: string, hours: number, restOffset = 8, restHours = 8, cycle = 16): DutyPeriod {
  const s = at(start);
  const restPeriods: RestPeriod[] = [];
  for (let t = s + restOffset * H; t + restHours * H <= s + hours * H; t += cycle * H) {
    restPeriods.push({ start: iso(t), end: iso(t + restHours * H) });
  }
  return makeDuty(id, start, hours, { restPeriods });
}

const ruleIds = (log: PilotLog) => validatePilotLog(log, { now: NOW, mode: '135.271' }).map((f) => `${f.severity} ${f.ruleId}`);

describe('135.271 HEMES assignments', () => {
  it('a 72 h assignment with 8 h rest every day passes', () => {
    expect(ruleIds({ pilotId: 'p', dutyPeriods: [assignment('a', '2026-05-04T06:00:00Z', 72)], legs: [] })).toEqual([]);
  });

  it('73 h exceeds the 72 h cap', () => {
    expect(ruleIds({ pilotId: 'p', dutyPeriods: [assignment('a', '2026-05-04T06:00:00Z', 73)], legs: [] })).toEqual(['ERROR cfr:135.271(b)']);
  });

  it('7 h rests break the 8-in-24 rule', () => {
    expect(ruleIds({ pilotId: 'p', dutyPeriods: [assignment('a', '2026-05-04T06:00:00Z', 48, 8, 7)], legs: [] })).toEqual(['ERROR cfr:135.271(d)']);
  });

  it('an 8 h rest once every 24 h still leaves a 24 h window (look-back) without 8 h of rest', () => {
    expect(ruleIds({ pilotId: 'p', dutyPeriods: [assignment('a', '2026-05-04T06:00:00Z', 48, 14, 8, 24)], legs: [] })).toEqual(['ERROR cfr:135.271(d)']);
  });

  it('rest 8 h split into two 4 h naps does not count as consecutive', () => {
    const d = makeDuty('a', '2026-05-04T06:00:00Z', 30, {
      restPeriods: [
        { start: '2026-05-04T20:00:00Z', end: '2026-05-05T00:00:00Z' },
        { start: '2026-05-05T01:00:00Z', end: '2026-05-05T05:00:00Z' },
      ],
    });
    expect(ruleIds({ pilotId: 'p', dutyPeriods: [d], legs: [] })).toEqual(['ERROR cfr:135.271(d)']);
  });

  it.each([
    { length: 47, rest: 12, ok: true },
    { length: 47, rest: 11.5, ok: false },
    { length: 50, rest: 12, ok: false },
    { length: 50, rest: 16, ok: true },
  ])('assignment $length h then $rest h rest → ok=$ok', ({ length, rest, ok }) => {
    const a = assignment('a', '2026-05-04T06:00:00Z', length);
    const nextStart = iso(at('2026-05-04T06:00:00Z') + (length + rest) * H);
    const log: PilotLog = { pilotId: 'p', dutyPeriods: [a, assignment('b', nextStart, 24)], legs: [] };
    expect(ruleIds(log)).toEqual(ok ? [] : ['ERROR cfr:135.271(e)']);
  });

  it('rest required after an assignment: 12 h under 48 h, 16 h from 48 h', () => {
    expect(requiredRestAfterHemsAssignment(47.9 * H)).toBe(12 * H);
    expect(requiredRestAfterHemsAssignment(48 * H)).toBe(16 * H);
  });
});
