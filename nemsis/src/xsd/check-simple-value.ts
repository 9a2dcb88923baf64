/**
 * Checks one text value against a simple type of the generated model: built-in datatype, then every
 * facet of every derivation step (enumeration, pattern, lengths, numeric/date ranges, digits).
 *
 * Each type is compiled once, on first use, into a checker function: the derivation chain, code sets,
 * translated patterns and parsed range bounds are looked up a single time, so checking a value does no
 * map lookups beyond the code set and allocates nothing unless the value is invalid.
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

/** A compiled simple type: undefined when `raw` is valid. */
export type ValueCheck = (raw: string) => ValueProblem | undefined;

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

type BoundFacet = 'minInclusive' | 'maxInclusive' | 'minExclusive' | 'maxExclusive';
const BOUNDS: [BoundFacet, string, (v: number, b: number) => boolean][] = [
  ['minInclusive', 'at least', (v, b) => v >= b],
  ['maxInclusive', 'at most', (v, b) => v <= b],
  ['minExclusive', 'more than', (v, b) => v > b],
  ['maxExclusive', 'less than', (v, b) => v < b],
];

/** Length in characters as XSD counts them (code points, not UTF-16 units). */
function codePointLength(value: string): number {
  let n = value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

/** One derivation step's facets; `v` is the value's comparable number (undefined when not comparable). */
type FacetCheck = (value: string, v: number | undefined) => ValueProblem | undefined;

function compileFacets(def: SimpleTypeDef, primitive: Primitive): FacetCheck[] {
  const checks: FacetCheck[] = [];
  if (def.enumeration) {
    const codes = new Set(def.enumeration);
    const expected = `one of the codes ${listValues(def.enumeration)}`;
    checks.push((value) => (codes.has(value) ? undefined : { rule: 'xsd:enumeration', expected }));
  }
  for (const pattern of def.patterns ?? []) {
    const re = compileXsdPattern(pattern);
    const expected = primitive === 'dateTime'
      ? 'a date and time with seconds and a UTC offset, like 2025-04-03T14:05:00-05:00'
      : `text matching the pattern ${pattern}`;
    checks.push((value) => (re.test(value) ? undefined : { rule: 'xsd:pattern', expected }));
  }
  const { length, minLength, maxLength } = def;
  if (length !== undefined || minLength !== undefined || maxLength !== undefined) {
    checks.push((value) => {
      const n = codePointLength(value);
      if (length !== undefined && n !== length) return { rule: 'xsd:length', expected: `exactly ${length} characters` };
      if (minLength !== undefined && n < minLength) return { rule: 'xsd:length', expected: `at least ${minLength} characters` };
      if (maxLength !== undefined && n > maxLength) return { rule: 'xsd:length', expected: `at most ${maxLength} characters` };
      return undefined;
    });
  }
  for (const [facet, words, ok] of BOUNDS) {
    const bound = def[facet];
    if (bound === undefined) continue;
    const b = comparableValue(primitive, bound);
    if (b === undefined) continue;
    const expected = `a value ${words} ${bound}`;
    checks.push((_value, v) => (v !== undefined && !ok(v, b) ? { rule: 'xsd:range', expected } : undefined));
  }
  const { totalDigits, fractionDigits } = def;
  if (primitive === 'decimal' && (totalDigits !== undefined || fractionDigits !== undefined)) {
    checks.push((value) => {
      const digits = countDigits(value);
      if (totalDigits !== undefined && digits.total > totalDigits) {
        return { rule: 'xsd:range', expected: `a number with at most ${totalDigits} digits` };
      }
      if (fractionDigits !== undefined && digits.fraction > fractionDigits) {
        return { rule: 'xsd:range', expected: `a number with at most ${fractionDigits} decimal places` };
      }
      return undefined;
    });
  }
  return checks;
}

function compileUnion(members: string[]): ValueCheck {
  const checks = members.map((m) => compileSimpleType(m));
  const allCodes = members.every((m) => getSimpleType(m)?.enumeration);
  const codesExpected = allCodes
    ? `one of the codes ${listValues(members.flatMap((m) => getSimpleType(m)?.enumeration ?? []))}`
    : undefined;
  return (raw) => {
    let first: ValueProblem | undefined;
    for (const check of checks) {
      const problem = check(raw);
      if (!problem) return undefined;
      first ??= problem;
    }
    return codesExpected === undefined ? first : { rule: 'xsd:enumeration', expected: codesExpected };
  };
}

function compileRestriction(typeName: string): ValueCheck {
  const builtin = builtinOf(typeName);
  const info = builtin ? builtinInfo(builtin) : undefined;
  const whiteSpace = info?.whiteSpace ?? 'preserve';
  const primitive = info?.primitive ?? 'string';
  // Facets of every derivation step, most derived first; a union met on the way takes over from there.
  const facets: FacetCheck[] = [];
  let tail: ValueCheck | undefined;
  let name: string | undefined = typeName;
  for (let depth = 0; name && !name.startsWith('xs:') && depth < 64; depth++) {
    const step = getSimpleType(name);
    if (!step) break;
    if (step.union) {
      if (name !== typeName) tail = compileSimpleType(name);
      break;
    }
    facets.push(...compileFacets(step, primitive));
    name = step.base;
  }
  const comparable = primitive === 'decimal' || primitive === 'dateTime' || primitive === 'date' || primitive === 'time';
  // For these the lexical check is exactly "has a comparable value", so the value is parsed only once.
  const lexicalByValue = comparable && !info?.integer;
  return (raw) => {
    const value = applyWhiteSpace(raw, whiteSpace);
    let v: number | undefined;
    if (builtin) {
      if (lexicalByValue) {
        v = comparableValue(primitive, value);
        if (v === undefined) {
          const expected = checkBuiltin(builtin, value);
          if (expected) return { rule: 'xsd:datatype', expected };
        }
      } else {
        const expected = checkBuiltin(builtin, value);
        if (expected) return { rule: 'xsd:datatype', expected };
        if (comparable) v = comparableValue(primitive, value);
      }
    } else if (comparable) v = comparableValue(primitive, value);
    for (const check of facets) {
      const problem = check(value, v);
      if (problem) return problem;
    }
    return tail?.(raw);
  };
}

const compiled = new Map<string, ValueCheck>();

/** The checker for the simple type `typeName` (an XSD built-in such as `xs:string`, or a model type), compiled once. */
export function compileSimpleType(typeName: string): ValueCheck {
  let check = compiled.get(typeName);
  if (!check) {
    const union = getSimpleType(typeName)?.union;
    check = union ? compileUnion(union) : compileRestriction(typeName);
    compiled.set(typeName, check);
  }
  return check;
}

/** Checks `raw` against the simple type `typeName`; returns undefined when valid. */
export function checkSimpleValue(typeName: string, raw: string): ValueProblem | undefined {
  return compileSimpleType(typeName)(raw);
}
