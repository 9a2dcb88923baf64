import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@field/shared-model';
import { firstChild, type NemsisElement } from './tree';
import { validateEmsDataSet } from './validate';
import { parseNemsisXml } from './xml/parse-xml';
import { ASSETS_DIR } from './xsd/xmllint-for-tests';

const NOW = new Date('2025-06-01T00:00:00Z');
const load = (file: string): NemsisElement => parseNemsisXml(readFileSync(join(ASSETS_DIR, 'samples', file), 'utf8'));
const ids = (findings: Finding[]): string[] => findings.map((f) => f.ruleId);

/** A state rule written in TypeScript: this state wants eRecord.01 to start with its prefix. */
const requireStatePrefix = (root: NemsisElement): Finding[] => {
  const pcrs = firstChild(root, 'Header')?.children.filter((c) => c.name === 'PatientCareReport') ?? [];
  return pcrs.flatMap((pcr, i) => {
    const number = firstChild(firstChild(pcr, 'eRecord') ?? pcr, 'eRecord.01')?.text ?? '';
    return number.startsWith('TX-') ? [] : [{ ruleId: 'tx:pcr-number', severity: 'ERROR' as const,
      path: `/EMSDataSet/Header/PatientCareReport[${i + 1}]/eRecord/eRecord.01`, message: 'Texas PCR numbers start with TX-' }];
  });
};

describe('validateEmsDataSet', () => {
  it('passes the official passing cases with no findings', () => {
    expect(validateEmsDataSet(load('2025-EMS-1-Overdose_v351.xml'), { now: NOW })).toEqual([]);
  });

  it('reports XSD and national Schematron findings together', () => {
    expect(ids(validateEmsDataSet(load('2025-EMS-FailXsd_v351.xml'), { now: NOW }))).toContain('xsd:cardinality');
    expect(ids(validateEmsDataSet(load('2025-EMS-FailSchematron_v351.xml'), { now: NOW }))).toEqual(['nemSch_e005']);
    expect(ids(validateEmsDataSet(load('2025-EMS-FailSchematron_v351.xml'), { now: NOW, nationalSchematron: false }))).toEqual([]);
  });

  it('can stop after XSD errors, as the official submission pipeline does', () => {
    const findings = validateEmsDataSet(load('2025-EMS-FailXsd_v351.xml'), { now: NOW, stopAfterXsdErrors: true });
    expect(ids(findings)).toEqual(['xsd:cardinality']);
  });

  it('runs extra rule packs given as configuration, after the national rules', () => {
    const findings = validateEmsDataSet(load('2025-EMS-1-Overdose_v351.xml'), { now: NOW, rulePacks: [{ id: 'tx', validate: requireStatePrefix }] });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'tx:pcr-number', path: '/EMSDataSet/Header/PatientCareReport[1]/eRecord/eRecord.01' })]);
  });

  it('turns a crashing rule pack into an ERROR finding instead of losing the other findings', () => {
    const broken = (): Finding[] => {
      throw new Error('lookup table missing');
    };
    const findings = validateEmsDataSet(load('2025-EMS-FailXsd_v351.xml'), { now: NOW, rulePacks: [broken] });
    expect(ids(findings)).toContain('xsd:cardinality');
    expect(findings.at(-1)).toEqual({ ruleId: 'rule-pack-1:failed', severity: 'ERROR', path: '/EMSDataSet',
      message: 'the rule pack rule-pack-1 could not run: lookup table missing' });
  });
});
