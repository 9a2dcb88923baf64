/**
 * Reads the official NEMSIS XSD set (following every xs:include) into the element/type model of
 * `src/xsd/model.ts`, keeping only what is reachable from one root element (e.g. `EMSDataSet`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseNemsisXml } from '../../src/xml/parse-xml';
import type { NemsisElement } from '../../src/tree';
import type { AttributeDef, ElementDef, ParticleDef, SimpleTypeDef } from '../../src/xsd/model';

export interface XsdModel {
  elements: Map<string, ElementDef>;
  simpleTypes: Map<string, SimpleTypeDef>;
  /** XSD file (without `_v3.xsd`) each element and simple type was declared in. */
  sourceOf: Map<string, string>;
  /** Symbolic NV/PN names (`NV.NotRecorded`) to their code (`7701003`), from every one-value named type. */
  namedCodes: Map<string, string>;
}

interface SchemaIndex {
  simpleTypes: Map<string, { node: NemsisElement; file: string }>;
  complexTypes: Map<string, { node: NemsisElement; file: string }>;
  elements: Map<string, { node: NemsisElement; file: string }>;
}

const XSD_TAGS = new Set(['element', 'sequence', 'choice', 'attribute', 'complexType', 'simpleType', 'simpleContent',
  'complexContent', 'extension', 'restriction', 'union', 'list', 'include', 'schema', 'annotation', 'documentation',
  'enumeration', 'pattern', 'length', 'minLength', 'maxLength', 'minInclusive', 'maxInclusive', 'minExclusive',
  'maxExclusive', 'totalDigits', 'fractionDigits', 'whiteSpace']);

/** Child XSD nodes, skipping annotations. */
function xsChildren(node: NemsisElement): NemsisElement[] {
  return node.children.filter((c) => c.name !== 'annotation');
}

function fail(message: string): never {
  throw new Error(`gen: ${message}`);
}

function loadSchemaFiles(rootFile: string): SchemaIndex {
  const index: SchemaIndex = { simpleTypes: new Map(), complexTypes: new Map(), elements: new Map() };
  const seen = new Set<string>();
  const load = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const schema = parseNemsisXml(readFileSync(file, 'utf8'), { requireNemsisNamespace: false, maxDepth: 256 });
    const short = file.replace(/^.*\//, '').replace(/_v3\.xsd$/, '');
    for (const node of xsChildren(schema)) {
      if (!XSD_TAGS.has(node.name)) fail(`unsupported top-level <xs:${node.name}> in ${short}`);
      const name = node.attributes.name;
      if (node.name === 'include') load(join(dirname(file), node.attributes.schemaLocation ?? fail('include without schemaLocation')));
      else if (node.name === 'simpleType' && name) index.simpleTypes.set(name, { node, file: short });
      else if (node.name === 'complexType' && name) index.complexTypes.set(name, { node, file: short });
      else if (node.name === 'element' && name) index.elements.set(name, { node, file: short });
      else fail(`unsupported top-level <xs:${node.name}> in ${short}`);
    }
  };
  load(rootFile);
  return index;
}

function occurs(value: string | undefined, fallback: number): number | 'unbounded' {
  if (value === undefined) return fallback;
  if (value === 'unbounded') return 'unbounded';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`bad occurrence value "${value}"`);
  return n;
}

const NUMERIC_FACETS = ['length', 'minLength', 'maxLength', 'totalDigits', 'fractionDigits'] as const;
const VALUE_FACETS = ['minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive'] as const;

