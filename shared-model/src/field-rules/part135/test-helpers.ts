import type { DutyPeriod, FlightLeg } from './types';

/** Test factories (not exported from the package). Times are UTC ISO strings. */
const H = 3_600_000;

export const iso = (ms: number): string => new Date(ms).toISOString();
export const at = (s: string): number => Date.parse(s);

export function makeLeg(id: string, start: string, hours: number, pilotsOnCrew: 1 | 2 = 1, overrides: Partial<FlightLeg> = {}): FlightLeg {
  const s = at(start);
  return { id, blockOut: iso(s), blockIn: iso(s + hours * H), pilotsOnCrew, ...overrides };
}

export function makeDuty(id: string, start: string, hours: number, overrides: Partial<DutyPeriod> = {}): DutyPeriod {
  const s = at(start);
  return { id, start: iso(s), end: iso(s + hours * H), ...overrides };
}

/** Render an instant with a fixed UTC offset in minutes, e.g. -300 → `…-05:00`. */
export function isoWithOffset(ms: number, offsetMin: number): string {
  const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
