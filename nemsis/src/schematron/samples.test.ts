/** The official sample files in assets/samples and what SOURCES.md says the national Schematron makes of them. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNemsisXml } from '../xml/parse-xml';
import { validateSchematron } from './index';

const samplesDir = resolve(import.meta.dirname, '../../assets/samples');
const now = new Date('2025-08-22T00:00:00Z');
const validate = (name: string): string[] =>
  [...new Set(validateSchematron(parseNemsisXml(readFileSync(resolve(samplesDir, name), 'utf8')), { now }).map((f) => `${f.ruleId} ${f.severity}`))];

describe('official sample files', () => {
  it.each(['2025-EMS-1-Overdose_v351.xml', '2025-EMS-3-MVC_v351.xml', '2025-EMS-5-CPMIH_v351.xml', 'EMSDataSet-nemSch_e127_B.xml'])(
    '%s passes the national rules',
    (name) => expect(validate(name)).toEqual([]),
  );

  it('fails the 2025 Schematron pre-testing case on nemSch_e005 (a Pertinent Negative on an empty eSituation.10) only', () => {
    expect(validate('2025-EMS-FailSchematron_v351.xml')).toEqual(['nemSch_e005 ERROR']);
  });

  it.each([
    ['EMSDataSet-nemSch_e001_A.xml', 'nemSch_e001 ERROR'],
    ['EMSDataSet-nemSch_e002_A.xml', 'nemSch_e002 ERROR'],
    ['EMSDataSet-nemSch_e004_A.xml', 'nemSch_e004 ERROR'],
    ['EMSDataSet-nemSch_e019_A.xml', 'nemSch_e019 WARNING'],
    ['EMSDataSet-nemSch_e029_A.xml', 'nemSch_e029 WARNING'],
    ['EMSDataSet-nemSch_e143_A.xml', 'nemSch_e143 ERROR'],
  ])('%s fails exactly %s', (name, expected) => expect(validate(name)).toEqual([expected]));

  it('reports only warnings on the generated nil and pertinent-negative samples', () => {
    for (const name of ['EMSDataset-Nils-1.xml', 'EMSDataset-PNs-1.xml']) {
      const findings = validate(name);
      expect(findings.length).toBeGreaterThan(5);
      expect(findings.every((f) => f.endsWith('WARNING'))).toBe(true);
    }
  });
});
