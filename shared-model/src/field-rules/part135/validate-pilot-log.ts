import type { Finding } from '../../finding';
import { parseInstant } from '../time';
import { checkCumulativeFlightTime, checkDailyFlightTime, checkDutyAndRest, checkQuarterlyRestPeriods } from './duty-rest-135-267';
import { checkHemsAssignments } from './hems-135-271';
import { parsePilotLog } from './parse-log';
import type { DutyRuleMode, PilotLog } from './types';

export interface ValidatePilotLogOptions {
  /** 135.267 (default) or 135.271 (HEMES assignments). */
  mode?: DutyRuleMode;
  /** Reference instant ("now"), ISO with offset or epoch ms — decides which quarters are complete. */
  now: string | number;
}

/**
 * All Part 135 duty, rest and flight-time checks for one pilot's log.
 * - 135.267 mode: (a) cumulative limits, (b)/(c)/(e) daily flight time, (c) duty and rest, (d), (f).
 * - 135.271 mode: 135.267(a) cumulative limits, HEMES assignment rules, 13 rest periods per quarter;
 *   whether 135.267(b) also binds during HEMES assignments was not verified, so it is reported as a WARNING.
 */
export function validatePilotLog(log: PilotLog, options: ValidatePilotLogOptions): Finding[] {
  const mode = options.mode ?? '135.267';
  const parsed = parsePilotLog(log);
  const findings: Finding[] = [...parsed.findings];
  const parsedNow = parseInstant(options.now);
  const now = parsedNow !== undefined && parsedNow >= Date.UTC(1970, 0, 1) && parsedNow <= Date.UTC(2200, 0, 1) ? parsedNow : undefined;
  if (now === undefined) {
    findings.push({ ruleId: 'part135:time-missing', severity: 'ERROR', path: 'now', message: 'The reference time must be an ISO-8601 time with an offset, between 1970 and 2200.' });
  }
  findings.push(...checkCumulativeFlightTime(parsed.legs));
  switch (mode) {
    case '135.267':
      findings.push(...checkDailyFlightTime(parsed.legs, parsed.duties));
      findings.push(...checkDutyAndRest(parsed.duties));
      if (now !== undefined) findings.push(...checkQuarterlyRestPeriods(parsed.duties, now, 'cfr:135.267(f)'));
      break;
    case '135.271':
      findings.push(...checkDailyFlightTime(parsed.legs, parsed.duties, { severity: 'WARNING' }));
      findings.push(...checkHemsAssignments(parsed.duties));
      if (now !== undefined) findings.push(...checkQuarterlyRestPeriods(parsed.duties, now, 'cfr:135.271(g)'));
      break;
  }
  return findings;
}
