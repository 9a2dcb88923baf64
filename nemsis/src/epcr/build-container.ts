/**
 * Builds NEMSIS container elements in XSD order from the generated model: the caller supplies leaf
 * elements and repeating-group instances by element name; the model decides the order, which
 * optional groups to leave out, and which required elements to write as "Not Recorded"
 * (`NV="7701003" xsi:nil="true"`) so the national rules report what is genuinely missing.
 */
import { makeElement, type NemsisElement } from '../tree';
import type { ParticleDef } from '../xsd/model';
import { getElementDefinition } from '../xsd/schema';
import { NOT_RECORDED } from './codes';

export interface ContainerSource {
  /** Leaf elements by element name (several for repeating leaves such as `ePatient.14`). */
  leaves: ReadonlyMap<string, NemsisElement[]>;
  /** Prebuilt instances of repeating groups by group name (`eVitals.VitalGroup` …). */
  groups: ReadonlyMap<string, NemsisElement[]>;
}

export const emptySource: ContainerSource = { leaves: new Map(), groups: new Map() };

interface Built {
  element: NemsisElement;
  /** True when anything below came from the source (not only Not Recorded fillers). */
  hasValue: boolean;
}

/** A Not Recorded filler for a leaf the XSD (or the national data set) expects, if it may be nil. */
function notRecorded(name: string): NemsisElement | undefined {
  const def = getElementDefinition(name);
  const codes = def?.dictionary?.nvCodes ?? [];
  if (!def?.nillable || codes.length === 0) return undefined;
  const code = codes.includes(NOT_RECORDED) ? NOT_RECORDED : codes[0] ?? NOT_RECORDED;
  return makeElement(name, [], { 'xsi:nil': 'true', NV: code });
}

interface Slot {
  name: string;
  minOccurs: number;
}

/** The element particles of a content model in order, with the minOccurs that applies in context. */
function slotsOf(particle: ParticleDef, out: Slot[] = [], optional = false): Slot[] {
  if (particle.kind === 'element') {
    out.push({ name: particle.name, minOccurs: optional ? 0 : particle.minOccurs });
    return out;
  }
  const inner = optional || particle.minOccurs === 0;
  particle.particles.forEach((p, i) => slotsOf(p, out, inner || (particle.kind === 'choice' && i > 0)));
  return out;
}

const slotCache = new Map<string, Slot[]>();

function slotsFor(name: string): Slot[] {
  let slots = slotCache.get(name);
  if (!slots) {
    const content = getElementDefinition(name)?.content;
    slots = content ? slotsOf(content) : [];
    slotCache.set(name, slots);
  }
  return slots;
}

function build(name: string, source: ContainerSource): Built {
  const children: NemsisElement[] = [];
  let hasValue = false;
  for (const slot of slotsFor(name)) {
    const def = getElementDefinition(slot.name);
    if (!def) continue;
    const instances = source.groups.get(slot.name);
    if (instances !== undefined) {
      children.push(...instances);
      if (instances.length > 0) hasValue = true;
      else if (slot.minOccurs > 0) children.push(build(slot.name, emptySource).element);
      continue;
    }
    if (def.content) {
      const inner = build(slot.name, source);
      if (inner.hasValue || slot.minOccurs > 0) children.push(inner.element);
      hasValue ||= inner.hasValue;
      continue;
    }
    const leaves = source.leaves.get(slot.name);
    if (leaves && leaves.length > 0) {
      children.push(...leaves);
      hasValue = true;
    } else if (slot.minOccurs > 0 || def.dictionary?.national) {
      const filler = notRecorded(slot.name);
      if (filler) children.push(filler);
    }
  }
  return { element: makeElement(name, children), hasValue };
}

/**
 * The container `name` filled from `source` in schema order. Required content the source lacks is
 * written as Not Recorded where the XSD allows; Mandatory elements (no NV allowed) are left out, so
 * the XSD check reports them.
 */
export function buildContainer(name: string, source: ContainerSource, attributes: Record<string, string> = {}): NemsisElement {
  const { element } = build(name, source);
  element.attributes = attributes;
  return element;
}
