/**
 * XSD validation of a NEMSIS EMSDataSet tree against the generated v3.5.1 model — the same verdict
 * as `xmllint --schema EMSDataSet_v3.xsd`, with findings that name the element and what was expected.
 */
import type { Finding } from '@field/shared-model';
import type { NemsisElement } from '../tree';
import { checkContent, nameWithLabel } from './check-content';
import { checkSimpleValue } from './check-simple-value';
import type { AttributeDef, ElementDef } from './model';
import { getElementDefinition, ROOT_ELEMENT, summarizeContent } from './schema';

/** Attributes from the XML Schema instance namespace that any element may carry. */
const XSI_ALLOWED = new Set(['xsi:schemaLocation', 'xsi:noNamespaceSchemaLocation']);

function error(ruleId: string, path: string, message: string): Finding {
  return { ruleId, severity: 'ERROR', path, message };
}

/**
 * Where an element sits; the XPath-like string is only built when a finding needs it. Steps carry `[n]`
 * on repeatable elements (and on duplicates), none on the single Header.
 */
interface Location {
  /** Path of the root of the validation (e.g. `/EMSDataSet`). */
  base?: string;
  parent?: Location;
  parentElement?: NemsisElement;
  parentDef?: ElementDef;
  element: NemsisElement;
}

function renderPath(loc: Location): string {
  if (loc.base !== undefined || !loc.parent || !loc.parentElement || !loc.parentDef) return loc.base ?? `/${loc.element.name}`;
  const name = loc.element.name;
  let position = 0;
  let total = 0;
  for (const sibling of loc.parentElement.children) {
    if (sibling.name !== name) continue;
    total++;
    if (sibling === loc.element) position = total;
  }
  const indexed = total > 1 || (summarizeContent(loc.parentDef).repeatable.has(name) && name !== 'Header');
  return `${renderPath(loc.parent)}/${name}${indexed ? `[${position}]` : ''}`;
}

const declaredAttributes = new WeakMap<ElementDef, Map<string, AttributeDef>>();

function attributesOf(def: ElementDef): Map<string, AttributeDef> {
  let map = declaredAttributes.get(def);
  if (!map) {
    map = new Map((def.attributes ?? []).map((a) => [a.name, a]));
    declaredAttributes.set(def, map);
  }
  return map;
}

function checkAttributes(element: NemsisElement, def: ElementDef, loc: Location, findings: Finding[]): void {
  const declared = attributesOf(def);
  for (const name in element.attributes) {
    if (name === 'xsi:nil' || XSI_ALLOWED.has(name)) continue;
    const value = element.attributes[name] ?? '';
    const decl = declared.get(name);
    const rule = name === 'NV' ? 'xsd:nv' : name === 'PN' ? 'xsd:pn' : 'xsd:attribute';
    if (!decl) {
      const what = name === 'NV' ? 'a Not Value (NV)' : name === 'PN' ? 'a Pertinent Negative (PN)' : `the attribute ${name}`;
      findings.push(error(rule, renderPath(loc), `${element.name} does not accept ${what}`));
      continue;
    }
    const problem = checkSimpleValue(decl.type, value);
    if (problem) findings.push(error(rule, renderPath(loc), `${name}="${value}" on ${element.name} is not valid: expected ${problem.expected}`));
  }
  if (!def.attributes) return;
  for (const decl of def.attributes) {
    if (decl.required && !(decl.name in element.attributes)) {
      findings.push(error('xsd:attribute', renderPath(loc), `${element.name} is missing the required attribute ${decl.name}`));
    }
  }
}

/** Checks xsi:nil; returns true when the element is nilled (its content is then not validated further). */
function checkNil(element: NemsisElement, def: ElementDef, loc: Location, findings: Finding[]): boolean {
  const nil = element.attributes['xsi:nil'];
  if (nil === undefined) return false;
  // XSD: xsi:nil (even "false") may only appear on a nillable element.
  if (!def.nillable) {
    findings.push(error('xsd:nil', renderPath(loc), `${element.name} cannot carry xsi:nil (it cannot be left empty); it needs a value`));
    return nil.trim() === 'true' || nil.trim() === '1';
  }
  if (!['true', 'false', '1', '0'].includes(nil.trim())) {
    findings.push(error('xsd:nil', renderPath(loc), `xsi:nil on ${element.name} must be "true" or "false", not "${nil}"`));
    return false;
  }
  if (nil.trim() !== 'true' && nil.trim() !== '1') return false;
  if (element.children.length > 0 || (element.text !== undefined && element.text !== '')) {
    findings.push(error('xsd:nil', renderPath(loc), `${element.name} is marked xsi:nil="true" and must be empty`));
  }
  return true;
}

function validateElement(element: NemsisElement, def: ElementDef, loc: Location, findings: Finding[]): void {
  if (def.attributes || !isEmpty(element.attributes)) checkAttributes(element, def, loc, findings);
  if (element.attributes['xsi:nil'] !== undefined && checkNil(element, def, loc, findings)) return;
  if (def.valueType !== undefined) {
    if (element.children.length > 0) {
      for (const p of checkContent(def, element.children)) findings.push(error(p.rule, renderPath(loc), p.message));
      return;
    }
    const value = element.text ?? '';
    const problem = checkSimpleValue(def.valueType, value);
    if (problem) {
      const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
      const got = value === '' ? 'it is empty' : `got "${shown}"`;
      findings.push(error(problem.rule, renderPath(loc), `${nameWithLabel(element.name)}: expected ${problem.expected}; ${got}`));
    }
    return;
  }
  if (element.text !== undefined && element.text.trim() !== '') {
    findings.push(error('xsd:datatype', renderPath(loc), `${element.name} holds child elements only, not text`));
  }
  const childLocation = (child: NemsisElement): Location => ({ parent: loc, parentElement: element, parentDef: def, element: child });
  for (const p of checkContent(def, element.children)) {
    const child = p.childIndex === undefined ? undefined : element.children[p.childIndex];
    findings.push(error(p.rule, renderPath(child ? childLocation(child) : loc), p.message));
  }
  const { allowed } = summarizeContent(def);
  for (const child of element.children) {
    // Children not allowed here were reported above and are not checked further.
    const childDef = allowed.has(child.name) ? getElementDefinition(child.name) : undefined;
    if (childDef) validateElement(child, childDef, childLocation(child), findings);
  }
}

function isEmpty(record: Record<string, string>): boolean {
  for (const _ in record) return false;
  return true;
}

/**
 * Validates an EMSDataSet tree against the NEMSIS v3.5.1 XSD. Returns one ERROR finding per problem
 * (none means the document is schema-valid).
 */
export function validateXsd(root: NemsisElement): Finding[] {
  const findings: Finding[] = [];
  const path = `/${root.name}`;
  const def = root.name === ROOT_ELEMENT ? getElementDefinition(root.name) : undefined;
  if (!def) {
    findings.push(error('xsd:unknown-element', path, `the root element must be ${ROOT_ELEMENT}, not ${root.name}`));
    return findings;
  }
  validateElement(root, def, { base: path, element: root }, findings);
  return findings;
}

/**
 * Validates one element and its subtree against its own declaration — e.g. a single
 * `eVitals.VitalGroup` while it is being edited. `path` is the location reported in findings.
 */
export function validateXsdElement(element: NemsisElement, path = `/${element.name}`): Finding[] {
  const def = getElementDefinition(element.name);
  if (!def) return [error('xsd:unknown-element', path, `${element.name} is not a NEMSIS v3.5.1 EMSDataSet element`)];
  const findings: Finding[] = [];
  validateElement(element, def, { base: path, element }, findings);
  return findings;
}
