import { analyzeInstanceOf } from './instance-of';
import type { Expr } from './ast';
import { compileNodeTest, isReverseAxis, selectAxis } from './axes';
import { isPositionIndependent } from './analyze';
import { castAtomic, isCastable } from './cast';
import { compileSimplePath } from './simple-path';
import { Scope, type EvalContext, type Evaluator } from './context';
import { XPathDynamicError, XPathSyntaxError } from './errors';
import { findFunction } from './functions';
import { compareDocumentOrder, isNode, stringValue, type XNode } from './nodes';
import { parseXPath } from './parser';
import { parseTemporal, type TemporalType } from './temporal';
import {
  EMPTY, FALSE, TRUE, arithmetic, atomize, effectiveBoolean, generalCompare, generalCompareString, numberOf, valueCompare,
  type Item, type Sequence,
} from './values';

/** Names of the variables an expression may use (everything else is a compile error). */
export type StaticScope = ReadonlySet<string>;

/** A compiled test: the effective boolean value of an expression, without building sequences where possible. */
export type BooleanEvaluator = (ctx: EvalContext) => boolean;

export interface CompiledXPath {
  readonly source: string;
  readonly ast: Expr;
  readonly evaluate: Evaluator;
  /** Effective boolean value (asserts, reports, predicates). */
  readonly test: BooleanEvaluator;
}

/** Parses and compiles an XPath 2.0 expression once; `evaluate` may then run it any number of times. */
export function compileXPath(source: string, variables: StaticScope = new Set()): CompiledXPath {
  const ast = parseXPath(source);
  const state = { source, variables };
  return { source, ast, evaluate: compileExpr(ast, state), test: compileBoolean(ast, state) };
}

export interface CompileState {
  source: string;
  variables: StaticScope;
}

function child(ctx: EvalContext, item: Item, position: number, size: number): EvalContext {
  return { item, position, size, current: ctx.current, scope: ctx.scope, env: ctx.env };
}

function contextNode(ctx: EvalContext): XNode {
  if (ctx.item === undefined) throw new XPathDynamicError('XPDY0002', 'the context item is absent');
  if (!isNode(ctx.item)) throw new XPathDynamicError('XPTY0020', 'the context item is not a node');
  return ctx.item;
}

/** Sorts nodes into document order and removes duplicates. */
export function sortNodes(nodes: XNode[]): XNode[] {
  if (nodes.length < 2) return nodes;
  const unique = [...new Set(nodes)];
  return unique.sort(compareDocumentOrder);
}

/** Filters a list (in axis order) through one predicate, with positions counted in that order. */
export type PredicateFn = (items: Item[], ctx: EvalContext) => Item[];

export function compilePredicate(expr: Expr, state: CompileState): PredicateFn {
  if (expr.kind === 'number') {
    const index = expr.value - 1;
    return (items) => (Number.isInteger(index) && index >= 0 && index < items.length ? [items[index] as Item] : EMPTY);
  }
  if (isPositionIndependent(expr)) {
    const test = compileBoolean(expr, state);
    return (items, ctx) => {
      const out: Item[] = [];
      const size = items.length;
      for (let i = 0; i < size; i++) {
        const item = items[i] as Item;
        if (test(child(ctx, item, i + 1, size))) out.push(item);
      }
      return out;
    };
  }
  const evaluate = compileExpr(expr, state);
  return (items, ctx) => {
    const out: Item[] = [];
    const size = items.length;
    for (let i = 0; i < size; i++) {
      const item = items[i] as Item;
      const result = evaluate(child(ctx, item, i + 1, size));
      if (result.length === 1 && typeof result[0] === 'number') {
        if (result[0] === i + 1) out.push(item);
      } else if (effectiveBoolean(result)) out.push(item);
    }
    return out;
  };
}

function applyPredicates(items: Item[], predicates: PredicateFn[], ctx: EvalContext): Item[] {
  let current = items;
  for (const predicate of predicates) {
    if (current.length === 0) return current;
    current = predicate(current, ctx);
  }
  return current;
}

