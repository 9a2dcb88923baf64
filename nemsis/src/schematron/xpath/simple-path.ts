import type { Axis, Expr } from './ast';
import { compileNodeTest, isReverseAxis, selectAxis, type NodePredicate } from './axes';
import type { EvalContext, Evaluator } from './context';
import { XPathDynamicError } from './errors';
import { compareDocumentOrder, isNode, type XNode } from './nodes';
import { EMPTY } from './values';

interface SimpleStep {
  axis: Axis;
  test: NodePredicate;
  reverse: boolean;
}

const EMPTY_NODES: XNode[] = [];

const SIMPLE_AXES = new Set<Axis>(['child', 'attribute', 'parent', 'self', 'ancestor', 'ancestor-or-self']);

function flatten(expr: Expr, out: Expr[]): void {
  if (expr.kind === 'path') {
    flatten(expr.left, out);
    flatten(expr.right, out);
  } else out.push(expr);
}

/**
 * A fast evaluator for the paths rule files are made of (`../nem:eTimes.03`,
 * `ancestor::nem:PatientCareReport/nem:eDisposition/…/nem:eDisposition.27`): steps on the child,
 * attribute, parent, self and ancestor axes with name tests and no predicates, from the context
 * node or the root. Walks node lists directly instead of building a context per step. Returns
 * undefined for any other path.
 */
export function compileSimplePath(expr: Expr): Evaluator | undefined {
  const parts: Expr[] = [];
  flatten(expr, parts);
  const first = parts[0];
  const fromRoot = first?.kind === 'root';
  const startIndex = first?.kind === 'root' || first?.kind === 'context' ? 1 : 0;
  const steps: SimpleStep[] = [];
  for (const part of parts.slice(startIndex)) {
    if (part.kind !== 'step' || part.predicates.length > 0 || !SIMPLE_AXES.has(part.axis)) return undefined;
    steps.push({ axis: part.axis, test: compileNodeTest(part.test, part.axis), reverse: isReverseAxis(part.axis) });
  }
  if (steps.length === 0) return undefined;
  return (ctx: EvalContext) => {
    const item = ctx.item;
    if (item === undefined) throw new XPathDynamicError('XPDY0002', 'the context item is absent');
    if (!isNode(item)) throw new XPathDynamicError('XPTY0020', 'the context item is not a node');
    let start: XNode = item;
    if (fromRoot) {
      while (start.parent) start = start.parent;
      if (start.kind !== 'document') throw new XPathDynamicError('XPDY0050', 'the context node is not in a document');
    }
    // While the path has led to exactly one node, it is held in `single` (no lists are built for
    // `..`, `.` or a child that occurs once); `current` holds the list once there are several.
    let single: XNode | undefined = start;
    let current: XNode[] = EMPTY_NODES;
    // `flat`: the list is in document order, without duplicates, and no node contains another.
    let flat = true;
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s] as SimpleStep;
      if (single !== undefined) {
        const node: XNode = single;
        if (step.axis === 'parent') {
          single = node.parent !== null && step.test(node.parent) ? node.parent : undefined;
          if (single === undefined) return EMPTY;
          continue;
        }
        if (step.axis === 'self') {
          if (!step.test(node)) return EMPTY;
          continue;
        }
        const selected = selectAxis(step.axis, node, step.test);
        if (selected.length === 0) return EMPTY;
        if (selected.length === 1) {
          single = selected[0] as XNode;
          continue;
        }
        single = undefined;
        current = step.reverse ? selected.reverse() : selected;
        flat = !(step.axis === 'ancestor' || step.axis === 'ancestor-or-self');
        continue;
      }
      if (current.length === 0) return EMPTY;
      const next: XNode[] = [];
      for (const node of current) for (const n of selectAxis(step.axis, node, step.test)) next.push(n);
      flat = flat && (step.axis === 'child' || step.axis === 'attribute' || step.axis === 'self');
      current = next;
      if (current.length === 1) {
        single = current[0] as XNode;
        flat = true;
      }
    }
    if (single !== undefined) return [single];
    if (flat || current.length < 2) return current;
    return [...new Set(current)].sort(compareDocumentOrder);
  };
}
