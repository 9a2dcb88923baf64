import type { Finding } from '../../finding';
import { DAY_MS, formatHours, formatInstant, HOUR_MS } from '../time';
import type { ParsedDuty } from './parse-log';
import { firstWindowWithoutRest } from './windows';

/**
 * 14 CFR 135.271 — helicopter hospital emergency medical evacuation service (HEMES), the "HEMS mode".
 * Each duty period in the log is one HEMES assignment.
 *   - an assignment may not exceed 72 consecutive hours;
 *   - at least 8 consecutive hours of rest during any 24 consecutive hours of the assignment
 *     (rest periods inside the assignment are recorded on the duty period);
 *   - rest after the assignment before further duty: 12 consecutive hours for an assignment of less
 *     than 48 hours, 16 consecutive hours for a longer one (an assignment of exactly 48 h is given 16 h);
 *   - 13 rest periods of 24 consecutive hours per calendar quarter (shared with 135.267(f)).
 * SOURCE NOTE: only the 8-hour rule was seen quoted from the regulation ("(d) Each flight crewmember must
 * receive at least 8 consecutive hours of rest during any 24 consecutive hour period of a HEMES assignment").
 * The other paragraph letters in the rule ids — (b) 72 h, (e) rest after, (g) 13 rest periods — were
 * written from secondary descriptions and are unverified; the limits themselves are the brief's figures.
 */

export const LIMITS_135_271 = {
  maxAssignmentMs: 72 * HOUR_MS,
  minRestIn24hMs: 8 * HOUR_MS,
  restAfterShortMs: 12 * HOUR_MS,
  restAfterLongMs: 16 * HOUR_MS,
  longAssignmentMs: 48 * HOUR_MS,
} as const;

/** Rest required after a HEMES assignment of the given length. */
export function requiredRestAfterHemsAssignment(lengthMs: number): number {
  return lengthMs < LIMITS_135_271.longAssignmentMs ? LIMITS_135_271.restAfterShortMs : LIMITS_135_271.restAfterLongMs;
}

/** 135.271 assignment checks for every duty period (assignment) of a log. */
export function checkHemsAssignments(duties: readonly ParsedDuty[]): Finding[] {
  const findings: Finding[] = [];
  duties.forEach((d, i) => {
    const path = `dutyPeriods[${d.index}]`;
    const length = d.end - d.start;
    if (length > LIMITS_135_271.maxAssignmentMs) {
      findings.push({ ruleId: 'cfr:135.271(b)', severity: 'ERROR', path, message: `HEMES assignment ${d.duty.id} lasts ${formatHours(length)}, over 72 consecutive hours.` });
    }
    const gap = firstWindowWithoutRest(d.rests, d.start, d.end, DAY_MS, LIMITS_135_271.minRestIn24hMs);
    if (gap) {
      findings.push({
        ruleId: 'cfr:135.271(d)',
        severity: 'ERROR',
        path,
        message: `The 24 hours from ${formatInstant(gap.start)} in assignment ${d.duty.id} contain no 8 consecutive hours of rest; the crewmember must be relieved.`,
      });
    }
    const next = duties[i + 1];
    const required = requiredRestAfterHemsAssignment(length);
    if (next && next.start - d.end < required) {
      findings.push({
        ruleId: 'cfr:135.271(e)',
        severity: 'ERROR',
        path: `dutyPeriods[${next.index}]`,
        message: `After a ${formatHours(length)} HEMES assignment ${formatHours(required)} of rest is required; only ${formatHours(next.start - d.end)} before ${next.duty.id}.`,
      });
    }
  });
  return findings;
}
