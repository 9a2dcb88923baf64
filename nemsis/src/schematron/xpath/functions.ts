import { CAST_TYPES, castAtomic } from './cast';
import type { EvalContext } from './context';
import { XPathDynamicError } from './errors';
import { compareDocumentOrder, isNode, localNameOf, type XNode } from './nodes';
import { compileXPathRegex } from './regex';
import { XTemporal, formatTemporal } from './temporal';
import {
  EMPTY, FALSE, TRUE, Untyped, atomize, compareAtomic, effectiveBoolean, numberOf, stringOf,
  type Atomic, type Item, type Sequence,
} from './values';

export interface FunctionDef {
  min: number;
  max: number;
  call: (ctx: EvalContext, args: Sequence[]) => Sequence;
}

function contextItem(ctx: EvalContext): Item {
  if (ctx.item === undefined) throw new XPathDynamicError('XPDY0002', 'the context item is absent');
  return ctx.item;
}

function single(seq: Sequence | undefined, what: string): Item | undefined {
  if (!seq || seq.length === 0) return undefined;
  if (seq.length > 1) throw new XPathDynamicError('XPTY0004', `${what} expects at most one item, got ${seq.length}`);
  return seq[0];
}

/** The string of an optional single argument ('' for the empty sequence). */
function str(seq: Sequence | undefined, what: string): string {
  const item = single(seq, what);
  return item === undefined ? '' : stringOf(item);
}

function nodeArg(ctx: EvalContext, args: Sequence[], what: string): XNode | undefined {
  const item = args.length > 0 ? single(args[0], what) : contextItem(ctx);
  if (item === undefined) return undefined;
  if (!isNode(item)) throw new XPathDynamicError('XPTY0004', `${what} expects a node`);
  return item;
}

const s = (value: string): Sequence => [value];
const b = (value: boolean): Sequence => (value ? TRUE : FALSE);

function constructor(type: string): FunctionDef {
  return {
    min: 1,
    max: 1,
    call: (_ctx, [arg]) => {
      const item = single(arg, `xs:${type}()`);
      return item === undefined ? EMPTY : [castAtomic(atomize(item), type)];
    },
  };
}

function minMax(sign: 1 | -1): FunctionDef {
  return {
    min: 1,
    max: 1,
    call: (_ctx, [arg]) => {
      let best: Atomic | undefined;
      for (const item of arg ?? []) {
        let value = atomize(item);
        if (value instanceof Untyped) value = numberOf(value.value);
        if (best === undefined || compareAtomic(sign === 1 ? 'gt' : 'lt', value, best, false)) best = value;
      }
      return best === undefined ? EMPTY : [best];
    },
  };
}

