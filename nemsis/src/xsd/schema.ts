/**
 * Read access to the generated NEMSIS v3.5.1 model: element declarations, simple types and the
 * data dictionary's code descriptions.
 */
import { codeDescriptions, elementDefinitions, simpleTypeDefinitions } from '../generated/index';
import type { ElementDef, ParticleDef, SimpleTypeDef } from './model';

export { NEMSIS_VERSION, ROOT_ELEMENT } from '../generated/index';

/** The declaration of a NEMSIS element (`eVitals.06`, `PatientCareReport` …), if it exists in the EMSDataSet. */
export function getElementDefinition(name: string): ElementDef | undefined {
  return Object.hasOwn(elementDefinitions, name) ? elementDefinitions[name] : undefined;
}

/** A simple type by name (`DateTimeType`, or an anonymous one such as `eVitals.06@NV`). */
export function getSimpleType(name: string): SimpleTypeDef | undefined {
  return Object.hasOwn(simpleTypeDefinitions, name) ? simpleTypeDefinitions[name] : undefined;
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

/** Element names a container element may hold, in schema order. */
export function listChildElementNames(def: ElementDef): string[] {
  const names: string[] = [];
  const visit = (p: ParticleDef): void => {
    if (p.kind === 'element') names.push(p.name);
    else p.particles.forEach(visit);
  };
  if (def.content) visit(def.content);
  return names;
}
