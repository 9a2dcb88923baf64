import type { NemsisElement } from '../tree';
import type { MessagePart, SchematronCheck, SchematronPattern, SchematronRule, SchematronSchema, SchematronVariable } from './schema-types';
import {
  SCH_NS, SchematronCompileError, XSL_NS, elementChildren, parseXmlTree, textContent,
  type XmlContent, type XmlElement,
} from './xml-tree';

const SUPPORTED_BINDINGS = new Set(['xslt2', 'xslt3', 'xpath2', 'xpath3', 'xpath31', 'xslt', 'xpath']);

/**
 * Reads an ISO Schematron file (with includes already expanded, as NEMSIS distributes them) into
 * plain data. Abstract patterns (`is-a` + `param`) and abstract rules (`extends`) are expanded here.
 * Diagnostics, phases and `properties` are not used for findings and are skipped.
 */
export function parseSchematron(schText: string): SchematronSchema {
  const root = parseXmlTree(schText);
  if (root.uri !== SCH_NS || root.local !== 'schema') {
    throw new SchematronCompileError(`expected an ISO Schematron <sch:schema>, found <${root.local}> in "${root.uri}"`);
  }
  const queryBinding = root.attributes.queryBinding ?? 'xslt';
  if (!SUPPORTED_BINDINGS.has(queryBinding)) throw new SchematronCompileError(`queryBinding "${queryBinding}" is not supported`);

  const schema: SchematronSchema = { queryBinding, namespaces: {}, variables: [], keys: [], patterns: [] };
  if (root.attributes.id) schema.id = root.attributes.id;
  if (root.attributes.schemaVersion) schema.schemaVersion = root.attributes.schemaVersion;

  const abstractRules = new Map<string, XmlElement>();
  const abstractPatterns = new Map<string, XmlElement>();
  collectAbstracts(root, abstractRules, abstractPatterns);

  for (const child of elementChildren(root)) {
    if (child.uri === SCH_NS) {
      switch (child.local) {
        case 'title': schema.title = normalize(textContent(child)); break;
        case 'ns': schema.namespaces[required(child, 'prefix')] = required(child, 'uri'); break;
        case 'let': schema.variables.push(readLet(child)); break;
        case 'pattern':
          if (child.attributes.abstract !== 'true') schema.patterns.push(readPattern(child, abstractRules, abstractPatterns));
          break;
        case 'include':
          throw new SchematronCompileError('sch:include is not supported: expand includes before loading (NEMSIS files come expanded)');
        default: break;
      }
    } else if (child.uri === XSL_NS) {
      switch (child.local) {
        case 'variable':
        case 'param': schema.variables.push(readXslVariable(child)); break;
        case 'key': schema.keys.push({ name: required(child, 'name'), match: required(child, 'match'), use: required(child, 'use') }); break;
        default: throw new SchematronCompileError(`xsl:${child.local} is not supported in a Schematron rule pack`);
      }
    }
  }
  return schema;
}

