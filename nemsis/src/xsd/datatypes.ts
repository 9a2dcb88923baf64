/**
 * XSD built-in datatypes used by NEMSIS: lexical checks, whitespace handling and value comparison
 * for the range facets. Pure functions, no dependencies.
 */

export type Primitive = 'string' | 'decimal' | 'dateTime' | 'date' | 'time' | 'boolean' | 'base64Binary' | 'anyURI';

interface BuiltinInfo {
  primitive: Primitive;
  /** Extra lexical/value check beyond the primitive (integer subtypes). */
  integer?: { min?: bigint; max?: bigint };
  /** Whitespace rule: string keeps it, normalizedString replaces, everything else collapses. */
  whiteSpace: 'preserve' | 'replace' | 'collapse';
}

const BUILTINS: Record<string, BuiltinInfo> = {
  'xs:string': { primitive: 'string', whiteSpace: 'preserve' },
  'xs:normalizedString': { primitive: 'string', whiteSpace: 'replace' },
  'xs:token': { primitive: 'string', whiteSpace: 'collapse' },
  'xs:anyURI': { primitive: 'anyURI', whiteSpace: 'collapse' },
  'xs:decimal': { primitive: 'decimal', whiteSpace: 'collapse' },
  'xs:integer': { primitive: 'decimal', integer: {}, whiteSpace: 'collapse' },
  'xs:int': { primitive: 'decimal', integer: { min: -2147483648n, max: 2147483647n }, whiteSpace: 'collapse' },
  'xs:long': { primitive: 'decimal', integer: { min: -9223372036854775808n, max: 9223372036854775807n }, whiteSpace: 'collapse' },
  'xs:nonNegativeInteger': { primitive: 'decimal', integer: { min: 0n }, whiteSpace: 'collapse' },
  'xs:positiveInteger': { primitive: 'decimal', integer: { min: 1n }, whiteSpace: 'collapse' },
  'xs:dateTime': { primitive: 'dateTime', whiteSpace: 'collapse' },
  'xs:date': { primitive: 'date', whiteSpace: 'collapse' },
  'xs:time': { primitive: 'time', whiteSpace: 'collapse' },
  'xs:boolean': { primitive: 'boolean', whiteSpace: 'collapse' },
  'xs:base64Binary': { primitive: 'base64Binary', whiteSpace: 'collapse' },
};

export function builtinInfo(name: string): BuiltinInfo | undefined {
  return BUILTINS[name];
}

/** True when collapsing whitespace would leave the value unchanged (the common case: checked without allocating). */
function isCollapsed(value: string): boolean {
  const n = value.length;
  if (n === 0) return true;
  if (value.charCodeAt(0) === 32 || value.charCodeAt(n - 1) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || (c === 32 && value.charCodeAt(i + 1) === 32)) return false;
  }
  return true;
}

