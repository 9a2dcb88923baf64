/**
 * Shapes of the NEMSIS schema model that `pnpm gen` writes into `src/generated/` from the official
 * XSDs and data dictionary. The XSD validator is driven only by this data.
 */

/** One XSD simple type (named, or an anonymous one given a synthetic name such as `eVitals.06@NV`). */
export interface SimpleTypeDef {
  /** Base type: another simple type name in the model, or an XSD built-in written `xs:string`, `xs:dateTime` … */
  base?: string;
  /** Member type names of an `xs:union` (the value must be valid for at least one). */
  union?: string[];
  enumeration?: string[];
  /** XSD regular expressions (one per derivation step; each must match the whole value). */
  patterns?: string[];
  length?: number;
  minLength?: number;
  maxLength?: number;
  minInclusive?: string;
  maxInclusive?: string;
  minExclusive?: string;
  maxExclusive?: string;
  totalDigits?: number;
  fractionDigits?: number;
}

/** One particle of a content model: an element, or a nested sequence or choice. */
export type ParticleDef =
  | { kind: 'element'; name: string; minOccurs: number; maxOccurs: number | 'unbounded' }
  | { kind: 'sequence' | 'choice'; particles: ParticleDef[]; minOccurs: number; maxOccurs: number | 'unbounded' };

export interface AttributeDef {
  name: string;
  /** Simple type name in the model or an XSD built-in (`xs:string`). */
  type: string;
  required?: boolean;
}

/** Usage level from the NEMSIS data dictionary. */
export type NemsisUsage = 'Mandatory' | 'Required' | 'Recommended' | 'Optional';

/** What the data dictionary says about an element (absent for pure container elements). */
export interface ElementDictionaryEntry {
  label: string;
  usage: NemsisUsage;
  national: boolean;
  state: boolean;
  /** Allowed NV (Not Value) codes, e.g. `7701001` (NV.NotApplicable). */
  nvCodes?: string[];
  /** Allowed PN (Pertinent Negative) codes. */
  pnCodes?: string[];
}

/** One element declaration reachable from `EMSDataSet`. NEMSIS element names are unique in that set. */
export interface ElementDef {
  name: string;
  /** Content model of a container element (a sequence; elements with simple content have none). */
  content?: ParticleDef;
  /** Simple type of a leaf element's value. */
  valueType?: string;
  attributes?: AttributeDef[];
  nillable?: boolean;
  dictionary?: ElementDictionaryEntry;
}
