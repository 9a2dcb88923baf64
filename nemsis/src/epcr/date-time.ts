/**
 * NEMSIS dateTimes carry an explicit UTC offset (`2026-11-23T10:05:00-05:00`); the ePCR stores ISO
 * instants in UTC. Formatting uses the agency's IANA time zone (DST-aware, through Intl, so it runs
 * in the browser too); parsing accepts any offset and returns the UTC instant.
 */

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

const QUARTER_HOUR = 15 * 60_000;
/** Offsets by zone and quarter hour: zones only change offset on quarter-hour instants, and Intl is slow. */
const offsetCache = new Map<string, number>();

/** Minutes east of UTC of `timeZone` at the instant `ms` (0 for UTC or an unknown zone name). */
export function offsetMinutesAt(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const key = `${timeZone}|${Math.floor(ms / QUARTER_HOUR)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  if (offsetCache.size > 10_000) offsetCache.clear();
  const offset = lookUpOffset(ms, timeZone);
  offsetCache.set(key, offset);
  return offset;
}

function lookUpOffset(ms: number, timeZone: string): number {
  let name: string | undefined;
  try {
    name = offsetFormatter(timeZone).formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    return 0;
  }
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** True when `timeZone` is an IANA zone name this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    offsetFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * An ISO instant written as a NEMSIS dateTime in `timeZone`: seconds always, milliseconds only when
 * non-zero. Undefined for text that is not a date-time.
 */
export function formatNemsisDateTime(iso: string, timeZone = 'UTC'): string | undefined {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return undefined;
  const offset = offsetMinutesAt(ms, timeZone);
  const local = new Date(ms + offset * 60_000);
  const fraction = local.getUTCMilliseconds() === 0 ? '' : `.${pad(local.getUTCMilliseconds(), 3)}`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`
    + `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction}`
    + `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A NEMSIS dateTime (any offset) as the ePCR's ISO UTC instant; undefined when it is not one. */
export function parseNemsisDateTime(text: string): string | undefined {
  const trimmed = text.trim();
  if (!DATE_TIME.test(trimmed)) return undefined;
  const ms = Date.parse(trimmed);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}
