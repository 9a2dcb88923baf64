/**
 * XSD validation of a NEMSIS EMSDataSet tree against the generated v3.5.1 model — the same verdict
 * as `xmllint --schema EMSDataSet_v3.xsd`, with findings that name the element and what was expected.
 */
import type { Finding } from '@field/shared-model';
import type { NemsisElement } from '../tree';
import { checkContent, nameWithLabel } from './check-content';
import { checkSimpleValue } from './check-simple-value';
import type { ElementDef } from './model';
import { getElementDefinition, ROOT_ELEMENT, summarizeContent } from './schema';

/** Attributes from the XML Schema instance namespace that any element may carry. */
const XSI_ALLOWED = new Set(['xsi:schemaLocation', 'xsi:noNamespaceSchemaLocation']);

function error(ruleId: string, path: string, message: string): Finding {
  return { ruleId, severity: 'ERROR', path, message };
}

/** Location steps for the children: `[n]` on repeatable elements (and duplicates), none on the single Header. */
function childPaths(parentPath: string, parentDef: ElementDef, children: NemsisElement[]): string[] {
  const { repeatable } = summarizeContent(parentDef);
  const totals = new Map<string, number>();
  for (const c of children) totals.set(c.name, (totals.get(c.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return children.map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    const total = totals.get(c.name) ?? 1;
    const indexed = total > 1 || (repeatable.has(c.name) && c.name !== 'Header');
    return `${parentPath}/${c.name}${indexed ? `[${n}]` : ''}`;
  });
}

function checkAttributes(element: NemsisElement, def: ElementDef, path: string, findings: Finding[]): void {
  const declared = new Map((def.attributes ?? []).map((a) => [a.name, a]));
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name === 'xsi:nil' || XSI_ALLOWED.has(name)) continue;
    const decl = declared.get(name);
    const rule = name === 'NV' ? 'xsd:nv' : name === 'PN' ? 'xsd:pn' : 'xsd:attribute';
    if (!decl) {
      const what = name === 'NV' ? 'a Not Value (NV)' : name === 'PN' ? 'a Pertinent Negative (PN)' : `the attribute ${name}`;
      findings.push(error(rule, path, `${element.name} does not accept ${what}`));
      continue;
    }
    const problem = checkSimpleValue(decl.type, value);
    if (problem) findings.push(error(rule, path, `${name}="${value}" on ${element.name} is not valid: expected ${problem.expected}`));
  }
  for (const decl of def.attributes ?? []) {
    if (decl.required && !(decl.name in element.attributes)) {
      findings.push(error('xsd:attribute', path, `${element.name} is missing the required attribute ${decl.name}`));
    }
  }
}

/** Checks xsi:nil; returns true when the element is nilled (its content is then not validated further). */
function checkNil(element: NemsisElement, def: ElementDef, path: string, findings: Finding[]): boolean {
  const nil = element.attributes['xsi:nil'];
  if (nil === undefined) return false;
  // XSD: xsi:nil (even "false") may only appear on a nillable element.
  if (!def.nillable) {
    findings.push(error('xsd:nil', path, `${element.name} cannot carry xsi:nil (it cannot be left empty); it needs a value`));
    return nil.trim() === 'true' || nil.trim() === '1';
  }
  if (!['true', 'false', '1', '0'].includes(nil.trim())) {
    findings.push(error('xsd:nil', path, `xsi:nil on ${element.name} must be "true" or "false", not "${nil}"`));
    return false;
  }
  if (nil.trim() !== 'true' && nil.trim() !== '1') return false;
  if (element.children.length > 0 || (element.text !== undefined && element.text !== '')) {
    findings.push(error('xsd:nil', path, `${element.name} is marked xsi:nil="true" and must be empty`));
  }
  return true;
}

function validateElement(element: NemsisElement, def: ElementDef, path: string, findings: Finding[]): void {
  checkAttributes(element, def, path, findings);
  if (checkNil(element, def, path, findings)) return;
  if (def.valueType !== undefined) {
    if (element.children.length > 0) {
      const problems = checkContent(def, element.children);
      for (const p of problems) findings.push(error(p.rule, path, p.message));
      return;
    }
    const value = element.text ?? '';
    const problem = checkSimpleValue(def.valueType, value);
    if (problem) {
      const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
      const got = value === '' ? 'it is empty' : `got "${shown}"`;
      findings.push(error(problem.rule, path, `${nameWithLabel(element.name)}: expected ${problem.expected}; ${got}`));
    }
    return;
  }
  if (element.text !== undefined && element.text.trim() !== '') {
    findings.push(error('xsd:datatype', path, `${element.name} holds child elements only, not text`));
  }
  const paths = childPaths(path, def, element.children);
  for (const p of checkContent(def, element.children)) {
    findings.push(error(p.rule, p.childIndex === undefined ? path : (paths[p.childIndex] ?? path), p.message));
  }
  const { allowed } = summarizeContent(def);
  element.children.forEach((child, i) => {
    // Children not allowed here were reported above and are not checked further.
    const childDef = allowed.has(child.name) ? getElementDefinition(child.name) : undefined;
    if (childDef) validateElement(child, childDef, paths[i] ?? path, findings);
  });
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
  validateElement(root, def, path, findings);
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
  validateElement(element, def, path, findings);
  return findings;
}
