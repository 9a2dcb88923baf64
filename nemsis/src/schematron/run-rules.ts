import type { Finding } from '../tree';
import type { CompiledCheck, CompiledPattern, CompiledRule, SchematronRules } from './compile-rules';
import { Scope, type EvalContext, type Environment } from './xpath/context';
import { XPathDynamicError } from './xpath/errors';
import { attributesOf, isNode, locationOf, type XDocument, type XNode } from './xpath/nodes';
import type { XTemporal } from './xpath/temporal';
import { atomize, stringOf, Untyped, type Sequence } from './xpath/values';
import { createKeyLookup } from './key-index';
import { newRunId, RuleFrame } from './rule-frame';

/** A rule that fired on a node (ISO Schematron: the first rule of a pattern whose context matches). */
export interface FiredRule {
  patternId: string;
  ruleId: string;
  context: string;
  path: string;
}

export interface RunSchematronOptions {
  now: XTemporal;
  onRuleFired?: (event: FiredRule) => void;
}

interface PatternPlan {
  /** Rules in order for an element name (named rules merged with wildcard rules); fewer without attributes. */
  rulesFor(name: string, hasAttributes: boolean): RuleFrame[];
  attributeRules: RuleFrame[];
  documentRules: RuleFrame[];
}

const plans = new WeakMap<CompiledPattern, PatternPlan>();

/** True while a run walks a document (see the frames in runSchematron). */
let walking = false;

/** Each rule's reusable frame (the candidate lists hold frames, so firing a rule needs no lookup). */
const framesByRule = new WeakMap<CompiledRule, RuleFrame>();

function frameOf(rule: CompiledRule): RuleFrame {
  let frame = framesByRule.get(rule);
  if (!frame) {
    frame = new RuleFrame(rule);
    framesByRule.set(rule, frame);
  }
  return frame;
}

function planOf(pattern: CompiledPattern): PatternPlan {
  const cached = plans.get(pattern);
  if (cached) return cached;
  const byName = new Map<string, CompiledRule[]>();
  const wildcard: CompiledRule[] = [];
  const attributeRules: CompiledRule[] = [];
  const documentRules: CompiledRule[] = [];
  for (const rule of pattern.rules) {
    for (const target of rule.context.targets) {
      if (target.kind === 'attribute') attributeRules.push(rule);
      else if (target.kind === 'document') documentRules.push(rule);
      else if (target.names === 'any') wildcard.push(rule);
      else for (const name of target.names) byName.set(name, [...(byName.get(name) ?? []), rule]);
    }
  }
  const merged = new Map<string, RuleFrame[]>();
  const mergedPlain = new Map<string, RuleFrame[]>();
  const uniqueSorted = (rules: CompiledRule[]): RuleFrame[] => [...new Set(rules)].sort((a, b) => a.order - b.order).map(frameOf);
  const wildcardSorted = uniqueSorted(wildcard);
  const plan: PatternPlan = {
    rulesFor(name, hasAttributes) {
      const cache = hasAttributes ? merged : mergedPlain;
      let rules = cache.get(name);
      if (!rules) {
        const named = byName.get(name);
        rules = named ? uniqueSorted([...named, ...wildcard]) : wildcardSorted;
        if (!hasAttributes) rules = rules.filter((r) => !r.rule.context.needsAttributes);
        cache.set(name, rules);
      }
      return rules;
    },
    attributeRules: uniqueSorted(attributeRules),
    documentRules: uniqueSorted(documentRules),
  };
  plans.set(pattern, plan);
  return plan;
}


