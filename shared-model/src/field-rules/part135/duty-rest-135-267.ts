import type { Finding } from '../../finding';
import { calendarQuarterOf, DAY_MS, formatHours, formatInstant, HOUR_MS } from '../time';
import type { ParsedDuty, ParsedLeg } from './parse-log';
import { gapsWithin, longestGapWithin, sumWithin } from './windows';

/**
 * 14 CFR 135.267 — flight time limitations and rest requirements, unscheduled one- and two-pilot crews.
 *   (a) flight time in all commercial flying ≤ 500 h per calendar quarter, 800 h per two consecutive
 *       calendar quarters, 1,400 h per calendar year;
 *   (b) ≤ 8 h (one pilot) / 10 h (two pilots) flight time in any 24 consecutive hours, except as in (c);
 *   (c) flight time may exceed (b) inside a regularly assigned duty period of ≤ 14 h that is immediately
 *       preceded and followed by ≥ 10 consecutive hours of rest, with flight time in it ≤ 8/10 h;
 *   (d) each assignment provides ≥ 10 consecutive hours of rest in the 24 h before its planned completion;
 *   (e) after exceeding the daily limit for reasons beyond control: rest ≥ 11 h (≤ 30 min over),
 *       12 h (30–60 min over), 16 h (> 60 min over) before the next assignment;
 *   (f) ≥ 13 rest periods of ≥ 24 consecutive hours in each calendar quarter.
 * As the product brief asks, the duty-period scheme of (c) is treated as the operator's default: a duty
 * period over 14 h, or without 10 h rest before and after, is reported under (c).
 * Calendar quarters and years are UTC (the rule names no time zone; an operator's local quarter
 * boundary can differ by a few hours).
 */

export const LIMITS_135_267 = {
  quarterMs: 500 * HOUR_MS,
  twoQuartersMs: 800 * HOUR_MS,
  yearMs: 1400 * HOUR_MS,
  onePilot24hMs: 8 * HOUR_MS,
  twoPilots24hMs: 10 * HOUR_MS,
  maxDutyMs: 14 * HOUR_MS,
  restAroundDutyMs: 10 * HOUR_MS,
  restBeforeCompletionMs: 10 * HOUR_MS,
  restPeriodsPerQuarter: 13,
} as const;

const crewLimit = (legs: readonly ParsedLeg[]): number =>
  legs.some((l) => l.leg.pilotsOnCrew !== 2) ? LIMITS_135_267.onePilot24hMs : LIMITS_135_267.twoPilots24hMs;

/** 135.267(a): cumulative flight time per calendar quarter, two consecutive quarters and calendar year (UTC). */
export function checkCumulativeFlightTime(legs: readonly ParsedLeg[], ruleId = 'cfr:135.267(a)'): Finding[] {
  if (legs.length === 0) return [];
  const findings: Finding[] = [];
  const first = legs[0]?.start ?? 0;
  const last = Math.max(...legs.map((l) => l.end));
  let q = calendarQuarterOf(first);
  let prev: { label: string; total: number } | undefined;
  while (q.start < last) {
    const total = sumWithin(legs, q.start, q.end);
    if (total > LIMITS_135_267.quarterMs) {
      findings.push({ ruleId, severity: 'ERROR', path: 'legs', message: `Flight time in ${q.label} is ${formatHours(total)}, over 500 h per calendar quarter.` });
    }
    if (prev && prev.total + total > LIMITS_135_267.twoQuartersMs) {
      findings.push({ ruleId, severity: 'ERROR', path: 'legs', message: `Flight time in ${prev.label} and ${q.label} is ${formatHours(prev.total + total)}, over 800 h in two consecutive calendar quarters.` });
    }
    prev = { label: q.label, total };
    q = calendarQuarterOf(q.end);
  }
  const firstYear = new Date(first).getUTCFullYear();
  const lastYear = new Date(last).getUTCFullYear();
  for (let y = firstYear; y <= lastYear; y++) {
    const total = sumWithin(legs, Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1));
    if (total > LIMITS_135_267.yearMs) {
      findings.push({ ruleId, severity: 'ERROR', path: 'legs', message: `Flight time in ${y} is ${formatHours(total)}, over 1,400 h per calendar year.` });
    }
  }
  return findings;
}

