/**
 * Per-declaration validation plans, compiled lazily once per element name: the attribute checkers, the
 * value checker of a leaf, and the plans of the children a container may hold. Validation then walks the
 * tree with one map lookup per child and no per-element allocation.
 */
import { compileSimpleType, type ValueCheck } from './check-simple-value';
import type { AttributeDef, ElementDef } from './model';
import { getElementDefinition, summarizeContent } from './schema';

export interface AttributePlan {
  decl: AttributeDef;
  check: ValueCheck;
}

export interface ElementPlan {
  def: ElementDef;
  /** Declared attributes by name, with their compiled value checks. */
  attributes: ReadonlyMap<string, AttributePlan>;
  /** Value check of an element with simple content; undefined for containers. */
  value: ValueCheck | undefined;
  /** Names that may occur more than once inside this element (for `[n]` in paths). */
  repeatable: ReadonlySet<string>;
  /** Plans of allowed children, filled on first use (names not allowed are never stored, so hostile input cannot grow it). */
  children: Map<string, ElementPlan>;
  /** The plan found for the child at each position last time (see `getChildPlanAt`). */
  seenPlans: ElementPlan[];
}

/** Positions remembered per declaration (a wider element looks its later children up by name). */
const REMEMBERED_POSITIONS = 256;

/** Plans of declared elements only (unknown names are not cached, so hostile input cannot grow the map). */
const plans = new Map<string, ElementPlan>();

function compilePlan(def: ElementDef): ElementPlan {
  const attributes = new Map<string, AttributePlan>();
  for (const decl of def.attributes ?? []) attributes.set(decl.name, { decl, check: compileSimpleType(decl.type) });
  return {
    def,
    attributes,
    value: def.valueType === undefined ? undefined : compileSimpleType(def.valueType),
    repeatable: summarizeContent(def).repeatable,
    children: new Map(),
    seenPlans: [],
  };
}

/** The plan of the element declared as `name`, or undefined when the EMSDataSet declares no such element. */
export function getElementPlan(name: string): ElementPlan | undefined {
  let plan = plans.get(name);
  if (plan === undefined) {
    const def = getElementDefinition(name);
    if (!def) return undefined;
    plan = compilePlan(def);
    plans.set(name, plan);
  }
  return plan;
}

/** The plan of a child named `name` inside `parent`, or undefined when the parent's content model does not allow it. */
export function getChildPlan(parent: ElementPlan, name: string): ElementPlan | undefined {
  let plan = parent.children.get(name);
  if (plan === undefined) {
    if (!summarizeContent(parent.def).allowed.has(name)) return undefined;
    plan = getElementPlan(name);
    if (plan) parent.children.set(name, plan);
  }
  return plan;
}

/**
 * `getChildPlan` for the child at position `index`: records share their structure, so the plan of the
 * child seen at that position last time is usually the one, confirmed by comparing one name.
 */
export function getChildPlanAt(parent: ElementPlan, index: number, name: string): ElementPlan | undefined {
  const seen = parent.seenPlans;
  if (index < seen.length) {
    const guess = seen[index] as ElementPlan;
    if (guess.def.name === name) return guess;
  }
  const plan = getChildPlan(parent, name);
  // Remembered only when the plan's own name is the name looked up, so a hit is exactly a repeat of this lookup.
  if (plan && plan.def.name === name && index <= seen.length && index < REMEMBERED_POSITIONS) seen[index] = plan;
  return plan;
}