function buildMessage(check: CompiledCheck, ctx: EvalContext): string {
  let text = '';
  for (const part of check.message) {
    if (typeof part === 'string') text += part;
    else if (part.kind === 'value-of') {
      try {
        text += part.select.evaluate(ctx).map((i) => stringOf(atomizeForText(i))).join(' ');
      } catch (err) {
        if (!(err instanceof XPathDynamicError)) throw err;
      }
    } else {
      const node = part.path ? part.path.evaluate(ctx)[0] : ctx.item;
      if (node !== undefined && isNode(node)) text += node.name;
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}

function atomizeForText(item: Parameters<typeof atomize>[0]): ReturnType<typeof atomize> {
  const value = atomize(item);
  return value instanceof Untyped ? value.value : value;
}

/** Runs compiled rules over one document, appending findings in pattern order, then document order. */
export function runSchematron(rules: SchematronRules, doc: XDocument, options: RunSchematronOptions, findings: Finding[]): void {
  const env: Environment = { now: options.now, key: () => [] };
  let globals: Scope | null = null;
  for (const variable of rules.variables) {
    const parent: Scope | null = globals;
    if (variable.tree) globals = new Scope(parent, variable.name, [variable.tree]);
    else if (variable.select) {
      const select = variable.select;
      const compute = (): Sequence => {
        if (variable.value) return variable.value;
        const value = select.evaluate({ item: doc.root, position: 1, size: 1, current: doc.root, scope: parent, env });
        if (variable.constant) variable.value = value;
        return value;
      };
      globals = new Scope(parent, variable.name, undefined, compute);
    } else globals = new Scope(parent, variable.name, []);
  }
  const scope = globals;
  const runEnv: Environment = { now: options.now, key: createKeyLookup(rules, env, scope) };

  const patterns = rules.patterns;
  const buckets: Finding[][] = patterns.map(() => []);
  const traces: FiredRule[][] = patterns.map(() => []);
  const tracing = options.onRuleFired !== undefined;

  // Frames are shared across runs (bound to this run's scope and clock on first use). Nothing a walk
  // calls can start another run, but if one ever did, the inner run would use frames of its own.
  const nested = walking;
  const run = newRunId();
  const ownFrames = nested ? new Map<CompiledRule, RuleFrame>() : undefined;
  const fire = (p: number, candidate: RuleFrame, node: XNode): void => {
    const rule = candidate.rule;
    if (tracing) traces[p]?.push({ patternId: patterns[p]?.id ?? '', ruleId: rule.id, context: rule.context.source, path: locationOf(node) });
    let frame = candidate;
    if (ownFrames) {
      frame = ownFrames.get(rule) ?? new RuleFrame(rule);
      ownFrames.set(rule, frame);
    }
    frame.bind(run, scope, runEnv);
    frame.reset(node);
    const ctx = frame.ctx;
    for (const check of rule.checks) {
      let fires: boolean;
      let problem = '';
      try {
        const result = check.test.test(ctx);
        fires = check.kind === 'assert' ? !result : result;
      } catch (err) {
        if (!(err instanceof XPathDynamicError)) throw err;
        fires = true;
        problem = ` (the rule could not be evaluated: ${err.message})`;
      }
      if (fires) {
        buckets[p]?.push({ ruleId: check.ruleId, severity: check.severity, path: locationOf(node), message: buildMessage(check, ctx) + problem });
      }
    }
  };

  const visit = (p: number, candidates: RuleFrame[], node: XNode): void => {
    for (let i = 0; i < candidates.length; i++) {
      const candidate = candidates[i] as RuleFrame;
      if (candidate.rule.context.matches(node, runEnv, scope)) {
        fire(p, candidate, node);
        return;
      }
    }
  };

  // One walk over the document serves every pattern; findings are kept per pattern so that they come
  // out pattern by pattern, each in document order, as the official SVRL lists them.
  const dispatch = dispatchOf(rules);
  walking = true;
  try {
    for (const p of dispatch.documentPatterns) visit(p, planOf(patterns[p] as CompiledPattern).documentRules, doc.root);
    // Elements in document order: each one, then its children.
    const walk = (node: XNode): void => {
      const entries = dispatch.entriesOf(node);
      for (let e = 0; e < entries.length; e++) {
        const entry = entries[e] as DispatchEntry;
        visit(entry.pattern, entry.rules, node);
      }
      if (node.hasAttributes) {
        for (const p of dispatch.attributePatterns) {
          for (const attr of attributesOf(node)) visit(p, planOf(patterns[p] as CompiledPattern).attributeRules, attr);
        }
      }
      const children = node.children;
      for (let i = 0; i < children.length; i++) walk(children[i] as XNode);
    };
    for (const top of doc.root.children) walk(top);
  } finally {
    if (!nested) walking = false;
  }
  for (let p = 0; p < patterns.length; p++) {
    for (const finding of buckets[p] ?? []) findings.push(finding);
    if (tracing) for (const event of traces[p] ?? []) options.onRuleFired?.(event);
  }
}

interface DispatchEntry {
  pattern: number;
  rules: RuleFrame[];
}

interface Dispatch {
  /** For an element name: the patterns that may fire on it and their candidate rules, in pattern order. */
  entriesFor(name: string, hasAttributes: boolean): DispatchEntry[];
  /** The same, for a node: by its name number when it has one (an array read instead of a name lookup). */
  entriesOf(node: XNode): DispatchEntry[];
  documentPatterns: number[];
  attributePatterns: number[];
}

const dispatches = new WeakMap<SchematronRules, Dispatch>();

function dispatchOf(rules: SchematronRules): Dispatch {
  const cached = dispatches.get(rules);
  if (cached) return cached;
  const plansInOrder = rules.patterns.map(planOf);
  // Null-prototype objects rather than Maps: a property lookup internalizes the element's name string
  // in place, so later lookups and name comparisons on the same string are pointer checks.
  const withAttributes: Record<string, DispatchEntry[] | undefined> = Object.create(null) as Record<string, DispatchEntry[] | undefined>;
  const withoutAttributes: Record<string, DispatchEntry[] | undefined> = Object.create(null) as Record<string, DispatchEntry[] | undefined>;
  const withAttributesById: (DispatchEntry[] | undefined)[] = [];
  const withoutAttributesById: (DispatchEntry[] | undefined)[] = [];
  const dispatch: Dispatch = {
    entriesFor(name, hasAttributes) {
      const cache = hasAttributes ? withAttributes : withoutAttributes;
      let entries = cache[name];
      if (!entries) {
        entries = [];
        for (let pattern = 0; pattern < plansInOrder.length; pattern++) {
          const candidates = (plansInOrder[pattern] as PatternPlan).rulesFor(name, hasAttributes);
          if (candidates.length > 0) entries.push({ pattern, rules: candidates });
        }
        cache[name] = entries;
      }
      return entries;
    },
    entriesOf(node) {
      const id = node.nameId;
      if (id < 0) return dispatch.entriesFor(node.name, node.hasAttributes);
      const byId = node.hasAttributes ? withAttributesById : withoutAttributesById;
      let entries = byId[id];
      if (!entries) {
        entries = dispatch.entriesFor(node.name, node.hasAttributes);
        byId[id] = entries;
      }
      return entries;
    },
    documentPatterns: plansInOrder.flatMap((plan, p) => (plan.documentRules.length > 0 ? [p] : [])),
    attributePatterns: plansInOrder.flatMap((plan, p) => (plan.attributeRules.length > 0 ? [p] : [])),
  };
  dispatches.set(rules, dispatch);
  return dispatch;
}
