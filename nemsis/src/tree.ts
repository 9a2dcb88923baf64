/**
 * The NEMSIS element tree: one node per XML element, namespace-free local names
 * (`eTimes.03`, `eVitals.VitalGroup`). Everything in this package (XSD checks, Schematron
 * rules, import/export, the ePCR mapping) works on this one shape.
 */
export interface NemsisElement {
  /** Local element name, e.g. `PatientCareReport` or `eRecord.01`. */
  name: string;
  /** Attributes by qualified name as written: `NV`, `PN`, `xsi:nil`, `CorrelationID`, `timeStamp` … */
  attributes: Record<string, string>;
  /** Child elements in document order. */
  children: NemsisElement[];
  /** Character content of a leaf element, exactly as in the document (undefined for container elements). */
  text?: string;
  /** 1-based line of the start tag in the source document, when parsed from XML. */
  line?: number;
}

/** One validation finding; the shape shared with every rule set in the suite. */
export type { Finding, Severity } from '@field/shared-model';

export function makeElement(
  name: string,
  children: NemsisElement[] = [],
  attributes: Record<string, string> = {},
): NemsisElement {
  return { name, attributes, children };
}

export function makeLeaf(name: string, text: string, attributes: Record<string, string> = {}): NemsisElement {
  return { name, attributes, children: [], text };
}

/** Children with the given local name. */
export function childrenNamed(element: NemsisElement, name: string): NemsisElement[] {
  return element.children.filter((c) => c.name === name);
}

/** First child with the given local name. */
export function firstChild(element: NemsisElement, name: string): NemsisElement | undefined {
  return element.children.find((c) => c.name === name);
}
