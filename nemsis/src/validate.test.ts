import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@field/shared-model';
import { firstChild, type NemsisElement } from './tree';
import { compileSchematron } from './schematron/index';
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

describe('a state Schematron pack given as data', () => {
  const stateSch = `<?xml version="1.0" encoding="UTF-8"?>
<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2" id="TX">
  <sch:ns prefix="nem" uri="http://www.nemsis.org"/>
  <sch:pattern id="tx_pcr">
    <sch:rule context="nem:eRecord.01">
      <sch:assert id="TX_e001" role="[ERROR]" test="starts-with(., 'TX-')">Texas PCR numbers start with TX-.</sch:assert>
    </sch:rule>
  </sch:pattern>
</sch:schema>`;

  it('runs after the national rules, with the state assert id and role', () => {
    const texas = compileSchematron(stateSch);
    const findings = validateEmsDataSet(load('2025-EMS-1-Overdose_v351.xml'), { now: NOW, schematronPacks: [texas] });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['TX_e001', 'ERROR']]);
    expect(findings[0]?.message).toContain('Texas PCR numbers start with TX-');
  });
});
