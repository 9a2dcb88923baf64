/**
 * Checks the child elements of a container against its content model: unknown elements, order
 * and cardinality. NEMSIS content models are flat sequences of distinct elements, which get precise
 * messages; nested sequences/choices fall back to a greedy matcher (correct for XSD's
 * Unique Particle Attribution) with one finding at the first child that does not fit.
 */
import type { NemsisElement } from '../tree';
import type { ElementDef, ParticleDef } from './model';
import { getElementDefinition, summarizeContent } from './schema';

/** `eSituation.20 (Patient Activity)` — the element id with its data-dictionary name, when it has one. */
export function nameWithLabel(name: string): string {
  const label = getElementDefinition(name)?.dictionary?.label;
  return label ? `${name} (${label})` : name;
}

export type ContentRule = 'xsd:order' | 'xsd:cardinality' | 'xsd:unknown-element';

export interface ContentProblem {
  rule: ContentRule;
  /** Index of the offending child, or undefined when the problem is about the parent (a missing child). */
  childIndex?: number;
  message: string;
}

type ElementParticle = Extract<ParticleDef, { kind: 'element' }>;

/** A flat sequence of distinct elements, compiled once per declaration. */
interface FlatModel {
  particles: ElementParticle[];
  /** Particle index by element name. */
  position: Map<string, number>;
  /** Indexes of the particles with minOccurs > 0. */
  required: number[];
  /** Occurrences per particle while one element is checked (reset on every call; checks never nest). */
  counts: Int32Array;
  /**
   * The particle found for the child at each position last time (its name and index): records share
   * their structure, so one string comparison usually replaces the lookup by name. Bounded to
   * REMEMBERED_POSITIONS positions.
   */
  seenNames: string[];
  seenAt: number[];
}

const REMEMBERED_POSITIONS = 256;

const flatModels = new WeakMap<ElementDef, FlatModel | null>();

/** The compiled flat sequence of `def`, or null for other models. */
function flatModelOf(def: ElementDef, content: ParticleDef): FlatModel | null {
  let model = flatModels.get(def);
  if (model !== undefined) return model;
  model = null;
  if (content.kind === 'sequence' && content.minOccurs === 1 && content.maxOccurs === 1) {
    const position = new Map<string, number>();
    const particles: ElementParticle[] = [];
    for (const p of content.particles) {
      if (p.kind !== 'element' || position.has(p.name)) {
        particles.length = 0;
        break;
      }
      position.set(p.name, particles.length);
      particles.push(p);
    }
    if (particles.length === content.particles.length) {
      const required = particles.flatMap((p, i) => (p.minOccurs > 0 ? [i] : []));
      model = { particles, position, required, counts: new Int32Array(particles.length), seenNames: [], seenAt: [] };
    }
  }
  flatModels.set(def, model);
  return model;
}

function maxText(max: number | 'unbounded'): string {
  return max === 1 ? 'once' : `${max} times`;
}

/** Shared empty answer: the common case allocates nothing. */
const NO_PROBLEMS: readonly ContentProblem[] = Object.freeze([]);

