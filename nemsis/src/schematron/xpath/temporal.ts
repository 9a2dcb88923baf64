import { XPathDynamicError } from './errors';

export type TemporalType = 'dateTime' | 'date' | 'time';

/** An xs:dateTime, xs:date or xs:time value. `tz` is the timezone offset in minutes (null = none). */
export class XTemporal {
  constructor(
    readonly type: TemporalType,
    readonly year: number,
    readonly month: number,
    readonly day: number,
    readonly hour: number,
    readonly minute: number,
    readonly second: number,
    readonly tz: number | null,
  ) {}

  /**
   * Milliseconds since the epoch of this point in time. Values without a timezone use the implicit
   * timezone, which the engine fixes at UTC so that results never depend on the server's locale.
   */
  private instantCache: number | undefined;

  get instant(): number {
    this.instantCache ??= this.computeInstant();
    return this.instantCache;
  }

  private computeInstant(): number {
    const date = new Date(0);
    date.setUTCFullYear(this.year, this.month - 1, this.day);
    date.setUTCHours(this.hour, this.minute, 0, 0);
    return date.getTime() + this.second * 1000 - (this.tz ?? 0) * 60_000;
  }

  toString(): string {
    const pad = (n: number, w = 2): string => String(Math.trunc(Math.abs(n))).padStart(w, '0');
    const date = `${this.year < 0 ? '-' : ''}${pad(this.year, 4)}-${pad(this.month)}-${pad(this.day)}`;
    const secondText = Number.isInteger(this.second) ? pad(this.second) : `${pad(this.second)}${String(this.second % 1).slice(1)}`;
    const time = `${pad(this.hour)}:${pad(this.minute)}:${secondText}`;
    const tz = this.tz === null ? '' : this.tz === 0 ? 'Z' : `${this.tz < 0 ? '-' : '+'}${pad(Math.abs(this.tz) / 60)}:${pad(Math.abs(this.tz) % 60)}`;
    if (this.type === 'date') return date + tz;
    if (this.type === 'time') return time + tz;
    return `${date}T${time}${tz}`;
  }

  /** Builds a value of the same type and timezone at another instant. */
  static fromInstant(type: TemporalType, instant: number, tz: number | null): XTemporal {
    const local = new Date(instant + (tz ?? 0) * 60_000);
    const second = local.getUTCSeconds() + local.getUTCMilliseconds() / 1000;
    return new XTemporal(type, local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes(), second, tz);
  }
}

export type DurationType = 'duration' | 'dayTimeDuration' | 'yearMonthDuration';

/** An xs:duration (or one of its two subtypes): months plus seconds, both signed. */
export class XDuration {
  constructor(
    readonly type: DurationType,
    readonly months: number,
    readonly seconds: number,
  ) {}

