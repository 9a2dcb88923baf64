import { XPathDynamicError } from './errors';
import type { XNode } from './nodes';
import type { XTemporal } from './temporal';
import type { Item, Sequence } from './values';

/** Looks up nodes through an `xsl:key` declaration (`key(name, value, top)`). */
export type KeyLookup = (name: string, values: string[], top: XNode) => XNode[];

/** What stays the same for one evaluation run: the clock and the key index. */
export interface Environment {
  /** `current-dateTime()`: fixed for a whole run, as in XSLT. */
  readonly now: XTemporal;
  readonly key: KeyLookup;
}

/** Variable bindings: a chain of scopes; values may be lazy (Schematron `let`s are computed on first use). */
export class Scope {
  private value: Sequence | undefined;

  constructor(
    readonly parent: Scope | null,
    readonly name: string,
    value: Sequence | undefined,
    private readonly compute?: () => Sequence,
  ) {
    this.value = value;
  }

  lookup(name: string): Sequence {
    if (this.name === name) return this.resolve();
    if (this.parent) return this.parent.lookup(name);
    throw new XPathDynamicError('XPST0008', `variable $${name} is not defined`);
  }

  private resolve(): Sequence {
    if (this.value === undefined) {
      if (!this.compute) throw new XPathDynamicError('XPST0008', `variable $${this.name} has no value`);
      this.value = this.compute();
    }
    return this.value;
  }
}

/** The dynamic context of one evaluation. */
export interface EvalContext {
  item: Item | undefined;
  position: number;
  size: number;
  /** XSLT `current()`: the node the rule fired on (or the node being matched against a pattern). */
  current: Item | undefined;
  scope: Scope | null;
  env: Environment;
}

export type Evaluator = (ctx: EvalContext) => Sequence;
