/**
 * XSD validation of a NEMSIS EMSDataSet tree against the generated v3.5.1 model — the same verdict
 * as `xmllint --schema EMSDataSet_v3.xsd`, with findings that name the element and what was expected.
 */
import type { Finding } from '@field/shared-model';
import type { NemsisElement } from '../tree';
import { checkContent, nameWithLabel } from './check-content';
import { getChildPlanAt, getElementPlan, type ElementPlan } from './element-plan';
import { ROOT_ELEMENT } from './schema';

/** Attributes from the XML Schema instance namespace that any element may carry. */
const XSI_ALLOWED = new Set(['xsi:schemaLocation', 'xsi:noNamespaceSchemaLocation']);

function error(ruleId: string, path: string, message: string): Finding {
  return { ruleId, severity: 'ERROR', path, message };
}

/**
 * One validation run. `elements[d]` is the element being validated at depth d and `plans[d]` its plan;
 * depth 0 is the root of the run, whose path is `base`. Paths are rendered from these stacks only when a
 * finding is reported: steps carry `[n]` on repeatable elements (and on duplicates), none on the single Header.
 */
interface Walk {
  base: string;
  elements: NemsisElement[];
  plans: ElementPlan[];
  findings: Finding[];
  /** Sibling positions of parents that had a finding below them (see siblingPositions). */
  positions: Map<NemsisElement, SiblingPositions>;
}

/** Position of each child among its same-named siblings, and how many share its name. */
type SiblingPositions = Map<NemsisElement, { position: number; total: number }>;

/** Computed once per parent, and only when a finding needs a path (so a wide bad element stays linear). */
function siblingPositions(walk: Walk, parent: NemsisElement): SiblingPositions {
  let positions = walk.positions.get(parent);
  if (!positions) {
    positions = new Map();
    const totals = new Map<string, { position: number; total: number }[]>();
    for (const child of parent.children) {
      let group = totals.get(child.name);
      if (!group) totals.set(child.name, (group = []));
      const entry = { position: group.length + 1, total: 0 };
      group.push(entry);
      positions.set(child, entry); // a node listed twice keeps its last place, as before
    }
    for (const group of totals.values()) for (const entry of group) entry.total = group.length;
    walk.positions.set(parent, positions);
  }
  return positions;
}

function renderPath(walk: Walk, depth: number): string {
  let path = walk.base;
  for (let d = 1; d <= depth; d++) {
    const element = walk.elements[d] as NemsisElement;
    const parent = walk.elements[d - 1] as NemsisElement;
    const name = element.name;
    const { position, total } = siblingPositions(walk, parent).get(element) ?? { position: 0, total: 0 };
    const indexed = total > 1 || ((walk.plans[d - 1] as ElementPlan).repeatable.has(name) && name !== 'Header');
    path += indexed ? `/${name}[${position}]` : `/${name}`;
  }
  return path;
}

function report(walk: Walk, depth: number, ruleId: string, message: string): void {
  walk.findings.push(error(ruleId, renderPath(walk, depth), message));
}

function checkAttributes(element: NemsisElement, plan: ElementPlan, walk: Walk, depth: number): void {
  for (const name in element.attributes) {
    if (name === 'xsi:nil' || XSI_ALLOWED.has(name)) continue;
    const value = element.attributes[name] ?? '';
    const declared = plan.attributes.get(name);
    const rule = name === 'NV' ? 'xsd:nv' : name === 'PN' ? 'xsd:pn' : 'xsd:attribute';
    if (!declared) {
      const what = name === 'NV' ? 'a Not Value (NV)' : name === 'PN' ? 'a Pertinent Negative (PN)' : `the attribute ${name}`;
      report(walk, depth, rule, `${element.name} does not accept ${what}`);
      continue;
    }
    const problem = declared.check(value);
    if (problem) report(walk, depth, rule, `${name}="${value}" on ${element.name} is not valid: expected ${problem.expected}`);
  }
  if (!plan.def.attributes) return;
  for (const decl of plan.def.attributes) {
    if (decl.required && !(decl.name in element.attributes)) {
      report(walk, depth, 'xsd:attribute', `${element.name} is missing the required attribute ${decl.name}`);
    }
  }
}

