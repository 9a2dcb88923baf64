import { isPositionIndependent } from './xpath/analyze';
import type { Expr, NodeTest } from './xpath/ast';
import { compileNodeTest, selectAxis, type NodePredicate } from './xpath/axes';
import { compileBoolean, compilePredicate, hasAttribute, type BooleanEvaluator, type PredicateFn, type StaticScope } from './xpath/compile';
import type { EvalContext, Environment, Scope } from './xpath/context';
import { XPathSyntaxError } from './xpath/errors';
import type { XNode } from './xpath/nodes';
import { parseXPath } from './xpath/parser';
import type { Item } from './xpath/values';

/** What a pattern's last step can match, used to index rules by element name. */
export type PatternTarget =
  | { kind: 'element'; names: string[] | 'any' }
  | { kind: 'attribute' }
  | { kind: 'document' };

/** An XSLT match pattern (`nem:eTimes.03[. != '']`, `a//b[@PN]`, `x | y`) compiled for matching nodes. */
export interface MatchPattern {
  readonly source: string;
  readonly targets: PatternTarget[];
  /** True when the pattern can only match elements that carry at least one attribute. */
  readonly needsAttributes: boolean;
  matches(node: XNode, env: Environment, scope: Scope | null): boolean;
}

interface PatternStep {
  axis: 'child' | 'attribute';
  testAst: NodeTest;
  test: NodePredicate;
  /** Fast path: every predicate tests only its own node. */
  independent: BooleanEvaluator[] | undefined;
  /** General path: predicates applied to the sibling list with positions. */
  filters: PredicateFn[];
  /**
   * `name[p…][k]` where every p only tests its own node and cannot raise an error (`. = 'x'`, `@a`, …):
   * the node matches when it passes the p's and at most k-1 earlier siblings of that name do, so the
   * siblings after it are never looked at. Undefined for any other shape (the general path is used).
   */
  firstK: { tests: BooleanEvaluator[]; k: number } | undefined;
  /** How this step is joined to the previous one. */
  separator: '/' | '//';
  /** One context reused for every match of this step (a fresh one if a predicate re-enters the step). */
  scratch: EvalContext | undefined;
}

/** True when a predicate can be evaluated on any element without raising a dynamic error. */
function cannotRaise(expr: Expr): boolean {
  if (expr.kind === 'binary' && (expr.op === 'and' || expr.op === 'or')) return cannotRaise(expr.left) && cannotRaise(expr.right);
  if (expr.kind === 'call' && expr.name === 'not' && expr.args.length === 1) return cannotRaise(expr.args[0] as Expr);
  if (isAttributeTest(expr)) return true;
  if (expr.kind === 'binary' && ['=', '!='].includes(expr.op)) {
    const [other, literal] = expr.right.kind === 'string' ? [expr.left, expr.right] : [expr.right, expr.left];
    return literal.kind === 'string' && (other.kind === 'context' || isAttributeTest(other));
  }
  return false;
}

function isAttributeTest(expr: Expr): boolean {
  return expr.kind === 'step' && expr.axis === 'attribute' && expr.test.kind === 'name' && expr.predicates.length === 0;
}

/** `[p…][k]`: position-independent predicates that cannot raise, then one positive integer literal, last. */
function firstKOf(predicates: Expr[], state: { source: string; variables: StaticScope }): PatternStep['firstK'] {
  const last = predicates[predicates.length - 1];
  if (last?.kind !== 'number' || !Number.isInteger(last.value) || last.value < 1) return undefined;
  const before = predicates.slice(0, -1);
  if (!before.every((p) => isPositionIndependent(p) && cannotRaise(p))) return undefined;
  return { tests: before.map((p) => compileBoolean(p, state)), k: last.value };
}

/** An attribute the node must carry for a predicate to hold (`[@PN]`, `[@NV = 'x']`, `[@a and …]`). */
interface AttributeGuard {
  local: string;
  prefixed: boolean;
}

function guardOf(predicate: Expr): AttributeGuard | undefined {
  if (predicate.kind === 'step' && predicate.axis === 'attribute' && predicate.test.kind === 'name' && predicate.predicates.length === 0) {
    return { local: predicate.test.local, prefixed: predicate.test.prefixed };
  }
  if (predicate.kind === 'binary' && predicate.op === 'and') return guardOf(predicate.left) ?? guardOf(predicate.right);
  if (predicate.kind === 'binary' && ['=', '!=', '<', '<=', '>', '>='].includes(predicate.op)) {
    return guardOf(predicate.left) ?? guardOf(predicate.right);
  }
  return undefined;
}

interface PathPattern {
  /** Cheap pre-check on the last step: a required attribute, if the predicates imply one. */
  guard: AttributeGuard | undefined;
  /** 'relative' = may start anywhere; '/' = starts at the document; '//' = starts anywhere below it. */
  start: 'relative' | '/' | '//';
  steps: PatternStep[];
}

const DOS = (e: Expr): boolean => e.kind === 'step' && e.axis === 'descendant-or-self' && e.test.kind === 'node' && e.predicates.length === 0;

function flattenPath(expr: Expr, out: Expr[]): void {
  if (expr.kind === 'path') {
    flattenPath(expr.left, out);
    flattenPath(expr.right, out);
  } else out.push(expr);
}

function unionBranches(expr: Expr, out: Expr[]): void {
  if (expr.kind === 'binary' && expr.op === 'union') {
    unionBranches(expr.left, out);
    unionBranches(expr.right, out);
  } else out.push(expr);
}

