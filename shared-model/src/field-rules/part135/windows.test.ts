import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDailyFlightTime, checkDutyAndRest } from './duty-rest-135-267';
import { checkHemsAssignments } from './hems-135-271';
import { parsePilotLog } from './parse-log';
import { isoWithOffset } from './test-helpers';
import type { Interval, PilotLog } from './types';
import { validatePilotLog } from './validate-pilot-log';
import { firstWindowWithoutRest, maxWithinAnyWindow, sumWithin } from './windows';

const H = 3_600_000;
const BASE = Date.UTC(2026, 2, 1);

/** Non-overlapping intervals on a grid of `step` ms. */
const intervalsArb = (step: number, maxLen: number) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: maxLen })), { maxLength: 8 }).map((parts) => {
    const out: Interval[] = [];
    let t = BASE;
    for (const [gap, len] of parts) {
      t += gap * step;
      out.push({ start: t, end: t + len * step });
      t += len * step;
    }
    return out;
  });

describe('window arithmetic (property tests)', () => {
  it('maxWithinAnyWindow equals a brute-force scan over the grid', () => {
    fc.assert(
      fc.property(intervalsArb(15 * 60_000, 40), (legs) => {
        const best = maxWithinAnyWindow(legs, 24 * H).total;
        let brute = 0;
        const from = (legs[0]?.start ?? BASE) - 24 * H;
        const to = legs.at(-1)?.end ?? BASE;
        for (let t = from; t <= to; t += 15 * 60_000) brute = Math.max(brute, sumWithin(legs, t, t + 24 * H));
        return best === brute;
      }),
    );
  });

  it('firstWindowWithoutRest agrees with a half-hour brute-force scan', () => {
    fc.assert(
      fc.property(intervalsArb(H, 12), fc.integer({ min: 24, max: 96 }), (rests, spanHours) => {
        const from = BASE;
        const to = BASE + spanHours * H;
        const found = firstWindowWithoutRest(rests, from, to, 24 * H, 8 * H);
        let bruteFirst: number | undefined;
        for (let t = from; t <= to - 24 * H; t += H / 2) {
          const ok = rests.some((r) => Math.min(r.end, t + 24 * H, to) - Math.max(r.start, t, from) >= 8 * H);
          if (!ok) {
            bruteFirst = t;
            break;
          }
        }
        if (bruteFirst === undefined) return found === undefined;
        return found !== undefined && found.start <= bruteFirst && found.start > bruteFirst - H / 2;
      }),
    );
  });
});

/** A random log of duty periods (hour grid) with legs inside them. */
const logArb = fc
  .array(fc.tuple(fc.integer({ min: 6, max: 30 }), fc.integer({ min: 2, max: 20 }), fc.integer({ min: 0, max: 10 }), fc.constantFrom<1 | 2>(1, 2)), { minLength: 1, maxLength: 6 })
  .map((parts) => {
    const dutyPeriods: { id: string; start: number; end: number; restPeriods: { start: number; end: number }[] }[] = [];
    const legs: { id: string; blockOut: number; blockIn: number; pilotsOnCrew: 1 | 2 }[] = [];
    let t = BASE;
    parts.forEach(([rest, dutyLen, flight, pilots], i) => {
      t += rest * H;
      dutyPeriods.push({ id: `d${i}`, start: t, end: t + dutyLen * H, restPeriods: [] });
      const f = Math.min(flight, dutyLen - 1);
      if (f > 0) legs.push({ id: `l${i}`, blockOut: t + H, blockIn: t + H + f * H, pilotsOnCrew: pilots });
      t += dutyLen * H;
    });
    return { dutyPeriods, legs };
  });

const key = (f: { ruleId: string; severity: string; path: string }) => `${f.severity} ${f.ruleId} ${f.path}`;

describe('time-zone and DST independence (property tests)', () => {
  it('the same instants written with any UTC offsets give the same findings', () => {
    fc.assert(
      fc.property(logArb, fc.array(fc.integer({ min: -12 * 4, max: 14 * 4 }), { minLength: 4, maxLength: 4 }), (raw, offsets) => {
        const off = (i: number) => (offsets[i % offsets.length] ?? 0) * 15;
        const utc: PilotLog = { pilotId: 'p', dutyPeriods: raw.dutyPeriods, legs: raw.legs };
        const shifted: PilotLog = {
          pilotId: 'p',
          dutyPeriods: raw.dutyPeriods.map((d, i) => ({ ...d, start: isoWithOffset(d.start, off(i)), end: isoWithOffset(d.end, off(i + 1)) })),
          legs: raw.legs.map((l, i) => ({ ...l, blockOut: isoWithOffset(l.blockOut, off(i + 2)), blockIn: isoWithOffset(l.blockIn, off(i + 3)) })),
        };
        const now = BASE + 200 * 24 * H;
        const a = validatePilotLog(utc, { now }).map(key);
        const b = validatePilotLog(shifted, { now: isoWithOffset(now, off(0)) }).map(key);
        return JSON.stringify(a) === JSON.stringify(b);
      }),
    );
  });

  it('moving a whole log in time does not change the 24-hour, duty, rest or HEMES findings', () => {
    fc.assert(
      fc.property(logArb, fc.integer({ min: -5000, max: 5000 }), (raw, shiftHours) => {
        const move = (ms: number) => ms + shiftHours * H + 17 * 60_000;
        const moved = {
          pilotId: 'p',
          dutyPeriods: raw.dutyPeriods.map((d) => ({ ...d, start: move(d.start), end: move(d.end) })),
          legs: raw.legs.map((l) => ({ ...l, blockOut: move(l.blockOut), blockIn: move(l.blockIn) })),
        };
        const run = (log: PilotLog) => {
          const p = parsePilotLog(log);
          return [...checkDailyFlightTime(p.legs, p.duties), ...checkDutyAndRest(p.duties), ...checkHemsAssignments(p.duties)].map(key);
        };
        return JSON.stringify(run({ pilotId: 'p', ...raw })) === JSON.stringify(run(moved));
      }),
    );
  });

  it('a duty across the US spring-forward change is measured in real hours, not wall-clock hours', () => {
    // 22:00 EST on 7 March to 12:00 EDT on 8 March 2026 is 13 real hours (14 on the wall clock).
    const log: PilotLog = {
      pilotId: 'p',
      dutyPeriods: [{ id: 'd', start: '2026-03-07T22:00:00-05:00', end: '2026-03-08T12:00:00-04:00' }],
      // 23:00 EST to 07:30 EDT: 7.5 h of flight (8.5 h on the wall clock — over the one-pilot limit if miscounted).
      legs: [{ id: 'l', blockOut: '2026-03-07T23:00:00-05:00', blockIn: '2026-03-08T07:30:00-04:00', pilotsOnCrew: 1 }],
    };
    expect(validatePilotLog(log, { now: '2026-03-20T00:00:00Z' })).toEqual([]);
  });
});
