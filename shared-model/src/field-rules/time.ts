/**
 * Time helpers for the field rules. Every instant is epoch milliseconds or an ISO-8601 string that
 * carries its offset (`Z` or `±hh:mm`); windows are computed on the UTC time line, so "24 consecutive
 * hours" is always exactly 86 400 000 ms, whatever the local time zone or a DST change in it.
 *
 * Calendar dates (due dates) are `YYYY-MM-DD` strings interpreted as UTC calendar days.
 * Month-end rule: adding months clamps to the last day of the target month
 * (2025-01-31 + 1 month = 2025-02-28; 2024-02-29 + 12 months = 2025-02-28).
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parse an instant: a finite epoch-ms number, or an ISO-8601 date-time with `Z` or an explicit offset.
 * A local time without offset is refused (it names no single instant). Returns undefined when unusable.
 */
export function parseInstant(value: string | number | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (!ISO_WITH_OFFSET.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Parse a `YYYY-MM-DD` calendar date (UTC). Returns epoch ms of 00:00Z, or undefined when invalid. */
export function parseCalendarDate(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms;
}

/** Format epoch ms as a `YYYY-MM-DD` UTC calendar date. */
export function formatCalendarDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Format epoch ms as an ISO-8601 UTC instant. */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/** Add calendar months to a `YYYY-MM-DD` date in UTC, clamping to the last day of the target month. */
export function addMonthsToDate(date: string, months: number): string | undefined {
  const ms = parseCalendarDate(date);
  if (ms === undefined || !Number.isInteger(months)) return undefined;
  const d = new Date(ms);
  const targetMonthIndex = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(targetMonthIndex / 12);
  const month = targetMonthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return formatCalendarDate(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay)));
}

/** The calendar quarter (UTC) containing an instant: its start and end (exclusive) in epoch ms. */
export function calendarQuarterOf(ms: number): { start: number; end: number; label: string } {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const q = Math.floor(d.getUTCMonth() / 3);
  return {
    start: Date.UTC(year, q * 3, 1),
    end: Date.UTC(year, q * 3 + 3, 1),
    label: `${year}-Q${q + 1}`,
  };
}

/** Length of the overlap of [aStart, aEnd) and [bStart, bEnd) in ms. */
export function overlapMs(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
}

/** Hours with at most two decimals, for messages. */
export function formatHours(ms: number): string {
  const h = Math.round((ms / HOUR_MS) * 100) / 100;
  return `${h} h`;
}
