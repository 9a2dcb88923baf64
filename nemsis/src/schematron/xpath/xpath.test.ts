import { describe, expect, it } from 'vitest';
import { makeElement, makeLeaf } from '../../tree';
import { dependsOnContext } from './analyze';
import { compileXPath } from './compile';
import { parseXPath } from './parser';
import { Scope, type EvalContext } from './context';
import { XPathDynamicError, XPathSyntaxError } from './errors';
import { buildDocument, isNode, locationOf, type XNode } from './nodes';
import { parseTemporal } from './temporal';
import { stringOf, type Sequence } from './values';

const doc = buildDocument(
  makeElement('EMSDataSet', [
    makeElement('eTimes', [
      makeLeaf('eTimes.01', '2025-01-01T10:00:00-05:00'),
      makeLeaf('eTimes.03', '2025-01-01T15:05:00Z'),
      makeLeaf('eTimes.05', '', { 'xsi:nil': 'true', NV: '7701003' }),
    ]),
    makeElement('eSituation', [
      makeLeaf('eSituation.10', 'S00'),
      makeLeaf('eSituation.10', 'R51'),
      makeLeaf('eSituation.10', 'T14.90'),
    ]),
  ]),
);
const at = (name: string, i = 0): XNode => doc.byName.get(name)?.[i] as XNode;
const now = parseTemporal('dateTime', '2025-06-01T12:00:00Z');

function evaluate(expression: string, context: XNode = at('eTimes.03'), variables: Record<string, Sequence> = {}): Sequence {
  let scope: Scope | null = null;
  for (const [name, value] of Object.entries(variables)) scope = new Scope(scope, name, value);
  const ctx: EvalContext = { item: context, position: 1, size: 1, current: context, scope, env: { now, key: () => [] } };
  return compileXPath(expression, new Set(Object.keys(variables))).evaluate(ctx);
}
const show = (seq: Sequence): string[] => seq.map((i) => (isNode(i) ? locationOf(i) : stringOf(i)));

describe('XPath paths and axes', () => {
  it('walks parent, child, ancestor and sibling axes with NEMSIS names', () => {
    expect(show(evaluate('../nem:eTimes.01'))).toEqual(['/EMSDataSet[1]/eTimes[1]/eTimes.01[1]']);
    expect(show(evaluate('ancestor::nem:EMSDataSet/nem:eSituation/nem:eSituation.10'))).toHaveLength(3);
    expect(show(evaluate('preceding-sibling::*[1]'))).toEqual(['/EMSDataSet[1]/eTimes[1]/eTimes.01[1]']);
    expect(show(evaluate('following-sibling::*[1]/local-name()'))).toEqual(['eTimes.05']);
    expect(show(evaluate('//nem:eSituation.10[2]'))).toEqual(['/EMSDataSet[1]/eSituation[1]/eSituation.10[2]']);
    expect(show(evaluate('(//nem:eSituation.10)[last()]'))).toEqual(['/EMSDataSet[1]/eSituation[1]/eSituation.10[3]']);
  });

  it('counts positions of reverse axes from the context node outwards', () => {
    expect(show(evaluate('ancestor::*[1]/local-name()'))).toEqual(['eTimes']);
    expect(show(evaluate('ancestor::*[2]/local-name()'))).toEqual(['EMSDataSet']);
  });

  it('applies a positional predicate after a filtering one', () => {
    expect(show(evaluate("//nem:eSituation.10[. != 'S00'][1]"))).toEqual(['/EMSDataSet[1]/eSituation[1]/eSituation.10[2]']);
  });

  it('returns nodes of a parenthesised step in document order, and atomic values after a filter', () => {
    expect(show(evaluate('../(nem:eTimes.05, nem:eTimes.01)/local-name()'))).toEqual(['eTimes.01', 'eTimes.05']);
    expect(show(evaluate(".[not(nem:ePatient.25)]/'ePatient.25'"))).toEqual(['ePatient.25']);
  });

  it('reads attributes, with and without a prefix', () => {
    expect(evaluate("@xsi:nil = 'true'", at('eTimes.05'))).toEqual([true]);
    expect(evaluate('@NV or @PN', at('eTimes.05'))).toEqual([true]);
    expect(evaluate('@nil', at('eTimes.05'))).toEqual([]);
  });
});