/** `X//child::t[p]` equals `X/descendant::t[p]` when no predicate depends on position. */
function simplifyDescendant(expr: Expr): Expr | undefined {
  if (expr.kind !== 'path' || expr.right.kind !== 'step' || expr.left.kind !== 'path') return undefined;
  const dos = expr.left.right;
  const step = expr.right;
  if (dos.kind !== 'step' || dos.axis !== 'descendant-or-self' || dos.test.kind !== 'node' || dos.predicates.length > 0) return undefined;
  if (step.axis !== 'child' || !step.predicates.every(isPositionIndependent)) return undefined;
  return { kind: 'path', left: expr.left.left, right: { ...step, axis: 'descendant' } };
}

function compileStep(expr: Extract<Expr, { kind: 'step' }>, state: CompileState): Evaluator {
  const test = compileNodeTest(expr.test, expr.axis);
  const first = expr.predicates[0];
  // `axis::test[k]` needs only the first k nodes of the axis.
  const limit = first?.kind === 'number' && Number.isInteger(first.value) && first.value > 0 ? first.value : Infinity;
  const predicates = expr.predicates.map((p) => compilePredicate(p, state));
  const reverse = isReverseAxis(expr.axis);
  const axis = expr.axis;
  return (ctx) => {
    const node = contextNode(ctx);
    let nodes: Item[] = selectAxis(axis, node, test, limit);
    if (predicates.length > 0) nodes = applyPredicates(nodes, predicates, ctx);
    return reverse && nodes.length > 1 ? [...nodes].reverse() : nodes;
  };
}

function compilePath(expr: Extract<Expr, { kind: 'path' }>, state: CompileState): Evaluator {
  const simplified = simplifyDescendant(expr);
  if (simplified) return compileExpr(simplified, state);
  const simple = compileSimplePath(expr);
  if (simple) return simple;
  const left = compileExpr(expr.left, state);
  const right = compileExpr(expr.right, state);
  const rightIsStep = expr.right.kind === 'step';
  return (ctx) => {
    const inputs = left(ctx);
    if (inputs.length === 0) return EMPTY;
    if (inputs.length === 1) {
      const item = inputs[0] as Item;
      if (!isNode(item)) throw new XPathDynamicError('XPTY0019', 'the left side of "/" must be nodes');
      const result = right(child(ctx, item, 1, 1));
      return rightIsStep ? result : normalizePathResult(result);
    }
    const out: Item[] = [];
    for (let i = 0; i < inputs.length; i++) {
      const item = inputs[i] as Item;
      if (!isNode(item)) throw new XPathDynamicError('XPTY0019', 'the left side of "/" must be nodes');
      for (const r of right(child(ctx, item, i + 1, inputs.length))) out.push(r);
    }
    return normalizePathResult(out);
  };
}

function normalizePathResult(items: Item[]): Item[] {
  let nodes = 0;
  for (const item of items) if (isNode(item)) nodes++;
  if (nodes === 0) return items;
  if (nodes !== items.length) throw new XPathDynamicError('XPTY0018', 'a path step returned both nodes and atomic values');
  return sortNodes(items as XNode[]);
}

