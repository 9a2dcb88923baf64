import { XPathDynamicError } from './errors';
import { XDuration, XTemporal, parseDuration, parseTemporal } from './temporal';
import { Untyped, numberToString, stringOf, type Atomic } from './values';

/** The atomic types a constructor function or `cast as` may name (prefix-free). */
export const CAST_TYPES = new Set([
  'string', 'untypedAtomic', 'boolean', 'decimal', 'integer', 'int', 'long', 'short', 'nonNegativeInteger',
  'positiveInteger', 'negativeInteger', 'nonPositiveInteger', 'double', 'float', 'dateTime', 'date', 'time',
  'duration', 'dayTimeDuration', 'yearMonthDuration', 'anyURI', 'token', 'normalizedString',
]);

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;
const DOUBLE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|-?INF|NaN)$/;

function invalid(type: string, text: string): XPathDynamicError {
  return new XPathDynamicError('FORG0001', `"${text}" cannot be cast to xs:${type}`);
}

function integerIn(type: string, text: string, ok: (n: number) => boolean): number {
  const t = text.trim();
  if (!INTEGER.test(t)) throw invalid(type, text);
  const n = Number(t);
  if (!ok(n)) throw invalid(type, text);
  return n;
}

/** `value castable as xs:type` without the cost of building an error for the common numeric cases. */
export function isCastable(value: Atomic, type: string): boolean {
  if ((typeof value === 'string' || value instanceof Untyped) && (type === 'integer' || type === 'decimal')) {
    const text = stringOf(value).trim();
    return (type === 'integer' ? INTEGER : DECIMAL).test(text);
  }
  try {
    castAtomic(value, type);
    return true;
  } catch (err) {
    if (err instanceof XPathDynamicError) return false;
    throw err;
  }
}

/** Casts one atomic value to an XML Schema type named without prefix (`integer`, `dateTime` …). */
export function castAtomic(value: Atomic, type: string): Atomic {
  if (type === 'untypedAtomic') return new Untyped(stringOf(value));
  if (type === 'string' || type === 'anyURI' || type === 'token' || type === 'normalizedString') return stringOf(value);
  const fromString = typeof value === 'string' || value instanceof Untyped;
  const text = fromString ? stringOf(value) : '';
  switch (type) {
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      if (typeof value === 'number') return !Number.isNaN(value) && value !== 0;
      const t = text.trim();
      if (fromString && (t === 'true' || t === '1')) return true;
      if (fromString && (t === 'false' || t === '0')) return false;
      throw invalid(type, stringOf(value));
    }
    case 'double':
    case 'float':
    case 'decimal': {
      if (typeof value === 'number') {
        if (type === 'decimal' && !Number.isFinite(value)) throw invalid(type, numberToString(value));
        return value;
      }
      if (typeof value === 'boolean') return value ? 1 : 0;
      const t = text.trim();
      if (!fromString || !(type === 'decimal' ? DECIMAL : DOUBLE).test(t)) throw invalid(type, stringOf(value));
      return t === 'INF' ? Infinity : t === '-INF' ? -Infinity : t === 'NaN' ? NaN : Number(t);
    }
    case 'integer':
    case 'int':
    case 'long':
    case 'short':
    case 'nonNegativeInteger':
    case 'positiveInteger':
    case 'negativeInteger':
    case 'nonPositiveInteger': {
      const ranges: Record<string, (n: number) => boolean> = {
        integer: () => true,
        int: (n) => n >= -2147483648 && n <= 2147483647,
        long: (n) => Number.isSafeInteger(n),
        short: (n) => n >= -32768 && n <= 32767,
        nonNegativeInteger: (n) => n >= 0,
        positiveInteger: (n) => n > 0,
        negativeInteger: (n) => n < 0,
        nonPositiveInteger: (n) => n <= 0,
      };
      const ok = ranges[type] ?? (() => true);
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) throw invalid(type, numberToString(value));
        const n = Math.trunc(value);
        if (!ok(n)) throw invalid(type, numberToString(value));
        return n;
      }
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (!fromString) throw invalid(type, stringOf(value));
      return integerIn(type, text, ok);
    }
    case 'dateTime':
    case 'date':
    case 'time':
      if (value instanceof XTemporal) {
        if (value.type === type) return value;
        if (value.type === 'dateTime' && type === 'date') return new XTemporal('date', value.year, value.month, value.day, 0, 0, 0, value.tz);
        if (value.type === 'dateTime' && type === 'time') return new XTemporal('time', 1972, 1, 1, value.hour, value.minute, value.second, value.tz);
        if (value.type === 'date' && type === 'dateTime') return new XTemporal('dateTime', value.year, value.month, value.day, 0, 0, 0, value.tz);
        throw invalid(type, value.toString());
      }
      if (!fromString) throw invalid(type, stringOf(value));
      return parseTemporal(type, text);
    case 'duration':
    case 'dayTimeDuration':
    case 'yearMonthDuration':
      if (value instanceof XDuration) {
        if (type === 'dayTimeDuration') return new XDuration(type, 0, value.seconds);
        if (type === 'yearMonthDuration') return new XDuration(type, value.months, 0);
        return new XDuration(type, value.months, value.seconds);
      }
      if (!fromString) throw invalid(type, stringOf(value));
      return parseDuration(type, text);
    default:
      throw new XPathDynamicError('XPST0051', `unknown type xs:${type}`);
  }
}