export function applyWhiteSpace(value: string, rule: BuiltinInfo['whiteSpace']): string {
  if (rule === 'preserve') return value;
  if (rule === 'collapse' && isCollapsed(value)) return value;
  const replaced = value.replace(/[\t\n\r]/g, ' ');
  return rule === 'replace' ? replaced : replaced.replace(/ +/g, ' ').trim();
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;
const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Timezone offset in minutes, or undefined when the value has none; NaN when out of range. */
function offsetMinutes(tz: string | undefined): number | undefined {
  if (tz === undefined) return undefined;
  if (tz === 'Z') return 0;
  const sign = tz.startsWith('-') ? -1 : 1;
  const h = Number(tz.slice(1, 3));
  const m = Number(tz.slice(4, 6));
  if (m > 59 || h * 60 + m > 14 * 60) return NaN;
  return sign * (h * 60 + m);
}

/** Date.UTC without its two-digit-year quirk. */
function utc(year: number, month: number, day: number, h: number, min: number, s: number): number {
  // (24:00:00 keeps the historical roll-over below, so verdicts never change.)
  if ((year >= 100 || year < 0) && h < 24) return Date.UTC(year, month - 1, day, h, min, s);
  const date = new Date(Date.UTC(2000, month - 1, day, h, min, s));
  date.setUTCFullYear(year);
  return date.getTime();
}

function validDate(year: number, month: number, day: number): boolean {
  return year !== 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function validTime(h: number, m: number, s: number, fraction: string | undefined): boolean {
  if (h === 24) return m === 0 && s === 0 && !/[1-9]/.test(fraction ?? '');
  return h <= 23 && m <= 59 && s <= 59;
}

/**
 * The value as a comparable number (milliseconds since the epoch for dates and times, the number
 * itself for decimals), or undefined when the lexical form is invalid. A date/time without a
 * timezone is compared as if it were UTC.
 */
export function comparableValue(primitive: Primitive, value: string): number | undefined {
  switch (primitive) {
    case 'decimal':
      return DECIMAL.test(value) ? Number(value) : undefined;
    case 'dateTime': {
      const m = DATE_TIME.exec(value);
      if (!m) return undefined;
      const year = Number(m[1]);
      const month = Number(m[2]);
      const day = Number(m[3]);
      const h = Number(m[4]);
      const min = Number(m[5]);
      const s = Number(m[6]);
      const tz = offsetMinutes(m[8]);
      if (!validDate(year, month, day) || !validTime(h, min, s, m[7]) || Number.isNaN(tz)) return undefined;
      const ms = utc(year, month, day, h, min, s) + Number(m[7] ?? 0) * 1000;
      return ms - (tz ?? 0) * 60_000;
    }
    case 'date': {
      const m = DATE.exec(value);
      if (!m) return undefined;
      const [year, month, day] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
      const tz = offsetMinutes(m[4]);
      if (!validDate(year, month, day) || Number.isNaN(tz)) return undefined;
      return utc(year, month, day, 0, 0, 0) - (tz ?? 0) * 60_000;
    }
    case 'time': {
      const m = TIME.exec(value);
      if (!m) return undefined;
      const [h, min, s] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
      const tz = offsetMinutes(m[5]);
      if (!validTime(h, min, s, m[4]) || Number.isNaN(tz)) return undefined;
      return ((h * 60 + min) * 60 + s) * 1000 + Number(m[4] ?? 0) * 1000 - (tz ?? 0) * 60_000;
    }
    case 'string':
    case 'boolean':
    case 'base64Binary':
    case 'anyURI':
      return undefined;
  }
}

/** Plain-words description of what a built-in expects, or undefined when `value` is lexically valid. */
export function checkBuiltin(name: string, value: string): string | undefined {
  const info = BUILTINS[name];
  if (!info) return undefined;
  if (info.integer) {
    if (!INTEGER.test(value)) return 'a whole number';
    // Up to 15 characters the value is exact as a double and far inside every bound's precision.
    const n = value.length <= 15 ? Number(value) : BigInt(value);
    if (info.integer.min !== undefined && n < info.integer.min) return `a whole number of at least ${info.integer.min}`;
    if (info.integer.max !== undefined && n > info.integer.max) return `a whole number of at most ${info.integer.max}`;
    return undefined;
  }
  switch (info.primitive) {
    case 'string':
    case 'anyURI':
      return undefined;
    case 'decimal':
      return DECIMAL.test(value) ? undefined : 'a decimal number';
    case 'dateTime':
      return comparableValue('dateTime', value) === undefined ? 'a date and time like 2025-04-03T14:05:00-05:00' : undefined;
    case 'date':
      return comparableValue('date', value) === undefined ? 'a date like 2025-04-03' : undefined;
    case 'time':
      return comparableValue('time', value) === undefined ? 'a time like 14:05:00' : undefined;
    case 'boolean':
      return ['true', 'false', '1', '0'].includes(value) ? undefined : 'true or false';
    case 'base64Binary':
      return BASE64.test(value.replace(/ /g, '')) ? undefined : 'base64-encoded binary data';
  }
}

/** Digits of a valid decimal: total significant digits and digits after the point. */
export function countDigits(value: string): { total: number; fraction: number } {
  const unsigned = value.replace(/^[+-]/, '');
  const [intPart = '', fracPart = ''] = unsigned.split('.');
  const intDigits = intPart.replace(/^0+/, '');
  const fracDigits = fracPart.replace(/0+$/, '');
  return { total: Math.max(1, intDigits.length + fracDigits.length), fraction: fracDigits.length };
}
