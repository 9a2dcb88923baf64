import type { Expr } from './ast';

const BOOLEAN_FUNCTIONS = new Set(['not', 'true', 'false', 'boolean', 'exists', 'empty', 'starts-with', 'ends-with', 'contains', 'matches']);
const BOOLEAN_OPS = new Set(['or', 'and', '=', '!=', '<', '<=', '>', '>=', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'is', '<<', '>>']);

/** True when an expression (outside nested predicates) calls position() or last(). */
export function usesPosition(expr: Expr): boolean {
  switch (expr.kind) {
    case 'call':
      return expr.name === 'position' || expr.name === 'last' || expr.args.some(usesPosition);
    case 'sequence':
      return expr.items.some(usesPosition);
    case 'binary':
      return usesPosition(expr.left) || usesPosition(expr.right);
    case 'negate':
      return usesPosition(expr.operand);
    case 'path':
      return usesPosition(expr.left);
    case 'filter':
      return usesPosition(expr.base);
    case 'quantified':
      return expr.bindings.some((b) => usesPosition(b.source)) || usesPosition(expr.test);
    case 'for':
      return expr.bindings.some((b) => usesPosition(b.source)) || usesPosition(expr.result);
    case 'if':
      return usesPosition(expr.condition) || usesPosition(expr.then) || usesPosition(expr.else);
    case 'cast':
    case 'instance-of':
      return usesPosition(expr.operand);
    case 'string':
    case 'number':
    case 'variable':
    case 'context':
    case 'root':
    case 'step':
      return false;
  }
}

/** True when an expression always yields a boolean or a node sequence (never a number). */
export function yieldsBooleanOrNodes(expr: Expr): boolean {
  switch (expr.kind) {
    case 'binary':
      return BOOLEAN_OPS.has(expr.op) || (['union', 'intersect', 'except'].includes(expr.op));
    case 'quantified':
    case 'instance-of':
      return true;
    case 'cast':
      return expr.test;
    case 'call':
      return BOOLEAN_FUNCTIONS.has(expr.name);
    case 'step':
    case 'root':
      return true;
    case 'path':
      return expr.right.kind === 'step' || yieldsBooleanOrNodes(expr.right);
    case 'context':
    case 'filter':
    case 'for':
    case 'if':
    case 'negate':
    case 'number':
    case 'sequence':
    case 'string':
    case 'variable':
      return false;
  }
}

/**
 * A predicate that only looks at its own node: not a number, and no position()/last(). Such a
 * predicate can be tested on one node without building the list of its siblings.
 */
export function isPositionIndependent(predicate: Expr): boolean {
  return yieldsBooleanOrNodes(predicate) && !usesPosition(predicate);
}

const CONTEXT_FUNCTIONS = new Set(['current', 'position', 'last', 'current-dateTime', 'current-date', 'key']);
const CONTEXT_DEFAULT_ARG = new Set(['local-name', 'name', 'namespace-uri', 'string', 'number', 'string-length', 'normalize-space', 'root']);

/**
 * True when an expression may depend on the context item, the clock or a variable in `dependent`; a
 * global variable whose value does not is computed once and reused across documents.
 */
export function dependsOnContext(expr: Expr, dependent: ReadonlySet<string>): boolean {
  const any = (list: Expr[]): boolean => list.some((e) => dependsOnContext(e, dependent));
  switch (expr.kind) {
    case 'context':
    case 'root':
    case 'step':
      return true;
    case 'string':
    case 'number':
      return false;
    case 'variable':
      return dependent.has(expr.name);
    case 'call':
      return CONTEXT_FUNCTIONS.has(expr.name) || (expr.args.length === 0 && CONTEXT_DEFAULT_ARG.has(expr.name)) || any(expr.args);
    case 'path':
      return dependsOnContext(expr.left, dependent) || usesOutsideState(expr.right, dependent);
    case 'filter':
      return dependsOnContext(expr.base, dependent) || expr.predicates.some((p) => usesOutsideState(p, dependent));
    case 'sequence':
      return any(expr.items);
    case 'binary':
      return any([expr.left, expr.right]);
    case 'negate':
    case 'cast':
    case 'instance-of':
      return dependsOnContext(expr.operand, dependent);
    case 'quantified':
      return any(expr.bindings.map((b) => b.source)) || dependsOnContext(expr.test, dependent);
    case 'for':
      return any(expr.bindings.map((b) => b.source)) || dependsOnContext(expr.result, dependent);
    case 'if':
      return any([expr.condition, expr.then, expr.else]);
  }
}

/** Inside a step or predicate the context is the selected node; only current(), the clock and variables leak in. */
function usesOutsideState(expr: Expr, dependent: ReadonlySet<string>): boolean {
  switch (expr.kind) {
    case 'variable':
      return dependent.has(expr.name);
    case 'call':
      return ['current', 'current-dateTime', 'current-date', 'key'].includes(expr.name) || expr.args.some((a) => usesOutsideState(a, dependent));
    case 'step':
      return expr.predicates.some((p) => usesOutsideState(p, dependent));
    case 'path':
      return usesOutsideState(expr.left, dependent) || usesOutsideState(expr.right, dependent);
    case 'filter':
      return usesOutsideState(expr.base, dependent) || expr.predicates.some((p) => usesOutsideState(p, dependent));
    case 'sequence':
      return expr.items.some((e) => usesOutsideState(e, dependent));
    case 'binary':
      return usesOutsideState(expr.left, dependent) || usesOutsideState(expr.right, dependent);
    case 'negate':
    case 'cast':
    case 'instance-of':
      return usesOutsideState(expr.operand, dependent);
    case 'quantified':
    case 'for':
      return expr.bindings.some((b) => usesOutsideState(b.source, dependent)) ||
        usesOutsideState(expr.kind === 'for' ? expr.result : expr.test, dependent);
    case 'if':
      return [expr.condition, expr.then, expr.else].some((e) => usesOutsideState(e, dependent));
    case 'context':
    case 'root':
    case 'string':
    case 'number':
      return false;
  }
}