function compileBinary(expr: Extract<Expr, { kind: 'binary' }>, state: CompileState): Evaluator {
  const left = compileExpr(expr.left, state);
  const right = compileExpr(expr.right, state);
  const op = expr.op;
  switch (op) {
    case 'or':
    case 'and': {
      const test = compileBoolean(expr, state);
      return (ctx) => (test(ctx) ? TRUE : FALSE);
    }
    case '=': case '!=': case '<': case '<=': case '>': case '>=':
      return (ctx) => (generalCompare(op, left(ctx), right(ctx)) ? TRUE : FALSE);
    case 'eq': case 'ne': case 'lt': case 'le': case 'gt': case 'ge':
      return (ctx) => valueCompare(op, left(ctx), right(ctx));
    case 'is': case '<<': case '>>':
      return (ctx) => {
        const [a, b] = [left(ctx), right(ctx)];
        if (a.length === 0 || b.length === 0) return EMPTY;
        const [x, y] = [a[0], b[0]];
        if (a.length > 1 || b.length > 1 || !isNode(x) || !isNode(y)) throw new XPathDynamicError('XPTY0004', `'${op}' compares single nodes`);
        const c = compareDocumentOrder(x, y);
        return (op === 'is' ? x === y : op === '<<' ? c < 0 : c > 0) ? TRUE : FALSE;
      };
    case 'to':
      return (ctx) => {
        const [a, b] = [left(ctx), right(ctx)];
        if (a.length === 0 || b.length === 0) return EMPTY;
        const from = numberOf(atomize(a[0] as Item));
        const to = numberOf(atomize(b[0] as Item));
        const out: number[] = [];
        for (let i = from; i <= to && out.length < 1_000_000; i++) out.push(i);
        return out;
      };
    case '+': case '-': case '*': case 'div': case 'idiv': case 'mod':
      return (ctx) => {
        const [a, b] = [left(ctx), right(ctx)];
        if (a.length === 0 || b.length === 0) return EMPTY;
        if (a.length > 1 || b.length > 1) throw new XPathDynamicError('XPTY0004', `'${op}' needs single values`);
        return [arithmetic(op, atomize(a[0] as Item), atomize(b[0] as Item))];
      };
    case 'union': case 'intersect': case 'except':
      return (ctx) => {
        const [a, b] = [left(ctx), right(ctx)];
        if (!a.every(isNode) || !b.every(isNode)) throw new XPathDynamicError('XPTY0004', `'${op}' needs node sequences`);
        if (op === 'union') return sortNodes([...a, ...b] as XNode[]);
        const other = new Set(b);
        return sortNodes((a as XNode[]).filter((n) => (op === 'intersect') === other.has(n)));
      };
  }
}

function compileCall(expr: Extract<Expr, { kind: 'call' }>, state: CompileState): Evaluator {
  const def = findFunction(expr.name, expr.args.length);
  if (!def) throw new XPathSyntaxError(`unknown function ${expr.name}() with ${expr.args.length} argument(s)`, state.source);
  const args = expr.args.map((a) => compileExpr(a, state));
  const [first, second] = args;
  const temporal = TEMPORAL_CONSTRUCTORS[expr.name];
  if (temporal !== undefined && first && args.length === 1) {
    // `xs:dateTime(.)`, `xs:dateTime(../nem:eTimes.03)`: one node's string value parsed directly (what
    // the constructor does with one node, without the untyped value and argument lists in between).
    if (expr.args[0]?.kind === 'context') {
      return (ctx) => {
        const item = ctx.item;
        if (item === undefined) throw new XPathDynamicError('XPDY0002', 'the context item is absent');
        return isNode(item) ? [parseTemporal(temporal, stringValue(item))] : def.call(ctx, [[item]]);
      };
    }
    return (ctx) => {
      const arg = first(ctx);
      const item = arg[0];
      return arg.length === 1 && item !== undefined && isNode(item) ? [parseTemporal(temporal, stringValue(item))] : def.call(ctx, [arg]);
    };
  }
  if (args.length === 0) return (ctx) => def.call(ctx, []);
  if (args.length === 1 && first) return (ctx) => def.call(ctx, [first(ctx)]);
  if (args.length === 2 && first && second) return (ctx) => def.call(ctx, [first(ctx), second(ctx)]);
  return (ctx) => def.call(ctx, args.map((a) => a(ctx)));
}

function compileBindings(
  bindings: { name: string; source: Expr }[],
  state: CompileState,
): { sources: Evaluator[]; names: string[]; inner: CompileState } {
  const variables = new Set(state.variables);
  const sources: Evaluator[] = [];
  for (const b of bindings) {
    sources.push(compileExpr(b.source, { ...state, variables: new Set(variables) }));
    variables.add(b.name);
  }
  return { sources, names: bindings.map((b) => b.name), inner: { ...state, variables } };
}

/** Runs `body` for every combination of the bound variables; stops when `body` returns true. */
function forEachBinding(ctx: EvalContext, sources: Evaluator[], names: string[], level: number, body: (c: EvalContext) => boolean): boolean {
  if (level === sources.length) return body(ctx);
  for (const item of (sources[level] as Evaluator)(ctx)) {
    const scoped: EvalContext = { ...ctx, scope: new Scope(ctx.scope, names[level] as string, [item]) };
    if (forEachBinding(scoped, sources, names, level + 1, body)) return true;
  }
  return false;
}

