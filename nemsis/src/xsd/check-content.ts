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

/** The element particles of a flat sequence of distinct elements, or undefined for other models. */
function flatParticles(content: ParticleDef): ElementParticle[] | undefined {
  if (content.kind !== 'sequence' || content.minOccurs !== 1 || content.maxOccurs !== 1) return undefined;
  const names = new Set<string>();
  const particles: ElementParticle[] = [];
  for (const p of content.particles) {
    if (p.kind !== 'element' || names.has(p.name)) return undefined;
    names.add(p.name);
    particles.push(p);
  }
  return particles;
}

function maxText(max: number | 'unbounded'): string {
  return max === 1 ? 'once' : `${max} times`;
}

function checkFlat(parent: ElementDef, particles: ElementParticle[], children: NemsisElement[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const position = new Map(particles.map((p, i) => [p.name, i]));
  const counts = new Map<string, number>();
  let last = -1;
  let lastName = '';
  children.forEach((child, childIndex) => {
    const at = position.get(child.name);
    if (at === undefined) {
      problems.push({
        rule: 'xsd:unknown-element',
        childIndex,
        message: `${child.name} is not allowed inside ${parent.name}; allowed: ${particles.map((p) => p.name).join(', ') || 'nothing'}`,
      });
      return;
    }
    if (at < last) {
      problems.push({ rule: 'xsd:order', childIndex, message: `${child.name} must come before ${lastName} inside ${parent.name}` });
    } else {
      last = at;
      lastName = child.name;
    }
    const count = (counts.get(child.name) ?? 0) + 1;
    counts.set(child.name, count);
    const particle = particles[at];
    if (particle && particle.maxOccurs !== 'unbounded' && count === particle.maxOccurs + 1) {
      problems.push({
        rule: 'xsd:cardinality',
        childIndex,
        message: `${nameWithLabel(child.name)} may appear at most ${maxText(particle.maxOccurs)} inside ${parent.name}`,
      });
    }
  });
  for (const p of particles) {
    const count = counts.get(p.name) ?? 0;
    if (count < p.minOccurs) {
      problems.push({
        rule: 'xsd:cardinality',
        message: p.minOccurs === 1
          ? `${parent.name} is missing the required element ${nameWithLabel(p.name)}`
          : `${parent.name} needs at least ${p.minOccurs} ${nameWithLabel(p.name)} elements, found ${count}`,
      });
    }
  }
  return problems;
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
export function checkContent(parent: ElementDef, children: NemsisElement[]): ContentProblem[] {
  const content = parent.content;
  if (!content) {
    return children.map((child, childIndex) => ({
      rule: 'xsd:unknown-element' as const,
      childIndex,
      message: `${parent.name} holds a value, not child elements; ${child.name} is not allowed inside it`,
    }));
  }
  const flat = flatParticles(content);
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
