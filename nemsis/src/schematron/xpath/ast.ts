/** Abstract syntax of the XPath 2.0 subset the engine understands. */

export type Axis =
  | 'child'
  | 'descendant'
  | 'descendant-or-self'
  | 'self'
  | 'parent'
  | 'ancestor'
  | 'ancestor-or-self'
  | 'following-sibling'
  | 'preceding-sibling'
  | 'following'
  | 'preceding'
  | 'attribute';

export const REVERSE_AXES: ReadonlySet<Axis> = new Set(['parent', 'ancestor', 'ancestor-or-self', 'preceding-sibling', 'preceding']);

/**
 * A node test. `name` tests compare local names only: NEMSIS documents use one namespace, so prefixes
 * (`nem:`, `*:`) are accepted and ignored, except that an attribute test with a prefix (`@xsi:nil`)
 * only matches prefixed attributes and one without (`@NV`) only unprefixed ones.
 */
export type NodeTest =
  | { kind: 'name'; local: string; prefixed: boolean }
  | { kind: 'any-name' }
  | { kind: 'node' }
  | { kind: 'text' }
  | { kind: 'element'; local?: string }
  | { kind: 'attribute'; local?: string }
  | { kind: 'document' };

export type BinaryOp =
  | 'or' | 'and'
  | '=' | '!=' | '<' | '<=' | '>' | '>='
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'
  | 'is' | '<<' | '>>'
  | 'to' | '+' | '-' | '*' | 'div' | 'idiv' | 'mod'
  | 'union' | 'intersect' | 'except';

export interface SequenceType {
  /** e.g. `xs:integer`, `item()`, `node()`, `element()` (local form without prefix for xs types: `integer`). */
  type: string;
  occurrence: '' | '?' | '*' | '+';
}

export type Expr =
  | { kind: 'sequence'; items: Expr[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; integer: boolean }
  | { kind: 'variable'; name: string }
  | { kind: 'context' }
  | { kind: 'root' }
  | { kind: 'step'; axis: Axis; test: NodeTest; predicates: Expr[] }
  | { kind: 'filter'; base: Expr; predicates: Expr[] }
  | { kind: 'path'; left: Expr; right: Expr }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'negate'; operand: Expr }
  | { kind: 'quantified'; quantifier: 'some' | 'every'; bindings: { name: string; source: Expr }[]; test: Expr }
  | { kind: 'for'; bindings: { name: string; source: Expr }[]; result: Expr }
  | { kind: 'if'; condition: Expr; then: Expr; else: Expr }
  | { kind: 'cast'; operand: Expr; type: string; optional: boolean; test: boolean }
  | { kind: 'instance-of'; operand: Expr; type: SequenceType };