interface DutyContext {
  restBefore?: number;
  restAfter?: number;
}

function dutyContext(duties: readonly ParsedDuty[], i: number): DutyContext {
  const d = duties[i];
  const prev = duties[i - 1];
  const next = duties[i + 1];
  if (!d) return {};
  return {
    restBefore: prev ? d.start - prev.end : undefined,
    restAfter: next ? next.start - d.end : undefined,
  };
}

/** Whether a duty period meets 135.267(c): ≤ 14 h, 10 h rest before and after (where known), flight ≤ limit. */
function qualifiesUnderC(duties: readonly ParsedDuty[], i: number, legs: readonly ParsedLeg[]): boolean {
  const d = duties[i];
  if (!d) return false;
  const ctx = dutyContext(duties, i);
  const inDuty = legs.filter((l) => l.start >= d.start && l.end <= d.end);
  return (
    d.end - d.start <= LIMITS_135_267.maxDutyMs &&
    (ctx.restBefore === undefined || ctx.restBefore >= LIMITS_135_267.restAroundDutyMs) &&
    (ctx.restAfter === undefined || ctx.restAfter >= LIMITS_135_267.restAroundDutyMs) &&
    sumWithin(inDuty, d.start, d.end) <= crewLimit(inDuty)
  );
}

/** 135.267(e): rest required after exceeding the daily limit by `excessMs` for reasons beyond control. */
export function requiredRestAfterOverrun(excessMs: number): number {
  if (excessMs <= 30 * 60_000) return 11 * HOUR_MS;
  if (excessMs <= 60 * 60_000) return 12 * HOUR_MS;
  return 16 * HOUR_MS;
}

/**
 * 135.267(b), (c), (e): flight time in any 24 consecutive hours. A window over the limit is accepted when
 * every duty period it touches qualifies under (c). Otherwise one finding per duty period (largest excess).
 */
export function checkDailyFlightTime(
  legs: readonly ParsedLeg[],
  duties: readonly ParsedDuty[],
  options: { severity?: 'ERROR' | 'WARNING' } = {},
): Finding[] {
  const findings: Finding[] = [];
  const worstByDuty = new Map<number, { excess: number; total: number; window: number }>();
  for (const anchor of legs) {
    for (const start of [anchor.start, anchor.end - DAY_MS]) {
      const end = start + DAY_MS;
      const inWindow = legs.filter((l) => l.end > start && l.start < end);
      const total = sumWithin(inWindow, start, end);
      const limit = crewLimit(inWindow);
      if (total <= limit) continue;
      const touched = duties.map((d, i) => ({ d, i })).filter(({ d }) => d.end > start && d.start < end && inWindow.some((l) => l.start < d.end && l.end > d.start));
      if (touched.length > 0 && touched.every(({ i }) => qualifiesUnderC(duties, i, legs))) continue;
      const di = duties.findIndex((d) => d.start <= anchor.start && anchor.end <= d.end);
      const worst = worstByDuty.get(di);
      if (!worst || total - limit > worst.excess) worstByDuty.set(di, { excess: total - limit, total, window: start });
    }
  }
  for (const [di, w] of worstByDuty) {
    const duty = duties[di];
    const beyondControl = duty?.duty.exceededBeyondControl === true;
    findings.push({
      ruleId: 'cfr:135.267(b)',
      severity: beyondControl ? 'WARNING' : (options.severity ?? 'ERROR'),
      path: duty ? `dutyPeriods[${duty.index}]` : 'legs',
      message: `${formatHours(w.total)} of flight time in the 24 hours from ${formatInstant(w.window)}, over the ${formatHours(w.total - w.excess)} limit${beyondControl ? ' (recorded as beyond the crew\u2019s control: 135.267(e) rest applies)' : ''}.`,
    });
    if (duty && beyondControl) {
      const required = requiredRestAfterOverrun(w.excess);
      const next = duties[di + 1];
      if (next && next.start - duty.end < required) {
        findings.push({
          ruleId: 'cfr:135.267(e)',
          severity: 'ERROR',
          path: `dutyPeriods[${next.index}]`,
          message: `After exceeding the daily limit by ${formatHours(w.excess)}, ${formatHours(required)} of rest is required; only ${formatHours(next.start - duty.end)} before duty ${next.duty.id}.`,
        });
      }
    }
  }
  return findings;
}