const LIBRARY: Record<string, FunctionDef> = {
  true: { min: 0, max: 0, call: () => TRUE },
  false: { min: 0, max: 0, call: () => FALSE },
  not: { min: 1, max: 1, call: (_c, [a]) => b(!effectiveBoolean(a ?? EMPTY)) },
  boolean: { min: 1, max: 1, call: (_c, [a]) => b(effectiveBoolean(a ?? EMPTY)) },
  exists: { min: 1, max: 1, call: (_c, [a]) => b((a ?? EMPTY).length > 0) },
  empty: { min: 1, max: 1, call: (_c, [a]) => b((a ?? EMPTY).length === 0) },
  count: { min: 1, max: 1, call: (_c, [a]) => [(a ?? EMPTY).length] },
  position: { min: 0, max: 0, call: (c) => [c.position] },
  last: { min: 0, max: 0, call: (c) => [c.size] },
  current: {
    min: 0,
    max: 0,
    call: (c) => {
      if (c.current === undefined) throw new XPathDynamicError('XTDE1360', 'current() has no value here');
      return [c.current];
    },
  },
  'local-name': { min: 0, max: 1, call: (c, a) => { const n = nodeArg(c, a, 'local-name()'); return s(n ? localNameOf(n) : ''); } },
  name: { min: 0, max: 1, call: (c, a) => { const n = nodeArg(c, a, 'name()'); return s(n ? n.name : ''); } },
  'namespace-uri': { min: 0, max: 1, call: (c, a) => { const n = nodeArg(c, a, 'namespace-uri()'); return s(n?.kind === 'element' ? 'http://www.nemsis.org' : ''); } },
  root: {
    min: 0,
    max: 1,
    call: (c, a) => {
      let n = nodeArg(c, a, 'root()');
      while (n?.parent) n = n.parent;
      return n ? [n] : EMPTY;
    },
  },
  string: { min: 0, max: 1, call: (c, a) => s(a.length > 0 ? str(a[0], 'string()') : stringOf(contextItem(c))) },
  data: { min: 1, max: 1, call: (_c, [a]) => (a ?? EMPTY).map(atomize) },
  number: {
    min: 0,
    max: 1,
    call: (c, a) => {
      const item = a.length > 0 ? single(a[0], 'number()') : contextItem(c);
      return [item === undefined ? NaN : numberOf(item)];
    },
  },
  'string-length': { min: 0, max: 1, call: (c, a) => [[...(a.length > 0 ? str(a[0], 'string-length()') : stringOf(contextItem(c)))].length] },
  'normalize-space': {
    min: 0,
    max: 1,
    call: (c, a) => s((a.length > 0 ? str(a[0], 'normalize-space()') : stringOf(contextItem(c))).replace(/[ \t\r\n]+/g, ' ').trim()),
  },
  concat: { min: 2, max: Infinity, call: (_c, args) => s(args.map((a) => str(a, 'concat()')).join('')) },
  'string-join': { min: 1, max: 2, call: (_c, [a, sep]) => s((a ?? EMPTY).map(stringOf).join(str(sep, 'string-join()'))) },
  'starts-with': { min: 2, max: 2, call: (_c, [a, p]) => b(str(a, 'starts-with()').startsWith(str(p, 'starts-with()'))) },
  'ends-with': { min: 2, max: 2, call: (_c, [a, p]) => b(str(a, 'ends-with()').endsWith(str(p, 'ends-with()'))) },
  contains: { min: 2, max: 2, call: (_c, [a, p]) => b(str(a, 'contains()').includes(str(p, 'contains()'))) },
  'substring-before': {
    min: 2,
    max: 2,
    call: (_c, [a, p]) => {
      const text = str(a, 'substring-before()');
      const i = text.indexOf(str(p, 'substring-before()'));
      return s(i < 0 ? '' : text.slice(0, i));
    },
  },
  'substring-after': {
    min: 2,
    max: 2,
    call: (_c, [a, p]) => {
      const text = str(a, 'substring-after()');
      const pattern = str(p, 'substring-after()');
      const i = text.indexOf(pattern);
      return s(i < 0 ? '' : text.slice(i + pattern.length));
    },
  },
  substring: {
    min: 2,
    max: 3,
    call: (_c, [a, start, length]) => {
      const chars = [...str(a, 'substring()')];
      const from = Math.round(numberOf(single(start, 'substring()') ?? NaN));
      const to = length === undefined ? Infinity : from + Math.round(numberOf(single(length, 'substring()') ?? NaN));
      return s(chars.filter((_, i) => i + 1 >= from && i + 1 < to).join(''));
    },
  },
  'upper-case': { min: 1, max: 1, call: (_c, [a]) => s(str(a, 'upper-case()').toUpperCase()) },
  'lower-case': { min: 1, max: 1, call: (_c, [a]) => s(str(a, 'lower-case()').toLowerCase()) },
  translate: {
    min: 3,
    max: 3,
    call: (_c, [a, from, to]) => {
      const map = [...str(from, 'translate()')];
      const repl = [...str(to, 'translate()')];
      return s([...str(a, 'translate()')].map((ch) => { const i = map.indexOf(ch); return i < 0 ? ch : (repl[i] ?? ''); }).join(''));
    },
  },
  matches: {
    min: 2,
    max: 3,
    call: (_c, [a, p, f]) => b(compileXPathRegex(str(p, 'matches()'), str(f, 'matches()')).test(str(a, 'matches()'))),
  },
  replace: {
    min: 3,
    max: 4,
    call: (_c, [a, p, r, f]) => {
      const regex = compileXPathRegex(str(p, 'replace()'), str(f, 'replace()') + 'g');
      return s(str(a, 'replace()').replace(regex, str(r, 'replace()').replace(/\$(\d)/g, '$$$1')));
    },
  },
  tokenize: {
    min: 2,
    max: 3,
    call: (_c, [a, p, f]) => {
      const text = str(a, 'tokenize()');
      if (text === '') return EMPTY;
      return text.split(compileXPathRegex(str(p, 'tokenize()'), str(f, 'tokenize()'))).map((t) => t);
    },
  },
  'distinct-values': {
    min: 1,
    max: 1,
    call: (_c, [a]) => {
      const seen = new Set<string>();
      const out: Atomic[] = [];
      for (const item of a ?? EMPTY) {
        const value = atomize(item);
        const key = `${typeof value}:${stringOf(value instanceof Untyped ? value.value : value)}`;
        if (!seen.has(key)) {
          seen.add(key);
          out.push(value instanceof Untyped ? value.value : value);
        }
      }
      return out;
    },
  },
  reverse: { min: 1, max: 1, call: (_c, [a]) => [...(a ?? EMPTY)].reverse() },
  sum: {
    min: 1,
    max: 2,
    call: (_c, [a, zero]) => {
      if ((a ?? EMPTY).length === 0) return zero ?? [0];
      return [(a ?? EMPTY).reduce<number>((acc, item) => acc + numberOf(item), 0)];
    },
  },
  max: minMax(1),
  min: minMax(-1),
  abs: { min: 1, max: 1, call: (_c, [a]) => { const i = single(a, 'abs()'); return i === undefined ? EMPTY : [Math.abs(numberOf(i))]; } },
  floor: { min: 1, max: 1, call: (_c, [a]) => { const i = single(a, 'floor()'); return i === undefined ? EMPTY : [Math.floor(numberOf(i))]; } },
  ceiling: { min: 1, max: 1, call: (_c, [a]) => { const i = single(a, 'ceiling()'); return i === undefined ? EMPTY : [Math.ceil(numberOf(i))]; } },
  round: { min: 1, max: 1, call: (_c, [a]) => { const i = single(a, 'round()'); return i === undefined ? EMPTY : [Math.round(numberOf(i))]; } },
  'current-dateTime': { min: 0, max: 0, call: (c) => [c.env.now] },
  'current-date': { min: 0, max: 0, call: (c) => [castAtomic(c.env.now, 'date')] },
  'format-dateTime': {
    min: 2,
    max: 5,
    call: (_c, [v, picture]) => {
      const item = single(v, 'format-dateTime()');
      if (item === undefined) return EMPTY;
      const value = atomize(item);
      const temporal = value instanceof XTemporal ? value : castAtomic(value, 'dateTime');
      return s(formatTemporal(temporal as XTemporal, str(picture, 'format-dateTime()')));
    },
  },
  key: {
    min: 2,
    max: 3,
    call: (c, [name, values, top]) => {
      let topNode: Item | undefined = top === undefined ? contextItem(c) : single(top, 'key()');
      if (topNode === undefined) return EMPTY;
      if (!isNode(topNode)) throw new XPathDynamicError('XTDE1270', 'the third argument of key() must be a node');
      if (top === undefined) while (topNode.parent) topNode = topNode.parent;
      const found = c.env.key(str(name, 'key()'), (values ?? EMPTY).map(stringOf), topNode);
      return found.length > 1 ? [...found].sort(compareDocumentOrder) : found;
    },
  },
};

for (const type of CAST_TYPES) LIBRARY[`xs:${type}`] = constructor(type);

/** Looks up a function by name and checks its arity when the expression is compiled. */
export function findFunction(name: string, arity: number): FunctionDef | undefined {
  const def = LIBRARY[name];
  if (!def || arity < def.min || arity > def.max) return undefined;
  return def;
}
