import { XPathDynamicError } from './errors';
import { isNode, stringValue, type XNode } from './nodes';
import { XDuration, XTemporal, addDuration, parseDuration, parseTemporal } from './temporal';

/** xs:untypedAtomic: what a node atomizes to (NEMSIS documents are not schema-typed here). */
export class Untyped {
  constructor(readonly value: string) {}
}

export type Atomic = string | number | boolean | XTemporal | XDuration | Untyped;
export type Item = XNode | Atomic;
export type Sequence = Item[];

export const EMPTY: Sequence = [];
export const TRUE: Sequence = [true];
export const FALSE: Sequence = [false];

export function atomize(item: Item): Atomic {
  return isNode(item) ? new Untyped(stringValue(item)) : item;
}

/** fn:string of one item. */
export function stringOf(item: Item): string {
  if (isNode(item)) return stringValue(item);
  if (item instanceof Untyped) return item.value;
  if (typeof item === 'string') return item;
  if (typeof item === 'number') return numberToString(item);
  if (typeof item === 'boolean') return item ? 'true' : 'false';
  return item.toString();
}

export function numberToString(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'INF';
  if (n === -Infinity) return '-INF';
  return Object.is(n, -0) ? '0' : String(n);
}

/** fn:number: NaN when the value is not numeric. */
export function numberOf(item: Item): number {
  if (typeof item === 'number') return item;
  if (typeof item === 'boolean') return item ? 1 : 0;
  const text = stringOf(item).trim();
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^-?INF$|^NaN$/.test(text)) return NaN;
  return text === 'INF' ? Infinity : text === '-INF' ? -Infinity : Number(text);
}

/** Casts untyped or string content to xs:double, raising FORG0001 when it is not a number. */
function castToNumber(text: string): number {
  const n = numberOf(text);
  if (Number.isNaN(n) && text.trim() !== 'NaN') throw new XPathDynamicError('FORG0001', `"${text}" is not a number`);
  return n;
}

/** Effective boolean value (XPath 2.0 §2.4.3). */
export function effectiveBoolean(seq: Sequence): boolean {
  if (seq.length === 0) return false;
  const first = seq[0] as Item;
  if (isNode(first)) return true;
  if (seq.length > 1) throw new XPathDynamicError('FORG0006', 'the effective boolean value of a sequence of several atomic values is not defined');
  if (typeof first === 'boolean') return first;
  if (typeof first === 'string') return first.length > 0;
  if (first instanceof Untyped) return first.value.length > 0;
  if (typeof first === 'number') return !Number.isNaN(first) && first !== 0;
  throw new XPathDynamicError('FORG0006', `no effective boolean value for a ${first instanceof XTemporal ? first.type : first.type}`);
}

type ComparisonOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

function ordered(op: ComparisonOp, c: number): boolean {
  switch (op) {
    case 'eq': return c === 0;
    case 'ne': return c !== 0;
    case 'lt': return c < 0;
    case 'le': return c <= 0;
    case 'gt': return c > 0;
    case 'ge': return c >= 0;
  }
}

function compareNumbers(op: ComparisonOp, a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return op === 'ne';
  return ordered(op, a < b ? -1 : a > b ? 1 : 0);
}

function compareStrings(op: ComparisonOp, a: string, b: string): boolean {
  return ordered(op, a < b ? -1 : a > b ? 1 : 0);
}

function typeName(a: Atomic): string {
  if (a instanceof Untyped) return 'xs:untypedAtomic';
  if (a instanceof XTemporal || a instanceof XDuration) return `xs:${a.type}`;
  return typeof a === 'string' ? 'xs:string' : typeof a === 'number' ? 'xs:double' : 'xs:boolean';
}

function mismatch(a: Atomic, b: Atomic): XPathDynamicError {
  return new XPathDynamicError('XPTY0004', `cannot compare ${typeName(a)} with ${typeName(b)}`);
}

/** Promotes an untyped operand to the other operand's type, as general comparisons do. */
function promoteUntyped(value: Untyped, other: Atomic, general: boolean): Atomic {
  if (typeof other === 'number') return general ? castToNumber(value.value) : value.value;
  if (typeof other === 'boolean') return general ? castToBoolean(value.value) : value.value;
  if (other instanceof XTemporal) return parseTemporal(other.type, value.value);
  if (other instanceof XDuration) return parseDuration(other.type, value.value);
  return value.value;
}

function castToBoolean(text: string): boolean {
  const t = text.trim();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  throw new XPathDynamicError('FORG0001', `"${text}" is not a boolean`);
}