export function readXsdModel(rootFile: string, rootElement: string): XsdModel {
  const index = loadSchemaFiles(rootFile);
  const model: XsdModel = { elements: new Map(), simpleTypes: new Map(), sourceOf: new Map(), namedCodes: new Map() };
  for (const [name, { node }] of index.simpleTypes) {
    const values = node.children.flatMap((r) => r.children).filter((f) => f.name === 'enumeration');
    if (/^(NV|PN)\./.test(name) && values.length === 1 && values[0]?.attributes.value) {
      model.namedCodes.set(name, values[0].attributes.value);
    }
  }

  const builtin = (name: string): string | undefined => (name.startsWith('xs:') ? name : undefined);

  /** Registers a named simple type (and what it depends on); returns its name. */
  const useNamedSimpleType = (name: string): string => {
    if (builtin(name)) return name;
    if (model.simpleTypes.has(name)) return name;
    const found = index.simpleTypes.get(name) ?? fail(`unknown simple type ${name}`);
    model.sourceOf.set(`type:${name}`, found.file);
    model.simpleTypes.set(name, {}); // placeholder against cycles
    model.simpleTypes.set(name, readSimpleType(found.node, name, found.file));
    return name;
  };

  const readSimpleType = (node: NemsisElement, name: string, file: string): SimpleTypeDef => {
    const [body, ...rest] = xsChildren(node);
    if (!body || rest.length > 0) fail(`simple type ${name} has an unexpected shape`);
    if (body.name === 'union') {
      const members = (body.attributes.memberTypes ?? '').split(/\s+/).filter(Boolean).map(useNamedSimpleType);
      xsChildren(body).forEach((inline, i) => {
        const inner = `${name}#${i + 1}`;
        model.simpleTypes.set(inner, readSimpleType(inline, inner, file));
        model.sourceOf.set(`type:${inner}`, file);
        members.push(inner);
      });
      return { union: members };
    }
    if (body.name !== 'restriction') fail(`simple type ${name}: <xs:${body.name}> is not supported`);
    const def: SimpleTypeDef = {};
    if (body.attributes.base) def.base = useNamedSimpleType(body.attributes.base);
    for (const facet of xsChildren(body)) {
      const value = facet.attributes.value ?? '';
      if (facet.name === 'simpleType') {
        const inner = `${name}#base`;
        model.simpleTypes.set(inner, readSimpleType(facet, inner, file));
        model.sourceOf.set(`type:${inner}`, file);
        def.base = inner;
      } else if (facet.name === 'enumeration') (def.enumeration ??= []).push(value);
      else if (facet.name === 'pattern') (def.patterns ??= []).push(value);
      else if ((NUMERIC_FACETS as readonly string[]).includes(facet.name)) {
        def[facet.name as (typeof NUMERIC_FACETS)[number]] = Number(value);
      } else if ((VALUE_FACETS as readonly string[]).includes(facet.name)) {
        def[facet.name as (typeof VALUE_FACETS)[number]] = value;
      } else if (facet.name === 'whiteSpace') {
        // NEMSIS uses none; the built-in whitespace rule of the base type applies.
      } else fail(`simple type ${name}: facet <xs:${facet.name}> is not supported`);
    }
    // Several patterns in one derivation step are alternatives: join them into one.
    if (def.patterns && def.patterns.length > 1) def.patterns = [def.patterns.map((p) => `(${p})`).join('|')];
    return def;
  };

  const readAttribute = (node: NemsisElement, owner: string, file: string): AttributeDef => {
    const name = node.attributes.name ?? fail(`attribute without a name in ${owner}`);
    let type = node.attributes.type;
    const inline = xsChildren(node).find((c) => c.name === 'simpleType');
    if (inline) {
      type = `${owner}@${name}`;
      model.simpleTypes.set(type, readSimpleType(inline, type, file));
      model.sourceOf.set(`type:${type}`, file);
    } else type = useNamedSimpleType(type ?? 'xs:string');
    const def: AttributeDef = { name, type };
    if (node.attributes.use === 'required') def.required = true;
    return def;
  };

  const readParticle = (node: NemsisElement, owner: string, file: string): ParticleDef => {
    const minOccurs = occurs(node.attributes.minOccurs, 1) as number;
    const maxOccurs = occurs(node.attributes.maxOccurs, 1);
    if (node.name === 'element') {
      const name = readElement(node, file);
      return { kind: 'element', name, minOccurs, maxOccurs };
    }
    if (node.name === 'sequence' || node.name === 'choice') {
      const particles = xsChildren(node).map((c) => readParticle(c, owner, file));
      return { kind: node.name, particles, minOccurs, maxOccurs };
    }
    return fail(`${owner}: <xs:${node.name}> in a content model is not supported`);
  };

  /** Fills `def` from a complexType node (content model, simple content, attributes). */
  const readComplexType = (node: NemsisElement, def: ElementDef, file: string): void => {
    const attributes: AttributeDef[] = [];
    for (const part of xsChildren(node)) {
      if (part.name === 'sequence' || part.name === 'choice') def.content = readParticle(part, def.name, file);
      else if (part.name === 'attribute') attributes.push(readAttribute(part, def.name, file));
      else if (part.name === 'simpleContent') {
        const ext = xsChildren(part)[0];
        if (!ext || ext.name !== 'extension') fail(`${def.name}: only simpleContent extension is supported`);
        const base = ext.attributes.base ?? fail(`${def.name}: extension without base`);
        const baseComplex = index.complexTypes.get(base);
        if (baseComplex) readComplexType(baseComplex.node, def, baseComplex.file);
        else def.valueType = useNamedSimpleType(base);
        for (const a of xsChildren(ext)) {
          if (a.name !== 'attribute') fail(`${def.name}: <xs:${a.name}> in an extension is not supported`);
          attributes.push(readAttribute(a, def.name, file));
        }
      } else fail(`${def.name}: <xs:${part.name}> in a complex type is not supported`);
    }
    if (attributes.length > 0) def.attributes = [...(def.attributes ?? []), ...attributes];
  };

  /** Reads an element declaration (recursively); returns its name. */
  const readElement = (node: NemsisElement, file: string): string => {
    if (node.attributes.ref) fail(`element ref="${node.attributes.ref}" is not supported`);
    const name = node.attributes.name ?? fail('element without a name');
    const def: ElementDef = { name };
    if (node.attributes.nillable === 'true') def.nillable = true;
    const typeName = node.attributes.type;
    const inlineComplex = xsChildren(node).find((c) => c.name === 'complexType');
    const inlineSimple = xsChildren(node).find((c) => c.name === 'simpleType');
    if (inlineComplex) readComplexType(inlineComplex, def, file);
    else if (inlineSimple) {
      def.valueType = name;
      model.simpleTypes.set(name, readSimpleType(inlineSimple, name, file));
      model.sourceOf.set(`type:${name}`, file);
    } else if (typeName && index.complexTypes.has(typeName)) {
      const ct = index.complexTypes.get(typeName);
      if (ct) readComplexType(ct.node, def, ct.file);
    } else def.valueType = useNamedSimpleType(typeName ?? 'xs:string');
    if (model.elements.has(name)) {
      if (JSON.stringify(model.elements.get(name)) !== JSON.stringify(def)) fail(`element ${name} is declared twice differently`);
    }
    model.elements.set(name, def);
    model.sourceOf.set(`element:${name}`, file);
    return name;
  };

  const root = index.elements.get(rootElement) ?? fail(`no global element ${rootElement}`);
  readElement(root.node, root.file);
  return model;
}