  toString(): string {
    if (this.months === 0 && this.seconds === 0) return this.type === 'yearMonthDuration' ? 'P0M' : 'PT0S';
    const negative = this.months < 0 || this.seconds < 0;
    const months = Math.abs(this.months);
    let seconds = Math.abs(this.seconds);
    const days = Math.floor(seconds / 86400);
    seconds -= days * 86400;
    const hours = Math.floor(seconds / 3600);
    seconds -= hours * 3600;
    const minutes = Math.floor(seconds / 60);
    seconds -= minutes * 60;
    let text = negative ? '-P' : 'P';
    if (months >= 12) text += `${Math.floor(months / 12)}Y`;
    if (months % 12) text += `${months % 12}M`;
    if (days) text += `${days}D`;
    if (hours || minutes || seconds) text += `T${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
    return text;
  }
}

const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/;
const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/;
const DURATION = /^(-)?P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

function invalid(type: string, text: string): XPathDynamicError {
  return new XPathDynamicError('FORG0001', `"${text}" is not a valid xs:${type}`);
}

function parseTimezone(text: string | undefined, type: string, source: string): number | null {
  if (text === undefined) return null;
  if (text === 'Z') return 0;
  const hours = Number(text.slice(1, 3));
  const minutes = Number(text.slice(4, 6));
  if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) throw invalid(type, source);
  return (text.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkDate(year: number, month: number, day: number, type: string, source: string): void {
  if (year === 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw invalid(type, source);
}

function checkTime(hour: number, minute: number, second: number, type: string, source: string): void {
  const endOfDay = hour === 24 && minute === 0 && second === 0;
  if ((hour > 23 && !endOfDay) || minute > 59 || second >= 60) throw invalid(type, source);
}

/** One cache per type, keyed by the text itself (no concatenated key to build and hash on every call). */
const parsed: Record<TemporalType, Map<string, XTemporal>> = { dateTime: new Map(), date: new Map(), time: new Map() };

/**
 * Casts a string to xs:dateTime, xs:date or xs:time (whitespace is collapsed first, as in XML Schema).
 * Values are immutable, so recent results are cached: one record compares the same times many times.
 */
export function parseTemporal(type: TemporalType, raw: string): XTemporal {
  const cache = parsed[type];
  const cached = cache.get(raw);
  if (cached) return cached;
  const value = parseTemporalUncached(type, raw);
  if (cache.size >= 1000) cache.clear();
  cache.set(raw, value);
  return value;
}

function parseTemporalUncached(type: TemporalType, raw: string): XTemporal {
  const text = raw.trim();
  if (type === 'time') {
    const m = TIME.exec(text);
    if (!m) throw invalid(type, raw);
    const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
    checkTime(h, mi, s, type, raw);
    const value = new XTemporal('time', 1972, 1, 1, h, mi, s, parseTimezone(m[4], type, raw));
    return h === 24 ? XTemporal.fromInstant('time', value.instant, value.tz) : value;
  }
  const m = (type === 'date' ? DATE : DATE_TIME).exec(text);
  if (!m) throw invalid(type, raw);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  checkDate(year, month, day, type, raw);
  if (type === 'date') return new XTemporal('date', year, month, day, 0, 0, 0, parseTimezone(m[4], type, raw));
  const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6])];
  checkTime(h, mi, s, type, raw);
  const value = new XTemporal('dateTime', year, month, day, h, mi, s, parseTimezone(m[7], type, raw));
  return h === 24 ? XTemporal.fromInstant('dateTime', value.instant, value.tz) : value;
}

/** Casts a string to xs:duration, xs:dayTimeDuration or xs:yearMonthDuration. */
export function parseDuration(type: DurationType, raw: string): XDuration {
  const text = raw.trim();
  const m = DURATION.exec(text);
  if (!m) throw invalid(type, raw);
  const [, minus, y, mo, d, h, mi, s] = m;
  if (type === 'dayTimeDuration' && (y !== undefined || mo !== undefined)) throw invalid(type, raw);
  if (type === 'yearMonthDuration' && (d !== undefined || h !== undefined || mi !== undefined || s !== undefined)) throw invalid(type, raw);
  const sign = minus ? -1 : 1;
  const months = Number(y ?? 0) * 12 + Number(mo ?? 0);
  const seconds = Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(mi ?? 0) * 60 + Number(s ?? 0);
  return new XDuration(type, sign * months || 0, sign * seconds || 0);
}

/** dateTime/date + duration (months first, then seconds, as XPath specifies). */
export function addDuration(value: XTemporal, duration: XDuration, sign: 1 | -1): XTemporal {
  let { year, month, day } = value;
  if (duration.months !== 0) {
    const total = year * 12 + (month - 1) + sign * duration.months;
    year = Math.floor(total / 12);
    month = (total % 12 + 12) % 12 + 1;
    day = Math.min(day, daysInMonth(year, month));
  }
  const shifted = new XTemporal(value.type, year, month, day, value.hour, value.minute, value.second, value.tz);
  if (duration.seconds === 0) return shifted;
  return XTemporal.fromInstant(value.type, shifted.instant + sign * duration.seconds * 1000, value.tz);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A practical subset of XSLT 2.0 `format-dateTime` pictures: Y M D H h m s f P Z z components. */
export function formatTemporal(value: XTemporal, picture: string): string {
  return picture.replace(/\[([^\]]*)\]|\[\[|\]\]/g, (whole, spec: string | undefined) => {
    if (spec === undefined) return whole[0] ?? '';
    const component = spec.trim()[0] ?? '';
    const modifier = spec.trim().slice(1).split(',')[0] ?? '';
    const numeric = (n: number): string => {
      const width = /^0+1$/.test(modifier) ? modifier.length : 1;
      return String(n).padStart(width, '0');
    };
    switch (component) {
      case 'Y': return numeric(value.year);
      case 'M': return modifier.startsWith('N') ? monthName(value.month, modifier) : numeric(value.month);
      case 'D': return numeric(value.day);
      case 'H': return numeric(value.hour);
      case 'h': return numeric(value.hour % 12 === 0 ? 12 : value.hour % 12);
      case 'm': return numeric(value.minute);
      case 's': return numeric(Math.floor(value.second));
      case 'f': return String(Math.round((value.second % 1) * 1000)).padStart(3, '0');
      case 'P': return value.hour < 12 ? 'am' : 'pm';
      case 'Z':
      case 'z': return timezoneText(value.tz, modifier);
      default: return whole;
    }
  });
}

function monthName(month: number, modifier: string): string {
  const name = MONTHS[month - 1] ?? '';
  if (modifier.startsWith('Nn')) return name;
  if (modifier.startsWith('N')) return name.toUpperCase();
  return name.toLowerCase();
}

function timezoneText(tz: number | null, modifier: string): string {
  if (tz === null) return '';
  if (modifier === 'N') return tz === 0 ? 'UTC' : timezoneText(tz, '');
  const abs = Math.abs(tz);
  return `${tz < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