/** Compares two atomic values; `general` applies the general-comparison promotion of untyped values. */
export function compareAtomic(op: ComparisonOp, left: Atomic, right: Atomic, general: boolean): boolean {
  let a: Atomic = left;
  let b: Atomic = right;
  if (a instanceof Untyped && b instanceof Untyped) return compareStrings(op, a.value, b.value);
  if (a instanceof Untyped) a = promoteUntyped(a, b, general);
  if (b instanceof Untyped) b = promoteUntyped(b, a, general);
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(op, a, b);
  if (typeof a === 'number' && typeof b === 'number') return compareNumbers(op, a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return ordered(op, Number(a) - Number(b));
  if (a instanceof XTemporal && b instanceof XTemporal && a.type === b.type) return compareNumbers(op, a.instant, b.instant);
  if (a instanceof XDuration && b instanceof XDuration) {
    if (op !== 'eq' && op !== 'ne' && (a.months !== 0 || b.months !== 0) && (a.seconds !== 0 || b.seconds !== 0)) throw mismatch(a, b);
    const c = a.months - b.months || a.seconds - b.seconds;
    return ordered(op, c);
  }
  throw mismatch(a, b);
}

const GENERAL_TO_VALUE: Record<string, ComparisonOp> = { '=': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };

/** General comparison of one untyped (node) value with a string: a plain string comparison. */
export function generalCompareString(op: string, text: string, literal: string): boolean {
  return compareStrings(GENERAL_TO_VALUE[op] ?? (op as ComparisonOp), text, literal);
}

/** General comparison (`=`, `!=`, `<` …): true if any pair of atomized items compares true. */
export function generalCompare(op: string, left: Sequence, right: Sequence): boolean {
  const vop = GENERAL_TO_VALUE[op] ?? (op as ComparisonOp);
  if (left.length === 0 || right.length === 0) return false;
  if (right.length === 1 && typeof right[0] === 'string') {
    // Fast path for `path = 'literal'`: untyped and string values compare as strings.
    const literal = right[0];
    for (const l of left) {
      const text = isNode(l) ? stringValue(l) : typeof l === 'string' ? l : l instanceof Untyped ? l.value : undefined;
      if (text !== undefined ? compareStrings(vop, text, literal) : compareAtomic(vop, l as Atomic, literal, true)) return true;
    }
    return false;
  }
  if (left.length === 1 && right.length === 1) return compareAtomic(vop, atomize(left[0] as Item), atomize(right[0] as Item), true);
  const rightAtoms = right.map(atomize);
  for (const l of left) {
    const a = atomize(l);
    for (const b of rightAtoms) if (compareAtomic(vop, a, b, true)) return true;
  }
  return false;
}

/** Value comparison (`eq`, `lt` …): empty when either side is empty. */
export function valueCompare(op: ComparisonOp, left: Sequence, right: Sequence): Sequence {
  if (left.length === 0 || right.length === 0) return EMPTY;
  if (left.length > 1 || right.length > 1) throw new XPathDynamicError('XPTY0004', 'a value comparison needs single values');
  const a = atomize(left[0] as Item);
  const b = atomize(right[0] as Item);
  return [compareAtomic(op, a instanceof Untyped ? a.value : a, b instanceof Untyped ? b.value : b, false)];
}

/** Arithmetic on one pair of atomic values (numbers, dateTime ± duration, dateTime − dateTime). */
export function arithmetic(op: '+' | '-' | '*' | 'div' | 'idiv' | 'mod', left: Atomic, right: Atomic): Atomic {
  const a = left instanceof Untyped ? castToNumber(left.value) : left;
  const b = right instanceof Untyped ? castToNumber(right.value) : right;
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case 'div': return a / b;
      case 'mod': return a % b;
      case 'idiv':
        if (b === 0) throw new XPathDynamicError('FOAR0001', 'integer division by zero');
        return Math.trunc(a / b);
    }
  }
  if (a instanceof XTemporal && b instanceof XDuration && (op === '+' || op === '-')) return addDuration(a, b, op === '+' ? 1 : -1);
  if (a instanceof XDuration && b instanceof XTemporal && op === '+') return addDuration(b, a, 1);
  if (a instanceof XTemporal && b instanceof XTemporal && op === '-' && a.type === b.type) {
    return new XDuration('dayTimeDuration', 0, (a.instant - b.instant) / 1000);
  }
  if (a instanceof XDuration && b instanceof XDuration && (op === '+' || op === '-')) {
    const s = op === '+' ? 1 : -1;
    return new XDuration(a.type, a.months + s * b.months, a.seconds + s * b.seconds);
  }
  if (a instanceof XDuration && typeof b === 'number' && (op === '*' || op === 'div')) {
    const f = op === '*' ? b : 1 / b;
    return new XDuration(a.type, Math.round(a.months * f), a.seconds * f);
  }
  throw new XPathDynamicError('XPTY0004', `cannot apply '${op}' to ${typeName(a)} and ${typeName(b)}`);
}