/** 135.267(c) duty length and rest around each duty period, and (d) 10 h rest in the 24 h before completion. */
export function checkDutyAndRest(duties: readonly ParsedDuty[]): Finding[] {
  const findings: Finding[] = [];
  duties.forEach((d, i) => {
    const path = `dutyPeriods[${d.index}]`;
    const ctx = dutyContext(duties, i);
    if (d.end - d.start > LIMITS_135_267.maxDutyMs) {
      findings.push({ ruleId: 'cfr:135.267(c)', severity: 'ERROR', path, message: `Duty period ${d.duty.id} lasts ${formatHours(d.end - d.start)}, over 14 h.` });
    }
    if (ctx.restBefore !== undefined && ctx.restBefore < LIMITS_135_267.restAroundDutyMs) {
      findings.push({ ruleId: 'cfr:135.267(c)', severity: 'ERROR', path, message: `Only ${formatHours(ctx.restBefore)} of rest before duty period ${d.duty.id}; 10 consecutive hours are required.` });
    }
    const busy = duties.map((x) => ({ start: x.start, end: x.end }));
    const longest = longestGapWithin(busy, d.end - DAY_MS, d.end);
    if (longest < LIMITS_135_267.restBeforeCompletionMs) {
      findings.push({ ruleId: 'cfr:135.267(d)', severity: 'ERROR', path, message: `The 24 hours before duty period ${d.duty.id} ends contain at most ${formatHours(longest)} of consecutive rest; 10 hours are required.` });
    }
  });
  return findings;
}

/**
 * 135.267(f) / 135.271: at least 13 rest periods of ≥ 24 consecutive hours in each calendar quarter (UTC).
 * Time not in a recorded duty period is rest (the log is taken as complete). A rest period is counted
 * once, however long, in the quarter that holds ≥ 24 h of it. Completed quarters give an ERROR; the
 * current quarter a WARNING once 13 can no longer be reached.
 */
export function checkQuarterlyRestPeriods(duties: readonly ParsedDuty[], now: number, ruleId: string): Finding[] {
  if (duties.length === 0) return [];
  const findings: Finding[] = [];
  const busy = duties.map((d) => ({ start: d.start, end: d.end }));
  const first = duties[0]?.start ?? now;
  let q = calendarQuarterOf(first);
  while (q.start <= now) {
    const horizon = Math.min(q.end, now);
    const count = gapsWithin(busy, q.start, horizon).filter((g) => g.end - g.start >= DAY_MS).length;
    const need = LIMITS_135_267.restPeriodsPerQuarter;
    if (q.end <= now && count < need) {
      findings.push({ ruleId, severity: 'ERROR', path: 'dutyPeriods', message: `${q.label} had ${count} rest periods of 24 consecutive hours; ${need} are required.` });
    } else if (q.end > now) {
      const stillPossible = count + Math.floor((q.end - now) / DAY_MS);
      if (stillPossible < need) {
        findings.push({ ruleId, severity: 'WARNING', path: 'dutyPeriods', message: `${q.label}: ${count} rest periods of 24 h so far; ${need} can no longer be reached this quarter.` });
      }
    }
    q = calendarQuarterOf(q.end);
  }
  return findings;
}