const isTrue = (v: string): boolean => v === 'true' || v === '1';

/** Checks xsi:nil; returns true when the element is nilled (its content is then not validated further). */
function checkNil(element: NemsisElement, nilValue: string, plan: ElementPlan, walk: Walk, depth: number): boolean {
  const nil = nilValue.trim();
  // XSD: xsi:nil (even "false") may only appear on a nillable element.
  if (!plan.def.nillable) {
    report(walk, depth, 'xsd:nil', `${element.name} cannot carry xsi:nil (it cannot be left empty); it needs a value`);
    return isTrue(nil);
  }
  if (!isTrue(nil) && nil !== 'false' && nil !== '0') {
    report(walk, depth, 'xsd:nil', `xsi:nil on ${element.name} must be "true" or "false", not "${nilValue}"`);
    return false;
  }
  if (!isTrue(nil)) return false;
  if (element.children.length > 0 || (element.text !== undefined && element.text !== '')) {
    report(walk, depth, 'xsd:nil', `${element.name} is marked xsi:nil="true" and must be empty`);
  }
  return true;
}

function validateElement(element: NemsisElement, plan: ElementPlan, walk: Walk, depth: number): void {
  walk.elements[depth] = element;
  walk.plans[depth] = plan;
  if (plan.def.attributes || !isEmpty(element.attributes)) checkAttributes(element, plan, walk, depth);
  const nil = element.attributes['xsi:nil'];
  if (nil !== undefined && checkNil(element, nil, plan, walk, depth)) return;
  const children = element.children;
  if (plan.value !== undefined) {
    if (children.length > 0) {
      for (const p of checkContent(plan.def, children)) report(walk, depth, p.rule, p.message);
      return;
    }
    const value = element.text ?? '';
    const problem = plan.value(value);
    if (problem) {
      const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
      const got = value === '' ? 'it is empty' : `got "${shown}"`;
      report(walk, depth, problem.rule, `${nameWithLabel(element.name)}: expected ${problem.expected}; ${got}`);
    }
    return;
  }
  if (element.text !== undefined && element.text.trim() !== '') {
    report(walk, depth, 'xsd:datatype', `${element.name} holds child elements only, not text`);
  }
  for (const p of checkContent(plan.def, children)) {
    const child = p.childIndex === undefined ? undefined : children[p.childIndex];
    if (child) walk.elements[depth + 1] = child;
    report(walk, child ? depth + 1 : depth, p.rule, p.message);
  }
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as NemsisElement;
    // Children not allowed here were reported above and are not checked further.
    const childPlan = getChildPlanAt(plan, i, child.name);
    if (childPlan) validateElement(child, childPlan, walk, depth + 1);
  }
}

function isEmpty(record: Record<string, string>): boolean {
  for (const _ in record) return false;
  return true;
}

function run(element: NemsisElement, plan: ElementPlan, base: string): Finding[] {
  const walk: Walk = { base, elements: [], plans: [], findings: [], positions: new Map() };
  validateElement(element, plan, walk, 0);
  return walk.findings;
}

/**
 * Validates an EMSDataSet tree against the NEMSIS v3.5.1 XSD. Returns one ERROR finding per problem
 * (none means the document is schema-valid).
 */
export function validateXsd(root: NemsisElement): Finding[] {
  const path = `/${root.name}`;
  const plan = root.name === ROOT_ELEMENT ? getElementPlan(root.name) : undefined;
  if (!plan) return [error('xsd:unknown-element', path, `the root element must be ${ROOT_ELEMENT}, not ${root.name}`)];
  return run(root, plan, path);
}

/**
 * Validates one element and its subtree against its own declaration — e.g. a single
 * `eVitals.VitalGroup` while it is being edited. `path` is the location reported in findings.
 */
export function validateXsdElement(element: NemsisElement, path = `/${element.name}`): Finding[] {
  const plan = getElementPlan(element.name);
  if (!plan) return [error('xsd:unknown-element', path, `${element.name} is not a NEMSIS v3.5.1 EMSDataSet element`)];
  return run(element, plan, path);
}