function checkFlat(parent: ElementDef, model: FlatModel, children: NemsisElement[]): readonly ContentProblem[] {
  const { particles, position, counts, seenNames, seenAt } = model;
  counts.fill(0);
  let problems: ContentProblem[] | undefined;
  let last = -1;
  let lastName = '';
  for (let childIndex = 0; childIndex < children.length; childIndex++) {
    const name = (children[childIndex] as NemsisElement).name;
    let at: number | undefined;
    if (childIndex < seenNames.length && seenNames[childIndex] === name) at = seenAt[childIndex];
    else {
      at = position.get(name);
      if (at !== undefined && childIndex <= seenNames.length && childIndex < REMEMBERED_POSITIONS) {
        // The schema's own string for the name (never the document's, which would keep its text alive).
        seenNames[childIndex] = (particles[at] as ElementParticle).name;
        seenAt[childIndex] = at;
      }
    }
    if (at === undefined) {
      (problems ??= []).push({
        rule: 'xsd:unknown-element',
        childIndex,
        message: `${name} is not allowed inside ${parent.name}; allowed: ${particles.map((p) => p.name).join(', ') || 'nothing'}`,
      });
      continue;
    }
    if (at < last) {
      (problems ??= []).push({ rule: 'xsd:order', childIndex, message: `${name} must come before ${lastName} inside ${parent.name}` });
    } else {
      last = at;
      lastName = name;
    }
    const count = (counts[at] ?? 0) + 1;
    counts[at] = count;
    const particle = particles[at] as ElementParticle;
    if (particle.maxOccurs !== 'unbounded' && count === particle.maxOccurs + 1) {
      (problems ??= []).push({
        rule: 'xsd:cardinality',
        childIndex,
        message: `${nameWithLabel(name)} may appear at most ${maxText(particle.maxOccurs)} inside ${parent.name}`,
      });
    }
  }
  for (const i of model.required) {
    const p = particles[i] as ElementParticle;
    const count = counts[i] ?? 0;
    if (count < p.minOccurs) {
      (problems ??= []).push({
        rule: 'xsd:cardinality',
        message: p.minOccurs === 1
          ? `${parent.name} is missing the required element ${nameWithLabel(p.name)}`
          : `${parent.name} needs at least ${p.minOccurs} ${nameWithLabel(p.name)} elements, found ${count}`,
      });
    }
  }
  return problems ?? NO_PROBLEMS;
}

/** Greedy match of `particle` from `pos`; returns the new position or -1 when its minimum is not met. */
function match(particle: ParticleDef, children: NemsisElement[], pos: number): number {
  const max = particle.maxOccurs === 'unbounded' ? Infinity : particle.maxOccurs;
  let reps = 0;
  let at = pos;
  while (reps < max) {
    let next = -1;
    if (particle.kind === 'element') next = children[at]?.name === particle.name ? at + 1 : -1;
    else if (particle.kind === 'sequence') {
      next = at;
      for (const p of particle.particles) {
        next = match(p, children, next);
        if (next < 0) break;
      }
    } else {
      for (const p of particle.particles) {
        const r = match(p, children, at);
        if (r > at) {
          next = r;
          break;
        }
        if (r === at && next < 0) next = r;
      }
    }
    if (next < 0 || next === at) {
      if (next === at) reps = Math.max(reps + 1, particle.minOccurs);
      break;
    }
    at = next;
    reps++;
  }
  return reps >= particle.minOccurs ? at : -1;
}

/** Problems with the children of a container element (empty when they fit its content model). */
export function checkContent(parent: ElementDef, children: NemsisElement[]): readonly ContentProblem[] {
  const content = parent.content;
  if (!content) {
    if (children.length === 0) return NO_PROBLEMS;
    return children.map((child, childIndex) => ({
      rule: 'xsd:unknown-element' as const,
      childIndex,
      message: `${parent.name} holds a value, not child elements; ${child.name} is not allowed inside it`,
    }));
  }
  const flat = flatModelOf(parent, content);
  if (flat) return checkFlat(parent, flat, children);
  const { allowed } = summarizeContent(parent);
  const unknown = children.findIndex((c) => !allowed.has(c.name));
  if (unknown >= 0) {
    return [{ rule: 'xsd:unknown-element', childIndex: unknown, message: `${children[unknown]?.name} is not allowed inside ${parent.name}` }];
  }
  const end = match(content, children, 0);
  if (end === children.length) return [];
  const expected = [...allowed].join(', ');
  if (end < 0) return [{ rule: 'xsd:cardinality', message: `the elements inside ${parent.name} are incomplete; expected ${expected}` }];
  return [{ rule: 'xsd:order', childIndex: end, message: `${children[end]?.name} is not expected at this place inside ${parent.name}; expected ${expected}` }];
}
