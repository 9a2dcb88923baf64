/**
 * Read access to the generated NEMSIS v3.5.1 model: element declarations, simple types and the
 * data dictionary's code descriptions.
 */
import { codeDescriptions, elementDefinitions, simpleTypeDefinitions } from '../generated/index';
import type { ElementDef, ParticleDef, SimpleTypeDef } from './model';

export { NEMSIS_VERSION, ROOT_ELEMENT } from '../generated/index';

const elementsByName = new Map(Object.entries(elementDefinitions));
const simpleTypesByName = new Map(Object.entries(simpleTypeDefinitions));

/** The declaration of a NEMSIS element (`eVitals.06`, `PatientCareReport` …), if it exists in the EMSDataSet. */
export function getElementDefinition(name: string): ElementDef | undefined {
  return elementsByName.get(name);
}

/** A simple type by name (`DateTimeType`, or an anonymous one such as `eVitals.06@NV`). */
export function getSimpleType(name: string): SimpleTypeDef | undefined {
  return simpleTypesByName.get(name);
}

/** The data dictionary's description of a code for an element, e.g. (`eDisposition.12`, `4212033`). */
export function describeCode(elementName: string, code: string): string | undefined {
  const codes = Object.hasOwn(codeDescriptions, elementName) ? codeDescriptions[elementName] : undefined;
  return codes && Object.hasOwn(codes, code) ? codes[code] : undefined;
}

/** Names of every element declared in the EMSDataSet, sorted. */
export function listElementNames(): string[] {
  return Object.keys(elementDefinitions).sort();
}

export interface ContentSummary {
  /** Element names the container may hold, in schema order. */
  names: string[];
  allowed: ReadonlySet<string>;
  /** Names that may occur more than once. */
  repeatable: ReadonlySet<string>;
}

const summaries = new WeakMap<ElementDef, ContentSummary>();

/** What a container element may hold (computed once per declaration). */
export function summarizeContent(def: ElementDef): ContentSummary {
  let summary = summaries.get(def);
  if (!summary) {
    const names: string[] = [];
    const repeatable = new Set<string>();
    const visit = (p: ParticleDef, inRepeat: boolean): void => {
      const repeats = inRepeat || p.maxOccurs === 'unbounded' || p.maxOccurs > 1;
      if (p.kind === 'element') {
        names.push(p.name);
        if (repeats) repeatable.add(p.name);
      } else p.particles.forEach((q) => visit(q, repeats));
    };
    if (def.content) visit(def.content, false);
    summary = { names, allowed: new Set(names), repeatable };
    summaries.set(def, summary);
  }
  return summary;
}

/** Element names a container element may hold, in schema order. */
export function listChildElementNames(def: ElementDef): string[] {
  return [...summarizeContent(def).names];
}
