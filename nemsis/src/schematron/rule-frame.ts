import type { CompiledRule } from './compile-rules';
import { Scope, type EvalContext, type Environment } from './xpath/context';
import type { XNode } from './xpath/nodes';
import type { Sequence } from './xpath/values';

/**
 * The `let`s of one rule, seen from let number `limit` (only the lets before it) or from the checks
 * (`limit` = every let). Lookups search the rule's lets newest first, then the run's global scope.
 */
class LetView extends Scope {
  /** The enclosing (global) scope of the current run. */
  outer: Scope | null = null;

  constructor(
    private readonly frame: RuleFrame,
    private readonly limit: number,
  ) {
    super(null, '', undefined);
  }

  override lookup(name: string): Sequence {
    const index = this.frame.indexOf(name, this.limit);
    if (index >= 0) return this.frame.valueOf(index);
    if (this.outer) return this.outer.lookup(name);
    return super.lookup(name);
  }
}

let nextRun = 0;

/** A number for one run of a rule set over a document (frames bind to a run's scope and clock once). */
export function newRunId(): number {
  nextRun = (nextRun + 1) % 2 ** 30;
  return nextRun;
}

/**
 * One reusable evaluation context per rule, kept across runs: firing the rule on a node resets it instead
 * of allocating a context, a scope and a closure per `let`. Lets are still computed lazily, on first use,
 * once per firing. `bind` points it at a run's global scope and environment.
 */
export class RuleFrame {
  /** The context the checks and messages run in. */
  readonly ctx: EvalContext;
  private readonly names: string[];
  private readonly values: (Sequence | undefined)[];
  /** letContexts[i]: the context let number i is computed in (it sees lets 0..i-1). */
  private readonly letContexts: EvalContext[];
  private readonly views: LetView[] = [];
  private boundRun = -1;

  constructor(readonly rule: CompiledRule) {
    this.names = rule.lets.map((l) => l.name);
    this.values = rule.lets.map(() => undefined);
    const contextFor = (limit: number): EvalContext => {
      let scope: LetView | null = null;
      if (limit > 0 || rule.lets.length > 0) {
        scope = new LetView(this, limit);
        this.views.push(scope);
      }
      return { item: undefined, position: 1, size: 1, current: undefined, scope, env: UNBOUND };
    };
    this.letContexts = rule.lets.map((_, i) => contextFor(i));
    this.ctx = contextFor(rule.lets.length);
  }

  /** Makes the frame see `scope` and `env` (once per run). */
  bind(run: number, scope: Scope | null, env: Environment): void {
    if (this.boundRun === run) return;
    this.boundRun = run;
    for (const view of this.views) view.outer = scope;
    for (const ctx of this.letContexts) ctx.env = env;
    this.ctx.env = env;
    if (this.views.length === 0) this.ctx.scope = scope;
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

const UNBOUND: Environment = {
  now: undefined as never,
  key: () => {
    throw new Error('RuleFrame used before bind()');
  },
};

function setNode(ctx: EvalContext, node: XNode, position: number, size: number): void {
  ctx.item = node;
  ctx.current = node;
  ctx.position = position;
  ctx.size = size;
}