describe('XPath comparisons and functions', () => {
  it('compares node content as strings and sequences existentially', () => {
    expect(evaluate("../nem:eTimes.05 = ''")).toEqual([true]);
    expect(evaluate("//nem:eSituation.10 = ('R51', 'X')")).toEqual([true]);
    expect(evaluate("//nem:eSituation.10 != 'S00'")).toEqual([true]);
    expect(evaluate("../nem:eTimes.99 != ''")).toEqual([false]);
    expect(evaluate('count(//nem:eSituation.10) = 3')).toEqual([true]);
  });

  it('compares xs:dateTime values as instants across time zones', () => {
    expect(evaluate('xs:dateTime(.) >= xs:dateTime(../nem:eTimes.01)')).toEqual([true]);
    expect(evaluate("xs:dateTime('2025-01-01T10:00:00-05:00') = xs:dateTime('2025-01-01T15:00:00Z')")).toEqual([true]);
    expect(evaluate("xs:dateTime(.) <= current-dateTime() + xs:dayTimeDuration('PT1H')")).toEqual([true]);
    expect(show(evaluate("xs:dateTime('2025-12-31T23:30:00Z') + xs:dayTimeDuration('PT1H')"))).toEqual(['2026-01-01T00:30:00Z']);
  });

  it('evaluates quantifiers, regular expressions and casts', () => {
    expect(evaluate("some $e in //nem:eSituation.10 satisfies matches($e, '^(S|T(0\\d|1[0-4]))')")).toEqual([true]);
    expect(evaluate("every $e in //nem:eSituation.10 satisfies starts-with($e, 'S')")).toEqual([false]);
    expect(evaluate("'12' castable as xs:integer")).toEqual([true]);
    expect(evaluate("'12.5' castable as xs:integer")).toEqual([false]);
    expect(evaluate("xs:decimal('99.5') <= 100")).toEqual([true]);
    expect(show(evaluate("normalize-space('  a \n b ')"))).toEqual(['a b']);
    expect(show(evaluate("tokenize('a b c', ' ')[2]"))).toEqual(['b']);
    expect(show(evaluate("substring-before('eTimes.03', '.')"))).toEqual(['eTimes']);
  });

  it('reads variables and current()', () => {
    expect(evaluate('count($list)', at('eTimes.03'), { list: [1, 2] })).toEqual([2]);
    expect(show(evaluate('../*[local-name() = local-name(current())]'))).toEqual(['/EMSDataSet[1]/eTimes[1]/eTimes.03[1]']);
  });
});

describe('XPath errors', () => {
  it('refuses malformed expressions, unknown functions and undeclared variables when compiling', () => {
    expect(() => compileXPath('a[')).toThrow(XPathSyntaxError);
    expect(() => compileXPath("'open")).toThrow(/unterminated string/);
    expect(() => compileXPath('frobnicate(.)')).toThrow(/unknown function frobnicate/);
    expect(() => compileXPath('$missing = 1')).toThrow(/\$missing is not declared/);
    expect(() => compileXPath(`${'('.repeat(5000)}1${')'.repeat(5000)}`)).toThrow(/nested deeper than 200/);
  });

  it('raises a typed dynamic error for a value that is not a dateTime', () => {
    expect(() => evaluate("xs:dateTime('yesterday')")).toThrow(XPathDynamicError);
    expect(() => evaluate("xs:dateTime('2025-02-30T00:00:00Z')")).toThrow(/FORG0001/);
  });
});

describe('static analysis', () => {
  it('tells which global variables can be computed once for every document', () => {
    const none = new Set<string>();
    expect(dependsOnContext(parseXPath('$lookup//*:nemSch_lookup_elements'), none)).toBe(false);
    expect(dependsOnContext(parseXPath("()"), none)).toBe(false);
    expect(dependsOnContext(parseXPath("$lookup//x[@name = 'a']"), none)).toBe(false);
    expect(dependsOnContext(parseXPath('$perDocument//x'), new Set(['perDocument']))).toBe(true);
    expect(dependsOnContext(parseXPath('//nem:eRecord.01'), none)).toBe(true);
    expect(dependsOnContext(parseXPath('local-name()'), none)).toBe(true);
    expect(dependsOnContext(parseXPath('current-dateTime()'), none)).toBe(true);
    expect(dependsOnContext(parseXPath('$lookup//x[. = current()]'), none)).toBe(true);
  });
});
