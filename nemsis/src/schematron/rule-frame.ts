import type { CompiledRule } from './compile-rules';
import { Scope, type EvalContext, type Environment } from './xpath/context';
import type { XNode } from './xpath/nodes';
import type { Sequence } from './xpath/values';

/**
 * The `let`s of one rule, seen from let number `limit` (only the lets before it) or from the checks
 * (`limit` = every let). Lookups search the rule's lets newest first, then the enclosing scope.
 */
class LetView extends Scope {
  constructor(
    private readonly frame: RuleFrame,
    private readonly limit: number,
    parent: Scope | null,
  ) {
    super(parent, '', undefined);
  }

  override lookup(name: string): Sequence {
    const index = this.frame.indexOf(name, this.limit);
    if (index >= 0) return this.frame.valueOf(index);
    if (this.parent) return this.parent.lookup(name);
    return super.lookup(name);
  }
}

/**
 * One reusable evaluation context per rule: firing the rule on a node resets it instead of allocating a
 * context, a scope and a closure per `let`. Lets are still computed lazily, on first use, once per firing.
 */
export class RuleFrame {
  /** The context the checks and messages run in. */
  readonly ctx: EvalContext;
  private readonly names: string[];
  private readonly values: (Sequence | undefined)[];
  /** letContexts[i]: the context let number i is computed in (it sees lets 0..i-1). */
  private readonly letContexts: EvalContext[];

  constructor(
    private readonly rule: CompiledRule,
    scope: Scope | null,
    env: Environment,
  ) {
    this.names = rule.lets.map((l) => l.name);
    this.values = rule.lets.map(() => undefined);
    const contextFor = (limit: number): EvalContext => ({
      item: undefined,
      position: 1,
      size: 1,
      current: undefined,
      scope: limit === 0 && rule.lets.length === 0 ? scope : new LetView(this, limit, scope),
      env,
    });
    this.letContexts = rule.lets.map((_, i) => contextFor(i));
    this.ctx = contextFor(rule.lets.length);
  }

  /** Points every context at `node` and forgets the previous node's let values. */
  reset(node: XNode): void {
    const position = node.index + 1;
    const size = node.parent?.children.length ?? 1;
    for (const ctx of this.letContexts) setNode(ctx, node, position, size);
    setNode(this.ctx, node, position, size);
    this.values.fill(undefined);
  }

  indexOf(name: string, limit: number): number {
    for (let i = limit - 1; i >= 0; i--) if (this.names[i] === name) return i;
    return -1;
  }

  valueOf(index: number): Sequence {
    const cached = this.values[index];
    if (cached !== undefined) return cached;
    const value = (this.rule.lets[index] as CompiledRule['lets'][number]).value.evaluate(this.letContexts[index] as EvalContext);
    this.values[index] = value;
    return value;
  }
}

function setNode(ctx: EvalContext, node: XNode, position: number, size: number): void {
  ctx.item = node;
  ctx.current = node;
  ctx.position = position;
  ctx.size = size;
}
