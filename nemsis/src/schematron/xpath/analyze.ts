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
