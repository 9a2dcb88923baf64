import type { Finding } from '../../finding';
import { parseInstant } from '../time';
import type { DutyPeriod, FlightLeg, Interval, PilotLog } from './types';

export interface ParsedLeg extends Interval {
  leg: FlightLeg;
  index: number;
}

export interface ParsedDuty extends Interval {
  duty: DutyPeriod;
  index: number;
  /** Recorded rest inside the duty period (HEMES assignments). */
  rests: Interval[];
}

export interface ParsedPilotLog {
  legs: ParsedLeg[];
  duties: ParsedDuty[];
  findings: Finding[];
}

/** Plausible instants: anything outside is a typo (and would make quarter loops run for millennia). */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);
/** No single flight leg lasts a day; longer ones are data-entry errors and are left out of the totals. */
const MAX_LEG_MS = 24 * 3_600_000;

function parseSpan(
  start: string | number,
  end: string | number,
  path: string,
  what: string,
  findings: Finding[],
  maxLengthMs?: number,
): Interval | undefined {
  const s = parseInstant(start);
  const e = parseInstant(end);
  if (s === undefined || e === undefined) {
    findings.push({
      ruleId: 'part135:time-missing',
      severity: 'ERROR',
      path,
      message: `${what}: start and end must be ISO-8601 times with Z or an offset (e.g. 2026-03-08T14:05:00Z).`,
    });
    return undefined;
  }
  if (s < EARLIEST || e > LATEST) {
    findings.push({ ruleId: 'part135:time-range', severity: 'ERROR', path, message: `${what}: times must fall between 1970 and 2200.` });
    return undefined;
  }
  if (e <= s) {
    findings.push({ ruleId: 'part135:time-order', severity: 'ERROR', path, message: `${what} ends before it starts.` });
    return undefined;
  }
  if (maxLengthMs !== undefined && e - s > maxLengthMs) {
    findings.push({ ruleId: 'part135:time-range', severity: 'ERROR', path, message: `${what} lasts more than ${maxLengthMs / 3_600_000} h; check the times.` });
    return undefined;
  }
  return { start: s, end: e };
}

/**
 * Parse a pilot log onto the UTC time line. Unusable entries produce findings and are left out of
 * the rule checks (so one bad time never turns into NaN in a total).
 */
export function parsePilotLog(log: PilotLog): ParsedPilotLog {
  const findings: Finding[] = [];
  const legs: ParsedLeg[] = [];
  log.legs.forEach((leg, index) => {
    const span = parseSpan(leg.blockOut, leg.blockIn, `legs[${index}]`, `Leg ${leg.id}`, findings, MAX_LEG_MS);
    if (span) legs.push({ ...span, leg, index });
  });
  const duties: ParsedDuty[] = [];
  log.dutyPeriods.forEach((duty, index) => {
    const span = parseSpan(duty.start, duty.end, `dutyPeriods[${index}]`, `Duty period ${duty.id}`, findings);
    if (!span) return;
    const rests: Interval[] = [];
    (duty.restPeriods ?? []).forEach((r, ri) => {
      const rs = parseSpan(r.start, r.end, `dutyPeriods[${index}].restPeriods[${ri}]`, `Rest period in ${duty.id}`, findings);
      if (rs) rests.push(rs);
    });
    duties.push({ ...span, duty, index, rests });
  });
  legs.sort((a, b) => a.start - b.start);
  duties.sort((a, b) => a.start - b.start);
  for (let i = 1; i < duties.length; i++) {
    const prev = duties[i - 1];
    const cur = duties[i];
    if (prev && cur && cur.start < prev.end) {
      findings.push({
        ruleId: 'part135:duty-overlap',
        severity: 'ERROR',
        path: `dutyPeriods[${cur.index}]`,
        message: `Duty period ${cur.duty.id} overlaps duty period ${prev.duty.id}.`,
      });
    }
  }
  for (const l of legs) {
    if (!duties.some((d) => d.start <= l.start && l.end <= d.end)) {
      findings.push({
        ruleId: 'part135:leg-outside-duty',
        severity: 'ERROR',
        path: `legs[${l.index}]`,
        message: `Leg ${l.leg.id} is not inside any recorded duty period; flight time is always duty time.`,
      });
    }
  }
  return { legs, duties, findings };
}

/** The duty period that contains an instant, if any. */
export function dutyAt(duties: readonly ParsedDuty[], at: number): ParsedDuty | undefined {
  return duties.find((d) => d.start <= at && at < d.end);
}