const TEMPORAL_CONSTRUCTORS: Record<string, TemporalType | undefined> = { 'xs:dateTime': 'dateTime', 'xs:date': 'date', 'xs:time': 'time' };

const GENERAL_OPS = new Set(['=', '!=', '<', '<=', '>', '>=']);
const FLIPPED: Record<string, string> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** The value of the attribute an `@name` test names (prefixed tests need a prefixed attribute). */
export function attributeValue(item: Item | undefined, local: string, prefixed: boolean): string | undefined {
  if (item === undefined || !isNode(item) || item.kind !== 'element' || !item.source) return undefined;
  const attributes = item.source.attributes;
  if (!prefixed) return attributes[local];
  const suffix = `:${local}`;
  for (const name in attributes) if (name.endsWith(suffix)) return attributes[name];
  return undefined;
}

/** True when a node has the attribute an `@name` test names. */
export function hasAttribute(item: Item | undefined, local: string, prefixed: boolean): boolean {
  return attributeValue(item, local, prefixed) !== undefined;
}

/**
 * Compiles an expression for its effective boolean value. `and`/`or`/`not()` short-circuit, `@name`
 * checks the element's attributes directly, and comparisons with a string literal skip building
 * atomized sequences; everything else falls back to `effectiveBoolean(evaluate())`.
 */
export function compileBoolean(expr: Expr, state: CompileState): BooleanEvaluator {
  if (expr.kind === 'binary' && (expr.op === 'or' || expr.op === 'and')) {
    const left = compileBoolean(expr.left, state);
    const right = compileBoolean(expr.right, state);
    return expr.op === 'or' ? (ctx) => left(ctx) || right(ctx) : (ctx) => left(ctx) && right(ctx);
  }
  if (expr.kind === 'binary' && GENERAL_OPS.has(expr.op) && (expr.left.kind === 'string' || expr.right.kind === 'string')) {
    const literalOnRight = expr.right.kind === 'string';
    const literalExpr = literalOnRight ? expr.right : expr.left;
    const literal = literalExpr.kind === 'string' ? literalExpr.value : '';
    const other = compileExpr(literalOnRight ? expr.left : expr.right, state);
    const op = literalOnRight ? expr.op : (FLIPPED[expr.op] ?? expr.op);
    const literalSeq: Sequence = [literal];
    const otherExpr = literalOnRight ? expr.left : expr.right;
    if (otherExpr.kind === 'context') {
      // `. = 'literal'` on a node: its string value against the literal, no sequences built.
      return (ctx) => {
        const item = ctx.item;
        if (item !== undefined && isNode(item)) return generalCompareString(op, stringValue(item), literal);
        return generalCompare(op, other(ctx), literalSeq);
      };
    }
    if (otherExpr.kind === 'step' && otherExpr.axis === 'attribute' && otherExpr.test.kind === 'name' && otherExpr.predicates.length === 0) {
      // `@name = 'literal'`: read the attribute value without building attribute nodes.
      const { local, prefixed } = otherExpr.test;
      return (ctx) => {
        const value = attributeValue(ctx.item, local, prefixed);
        return value !== undefined && generalCompareString(op, value, literal);
      };
    }
    return (ctx) => generalCompare(op, other(ctx), literalSeq);
  }
  if (expr.kind === 'call' && expr.name === 'not' && expr.args.length === 1) {
    const inner = compileBoolean(expr.args[0] as Expr, state);
    return (ctx) => !inner(ctx);
  }
  if (expr.kind === 'call' && (expr.name === 'true' || expr.name === 'false') && expr.args.length === 0) {
    const value = expr.name === 'true';
    return () => value;
  }
  if (expr.kind === 'step' && expr.axis === 'attribute' && expr.test.kind === 'name' && expr.predicates.length === 0) {
    const { local, prefixed } = expr.test;
    return (ctx) => hasAttribute(ctx.item, local, prefixed);
  }
  const evaluate = compileExpr(expr, state);
  return (ctx) => effectiveBoolean(evaluate(ctx));
}

