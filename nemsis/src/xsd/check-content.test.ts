import { describe, expect, it } from 'vitest';
import { makeElement as el, makeLeaf as leaf } from '../tree';
import { checkContent } from './check-content';
import type { ElementDef, ParticleDef } from './model';
import { validateXsdElement } from './validate-xsd';

const e = (name: string, minOccurs = 1, maxOccurs: number | 'unbounded' = 1): ParticleDef => ({ kind: 'element', name, minOccurs, maxOccurs });

/** A model NEMSIS itself does not use: a then (b | c)+ then optional d. */
const nested: ElementDef = {
  name: 'Demo',
  content: { kind: 'sequence', minOccurs: 1, maxOccurs: 1, particles: [
    e('a'),
    { kind: 'choice', minOccurs: 1, maxOccurs: 'unbounded', particles: [e('b'), e('c')] },
    e('d', 0),
  ] },
};

describe('checkContent with nested sequences and choices', () => {
  it('accepts children that fit', () => {
    expect(checkContent(nested, [leaf('a', ''), leaf('c', ''), leaf('b', ''), leaf('c', ''), leaf('d', '')])).toEqual([]);
    expect(checkContent(nested, [leaf('a', ''), leaf('b', '')])).toEqual([]);
  });

  it('reports a missing choice, a misplaced child and an unknown one', () => {
    expect(checkContent(nested, [leaf('a', '')]).map((p) => p.rule)).toEqual(['xsd:cardinality']);
    expect(checkContent(nested, [leaf('a', ''), leaf('b', ''), leaf('d', ''), leaf('c', '')])).toEqual([
      expect.objectContaining({ rule: 'xsd:order', childIndex: 3 }),
    ]);
    expect(checkContent(nested, [leaf('a', ''), leaf('x', '')]).map((p) => p.rule)).toEqual(['xsd:unknown-element']);
  });
});

describe('required attributes and container text', () => {
  it('reports a PatientCareReport without its UUID', () => {
    const findings = validateXsdElement(el('PatientCareReport'));
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'xsd:attribute',
      message: 'PatientCareReport is missing the required attribute UUID' }));
  });

  it('reports text inside a container and children inside a value element', () => {
    const group = el('eRecord.SoftwareApplicationGroup', [leaf('eRecord.02', 'A'), leaf('eRecord.03', 'B'), leaf('eRecord.04', '1')]);
    group.text = 'stray';
    expect(validateXsdElement(group).map((f) => f.ruleId)).toEqual(['xsd:datatype']);
    expect(validateXsdElement(el('eRecord.01', [leaf('eRecord.02', 'A')])).map((f) => f.ruleId)).toEqual(['xsd:unknown-element']);
  });
});