function compileBranch(expr: Expr, source: string, variables: StaticScope): PathPattern {
  const parts: Expr[] = [];
  flattenPath(expr, parts);
  let start: PathPattern['start'] = 'relative';
  let i = 0;
  if (parts[0]?.kind === 'root') {
    start = '/';
    i = 1;
    if (parts[1] && DOS(parts[1])) {
      start = '//';
      i = 2;
    }
  }
  const steps: PatternStep[] = [];
  let separator: '/' | '//' = '/';
  for (; i < parts.length; i++) {
    const part = parts[i] as Expr;
    if (DOS(part) && i > 0) {
      separator = '//';
      continue;
    }
    if (part.kind !== 'step' || (part.axis !== 'child' && part.axis !== 'attribute')) {
      throw new XPathSyntaxError('only child and attribute steps are allowed in a rule context', source);
    }
    const state = { source, variables };
    const independent = part.predicates.every(isPositionIndependent);
    const firstK = independent || part.axis !== 'child' || part.test.kind !== 'name' ? undefined : firstKOf(part.predicates, state);
    steps.push({
      axis: part.axis,
      testAst: part.test,
      test: compileNodeTest(part.test, part.axis),
      independent: independent ? part.predicates.map((p) => compileBoolean(p, state)) : undefined,
      filters: independent || firstK ? [] : part.predicates.map((p) => compilePredicate(p, state)),
      firstK,
      separator,
      scratch: undefined,
    });
    separator = '/';
  }
  const last = parts[parts.length - 1];
  const guard = last?.kind === 'step' && last.axis === 'child' ? last.predicates.map(guardOf).find((g) => g !== undefined) : undefined;
  return { guard, start, steps };
}

function targetOf(branch: PathPattern): PatternTarget {
  const last = branch.steps[branch.steps.length - 1];
  if (!last) return { kind: 'document' };
  if (last.axis === 'attribute') return { kind: 'attribute' };
  return { kind: 'element', names: last.testAst.kind === 'name' ? [last.testAst.local] : 'any' };
}

function stepMatches(step: PatternStep, node: XNode, env: Environment, scope: Scope | null): boolean {
  if (!step.test(node)) return false;
  const independent = step.independent;
  if (independent && independent.length === 0) return true;
  // The scratch context is taken while the predicates run, so a predicate that somehow matches this
  // step again gets a fresh context instead of overwriting the one in use.
  let ctx = step.scratch;
  step.scratch = undefined;
  if (ctx === undefined) ctx = { item: node, position: 1, size: 1, current: node, scope, env };
  else {
    ctx.item = node;
    ctx.current = node;
    ctx.scope = scope;
    ctx.env = env;
  }
  const result = independent ? allHold(independent, ctx) : step.firstK ? firstKMatches(step.firstK, node, ctx) : filtered(step, node, ctx);
  step.scratch = ctx;
  return result;
}

function allHold(predicates: BooleanEvaluator[], ctx: EvalContext): boolean {
  for (let i = 0; i < predicates.length; i++) if (!(predicates[i] as BooleanEvaluator)(ctx)) return false;
  return true;
}

/** `name[p…][k]`: ctx.current is the node being matched; ctx.item moves over its same-named siblings. */
function firstKMatches(firstK: NonNullable<PatternStep['firstK']>, node: XNode, ctx: EvalContext): boolean {
  const parent = node.parent;
  if (!parent) return false;
  const siblings = parent.children;
  let passed = 0;
  for (let i = 0; i <= node.index; i++) {
    const sibling = siblings[i] as XNode;
    if (sibling.kind !== 'element' || sibling.name !== node.name) continue;
    ctx.item = sibling;
    if (!allHold(firstK.tests, ctx)) continue;
    passed++;
    if (sibling === node) return passed <= firstK.k;
    if (passed >= firstK.k) return false;
  }
  return false;
}

function filtered(step: PatternStep, node: XNode, ctx: EvalContext): boolean {
  if (!node.parent) return false;
  let candidates: Item[] = selectAxis(step.axis, node.parent, step.test);
  for (const filter of step.filters) candidates = filter(candidates, ctx);
  return candidates.includes(node);
}

function matchFrom(branch: PathPattern, index: number, node: XNode, env: Environment, scope: Scope | null): boolean {
  const step = branch.steps[index] as PatternStep;
  if (!stepMatches(step, node, env, scope)) return false;
  if (index === 0) {
    if (branch.start === 'relative') return true;
    if (branch.start === '/') return node.parent?.kind === 'document';
    return true;
  }
  if (step.separator === '/') return node.parent !== null && matchFrom(branch, index - 1, node.parent, env, scope);
  for (let a = node.parent; a; a = a.parent) if (matchFrom(branch, index - 1, a, env, scope)) return true;
  return false;
}

/** Compiles a rule context or key match pattern. Global variables named in `variables` may be used. */
export function compileMatchPattern(source: string, variables: StaticScope = new Set()): MatchPattern {
  const branches: Expr[] = [];
  unionBranches(parseXPath(source), branches);
  const compiled = branches.map((b) => compileBranch(b, source, variables));
  const only = compiled.length === 1 ? compiled[0] : undefined;
  return {
    source,
    targets: compiled.map(targetOf),
    needsAttributes: compiled.every((b) => b.guard !== undefined),
    matches: only
      ? (node, env, scope) => branchMatches(only, node, env, scope)
      : (node, env, scope) => {
        for (const branch of compiled) if (branchMatches(branch, node, env, scope)) return true;
        return false;
      },
  };
}

function branchMatches(branch: PathPattern, node: XNode, env: Environment, scope: Scope | null): boolean {
  if (branch.steps.length === 0) return node.kind === 'document';
  if (branch.guard && !hasAttribute(node, branch.guard.local, branch.guard.prefixed)) return false;
  return matchFrom(branch, branch.steps.length - 1, node, env, scope);
}