function required(element: XmlElement, name: string): string {
  const value = element.attributes[name];
  if (value === undefined) throw new SchematronCompileError(`<${element.local}> needs a "${name}" attribute`);
  return value;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function collectAbstracts(element: XmlElement, rules: Map<string, XmlElement>, patterns: Map<string, XmlElement>): void {
  for (const child of elementChildren(element)) {
    if (child.uri !== SCH_NS) continue;
    if (child.local === 'rule' && child.attributes.abstract === 'true') rules.set(required(child, 'id'), child);
    if (child.local === 'pattern' && child.attributes.abstract === 'true') patterns.set(required(child, 'id'), child);
    if (child.local === 'pattern' || child.local === 'rules') collectAbstracts(child, rules, patterns);
  }
}

function readLet(element: XmlElement): SchematronVariable {
  const value = element.attributes.value;
  if (value !== undefined) return { name: required(element, 'name'), select: value };
  return { name: required(element, 'name'), content: toTrees(element.children) };
}

function readXslVariable(element: XmlElement): SchematronVariable {
  const select = element.attributes.select;
  if (select !== undefined) return { name: required(element, 'name'), select };
  return { name: required(element, 'name'), content: toTrees(element.children) };
}

/** Literal XML content of a variable, as NEMSIS-style element trees (local names, text on leaves). */
function toTrees(content: XmlContent[]): NemsisElement[] {
  const out: NemsisElement[] = [];
  for (const c of content) {
    if (c.type !== 'element') continue;
    const children = toTrees(c.children);
    const element: NemsisElement = { name: c.local, attributes: { ...c.attributes }, children };
    if (children.length === 0) element.text = textContent(c);
    out.push(element);
  }
  return out;
}

type Substitutions = [string, string][];

function substitute(text: string, params: Substitutions): string {
  let result = text;
  for (const [name, value] of params) {
    result = result.replace(new RegExp(`\\$${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.\\-])`, 'g'), () => value);
  }
  return result;
}

function readPattern(element: XmlElement, abstractRules: Map<string, XmlElement>, abstractPatterns: Map<string, XmlElement>): SchematronPattern {
  let source = element;
  let params: Substitutions = [];
  const isA = element.attributes['is-a'];
  if (isA !== undefined) {
    const base = abstractPatterns.get(isA);
    if (!base) throw new SchematronCompileError(`pattern "${element.attributes.id ?? ''}" is-a unknown abstract pattern "${isA}"`);
    params = elementChildren(element)
      .filter((c) => c.uri === SCH_NS && c.local === 'param')
      .map((p): [string, string] => [required(p, 'name'), required(p, 'value')])
      .sort((a, b) => b[0].length - a[0].length);
    source = base;
  }
  const pattern: SchematronPattern = { rules: [] };
  if (element.attributes.id) pattern.id = element.attributes.id;
  for (const child of elementChildren(source)) {
    if (child.uri !== SCH_NS) continue;
    if (child.local === 'title') pattern.title = normalize(textContent(child));
    if (child.local === 'rule' && child.attributes.abstract !== 'true') pattern.rules.push(readRule(child, abstractRules, params));
  }
  const title = elementChildren(element).find((c) => c.uri === SCH_NS && c.local === 'title');
  if (title) pattern.title = normalize(textContent(title));
  return pattern;
}

function readRule(element: XmlElement, abstractRules: Map<string, XmlElement>, params: Substitutions): SchematronRule {
  const rule: SchematronRule = { context: substitute(required(element, 'context'), params), lets: [], checks: [] };
  if (element.attributes.id) rule.id = substitute(element.attributes.id, params);
  readRuleBody(element, rule, abstractRules, params, new Set());
  return rule;
}

function readRuleBody(element: XmlElement, rule: SchematronRule, abstractRules: Map<string, XmlElement>, params: Substitutions, seen: Set<string>): void {
  for (const child of elementChildren(element)) {
    if (child.uri !== SCH_NS) continue;
    switch (child.local) {
      case 'let':
        rule.lets.push({ name: required(child, 'name'), value: substitute(required(child, 'value'), params) });
        break;
      case 'assert':
      case 'report':
        rule.checks.push(readCheck(child, params));
        break;
      case 'extends': {
        const id = required(child, 'rule');
        const base = abstractRules.get(id);
        if (!base) throw new SchematronCompileError(`rule extends unknown abstract rule "${id}"`);
        if (seen.has(id)) throw new SchematronCompileError(`abstract rule "${id}" extends itself`);
        readRuleBody(base, rule, abstractRules, params, new Set([...seen, id]));
        break;
      }
      default:
        break;
    }
  }
}

function readCheck(element: XmlElement, params: Substitutions): SchematronCheck {
  const check: SchematronCheck = {
    kind: element.local === 'report' ? 'report' : 'assert',
    test: substitute(required(element, 'test'), params),
    message: readMessage(element.children, params),
  };
  if (element.attributes.id) check.id = substitute(element.attributes.id, params);
  if (element.attributes.role) check.role = substitute(element.attributes.role, params);
  if (element.attributes.flag) check.flag = substitute(element.attributes.flag, params);
  return check;
}

function readMessage(content: XmlContent[], params: Substitutions): MessagePart[] {
  const parts: MessagePart[] = [];
  for (const c of content) {
    if (c.type === 'text') parts.push(c.text.replace(/\s+/g, ' '));
    else if (c.uri === SCH_NS && c.local === 'value-of') parts.push({ kind: 'value-of', select: substitute(required(c, 'select'), params) });
    else if (c.uri === SCH_NS && c.local === 'name') parts.push({ kind: 'name', path: c.attributes.path === undefined ? null : substitute(c.attributes.path, params) });
    else parts.push(...readMessage(c.children, params));
  }
  return parts;
}