/** Compiles an AST node to a closure. */
export function compileExpr(expr: Expr, state: CompileState): Evaluator {
  switch (expr.kind) {
    case 'string': {
      const value: Sequence = [expr.value];
      return () => value;
    }
    case 'number': {
      const value: Sequence = [expr.value];
      return () => value;
    }
    case 'context':
      return (ctx) => {
        if (ctx.item === undefined) throw new XPathDynamicError('XPDY0002', 'the context item is absent');
        return [ctx.item];
      };
    case 'root':
      return (ctx) => {
        let node = contextNode(ctx);
        while (node.parent) node = node.parent;
        if (node.kind !== 'document') throw new XPathDynamicError('XPDY0050', 'the context node is not in a document');
        return [node];
      };
    case 'variable': {
      if (!state.variables.has(expr.name)) throw new XPathSyntaxError(`variable $${expr.name} is not declared`, state.source);
      const name = expr.name;
      return (ctx) => {
        if (!ctx.scope) throw new XPathDynamicError('XPST0008', `variable $${name} is not defined`);
        return ctx.scope.lookup(name);
      };
    }
    case 'sequence': {
      const items = expr.items.map((i) => compileExpr(i, state));
      if (items.length === 0) return () => EMPTY;
      if (items.length === 1) return items[0] as Evaluator;
      return (ctx) => {
        const out: Item[] = [];
        for (const evaluate of items) for (const item of evaluate(ctx)) out.push(item);
        return out;
      };
    }
    case 'step':
      return compileStep(expr, state);
    case 'path':
      return compilePath(expr, state);
    case 'filter': {
      const base = compileExpr(expr.base, state);
      const predicates = expr.predicates.map((p) => compilePredicate(p, state));
      return (ctx) => applyPredicates(base(ctx), predicates, ctx);
    }
    case 'binary':
      return compileBinary(expr, state);
    case 'negate': {
      const operand = compileExpr(expr.operand, state);
      return (ctx) => {
        const v = operand(ctx);
        if (v.length === 0) return EMPTY;
        return [arithmetic('-', 0, atomize(v[0] as Item))];
      };
    }
    case 'call':
      return compileCall(expr, state);
    case 'quantified': {
      const { sources, names, inner } = compileBindings(expr.bindings, state);
      const test = compileBoolean(expr.test, inner);
      if (expr.quantifier === 'some') {
        return (ctx) => (forEachBinding(ctx, sources, names, 0, test) ? TRUE : FALSE);
      }
      return (ctx) => (forEachBinding(ctx, sources, names, 0, (c) => !test(c)) ? FALSE : TRUE);
    }
    case 'for': {
      const { sources, names, inner } = compileBindings(expr.bindings, state);
      const result = compileExpr(expr.result, inner);
      return (ctx) => {
        const out: Item[] = [];
        forEachBinding(ctx, sources, names, 0, (c) => {
          for (const r of result(c)) out.push(r);
          return false;
        });
        return out;
      };
    }
    case 'if': {
      const condition = compileBoolean(expr.condition, state);
      const then = compileExpr(expr.then, state);
      const otherwise = compileExpr(expr.else, state);
      return (ctx) => (condition(ctx) ? then(ctx) : otherwise(ctx));
    }
    case 'cast': {
      const operand = compileExpr(expr.operand, state);
      const type = expr.type.replace(/^xs:/, '');
      const { optional, test } = expr;
      return (ctx) => {
        const v = operand(ctx);
        if (v.length > 1) {
          if (test) return FALSE;
          throw new XPathDynamicError('XPTY0004', 'cast needs a single value');
        }
        if (v.length === 0) {
          if (test) return optional ? TRUE : FALSE;
          if (optional) return EMPTY;
          throw new XPathDynamicError('XPTY0004', 'cast of an empty sequence');
        }
        if (!test) return [castAtomic(atomize(v[0] as Item), type)];
        return isCastable(atomize(v[0] as Item), type) ? TRUE : FALSE;
      };
    }
    case 'instance-of':
      return analyzeInstanceOf(compileExpr(expr.operand, state), expr.type);
  }
}
