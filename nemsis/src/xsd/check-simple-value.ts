/**
 * Checks one text value against a simple type of the generated model: built-in datatype, then every
 * facet of every derivation step (enumeration, pattern, lengths, numeric/date ranges, digits).
 */
import { applyWhiteSpace, builtinInfo, checkBuiltin, comparableValue, countDigits, type Primitive } from './datatypes';
import type { SimpleTypeDef } from './model';
import { getSimpleType } from './schema';
import { compileXsdPattern } from './xsd-regex';

export type ValueRule = 'xsd:enumeration' | 'xsd:pattern' | 'xsd:length' | 'xsd:range' | 'xsd:datatype';

/** Why a value is invalid: the rule broken and what was expected, in plain words. */
export interface ValueProblem {
  rule: ValueRule;
  expected: string;
}

/** The built-in a type derives from (through restrictions), or undefined for unions. */
function builtinOf(typeName: string): string | undefined {
  let name: string | undefined = typeName;
  for (let depth = 0; name && depth < 64; depth++) {
    if (name.startsWith('xs:')) return name;
    const def = getSimpleType(name);
    if (!def || def.union) return undefined;
    name = def.base;
  }
  return undefined;
}

function listValues(values: string[]): string {
  const shown = values.slice(0, 8).map((v) => `"${v}"`).join(', ');
  return values.length > 8 ? `${shown} … (${values.length} codes)` : shown;
}

const BOUNDS: ['minInclusive' | 'maxInclusive' | 'minExclusive' | 'maxExclusive', string, (v: number, b: number) => boolean][] = [
  ['minInclusive', 'at least', (v, b) => v >= b],
  ['maxInclusive', 'at most', (v, b) => v <= b],
  ['minExclusive', 'more than', (v, b) => v > b],
  ['maxExclusive', 'less than', (v, b) => v < b],
];

const enumerations = new WeakMap<SimpleTypeDef, Set<string>>();

function enumerationOf(def: SimpleTypeDef): Set<string> {
  let set = enumerations.get(def);
  if (!set) {
    set = new Set(def.enumeration);
    enumerations.set(def, set);
  }
  return set;
}

/** Length in characters as XSD counts them (code points, not UTF-16 units). */
function codePointLength(value: string): number {
  let n = value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

function checkFacets(def: SimpleTypeDef, value: string, primitive: Primitive): ValueProblem | undefined {
  if (def.enumeration && !enumerationOf(def).has(value)) {
    return { rule: 'xsd:enumeration', expected: `one of the codes ${listValues(def.enumeration)}` };
  }
  for (const pattern of def.patterns ?? []) {
    if (compileXsdPattern(pattern).test(value)) continue;
    if (primitive === 'dateTime') return { rule: 'xsd:pattern', expected: 'a date and time with seconds and a UTC offset, like 2025-04-03T14:05:00-05:00' };
    return { rule: 'xsd:pattern', expected: `text matching the pattern ${pattern}` };
  }
  const hasLengthFacet = def.length !== undefined || def.minLength !== undefined || def.maxLength !== undefined;
  const length = hasLengthFacet ? codePointLength(value) : 0;
  if (def.length !== undefined && length !== def.length) return { rule: 'xsd:length', expected: `exactly ${def.length} characters` };
  if (def.minLength !== undefined && length < def.minLength) return { rule: 'xsd:length', expected: `at least ${def.minLength} characters` };
  if (def.maxLength !== undefined && length > def.maxLength) return { rule: 'xsd:length', expected: `at most ${def.maxLength} characters` };
  let v: number | undefined;
  for (const [facet, words, ok] of BOUNDS) {
    const bound = def[facet];
    if (bound === undefined) continue;
    v ??= comparableValue(primitive, value);
    const b = comparableValue(primitive, bound);
    if (v !== undefined && b !== undefined && !ok(v, b)) return { rule: 'xsd:range', expected: `a value ${words} ${bound}` };
  }
  if (primitive === 'decimal' && (def.totalDigits !== undefined || def.fractionDigits !== undefined)) {
    const digits = countDigits(value);
    if (def.totalDigits !== undefined && digits.total > def.totalDigits) {
      return { rule: 'xsd:range', expected: `a number with at most ${def.totalDigits} digits` };
    }
    if (def.fractionDigits !== undefined && digits.fraction > def.fractionDigits) {
      return { rule: 'xsd:range', expected: `a number with at most ${def.fractionDigits} decimal places` };
    }
  }
  return undefined;
}

/** Checks `raw` against the simple type `typeName`; returns undefined when valid. */
export function checkSimpleValue(typeName: string, raw: string): ValueProblem | undefined {
  const def = getSimpleType(typeName);
  if (def?.union) {
    let first: ValueProblem | undefined;
    for (const member of def.union) {
      const problem = checkSimpleValue(member, raw);
      if (!problem) return undefined;
      first ??= problem;
    }
    const allCodes = def.union.every((m) => getSimpleType(m)?.enumeration);
    if (allCodes) {
      const codes = def.union.flatMap((m) => getSimpleType(m)?.enumeration ?? []);
      return { rule: 'xsd:enumeration', expected: `one of the codes ${listValues(codes)}` };
    }
    return first;
  }
  const builtin = builtinOf(typeName);
  const info = builtin ? builtinInfo(builtin) : undefined;
  const value = applyWhiteSpace(raw, info?.whiteSpace ?? 'preserve');
  const primitive = info?.primitive ?? 'string';
  if (builtin) {
    const expected = checkBuiltin(builtin, value);
    if (expected) return { rule: 'xsd:datatype', expected };
  }
  // Facets of every derivation step, most derived first.
  let name: string | undefined = typeName;
  for (let depth = 0; name && !name.startsWith('xs:') && depth < 64; depth++) {
    const step = getSimpleType(name);
    if (!step) break;
    if (step.union) return name === typeName ? undefined : checkSimpleValue(name, raw);
    const problem = checkFacets(step, value, primitive);
    if (problem) return problem;
    name = step.base;
  }
  return undefined;
}
