import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeElement as el, makeLeaf as leaf, type NemsisElement } from '../tree';
import { parseNemsisXml } from '../xml/parse-xml';
import { validateXsd, validateXsdElement } from './validate-xsd';
import { ASSETS_DIR } from './xmllint-for-tests';

const rules = (element: NemsisElement): string[] => validateXsdElement(element).map((f) => f.ruleId);
const bloodPressure = (...children: NemsisElement[]): NemsisElement => el('eVitals.BloodPressureGroup', children);
const software = (...children: NemsisElement[]): NemsisElement => el('eRecord.SoftwareApplicationGroup', children);
const okSoftware = (): NemsisElement[] => [leaf('eRecord.02', 'Acme'), leaf('eRecord.03', 'CrewLink'), leaf('eRecord.04', '1.0')];

describe('validateXsdElement — one passing and one failing case per rule', () => {
  it('xsd:order — children must follow the schema sequence', () => {
    expect(rules(bloodPressure(leaf('eVitals.06', '120'), leaf('eVitals.07', '80')))).toEqual([]);
    const findings = validateXsdElement(bloodPressure(leaf('eVitals.07', '80'), leaf('eVitals.06', '120')));
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'xsd:order', severity: 'ERROR',
      path: '/eVitals.BloodPressureGroup/eVitals.06', message: 'eVitals.06 must come before eVitals.07 inside eVitals.BloodPressureGroup' })]);
  });

  it('xsd:cardinality — required elements present, single elements not repeated', () => {
    expect(rules(software(...okSoftware()))).toEqual([]);
    const missing = validateXsdElement(software(leaf('eRecord.02', 'Acme'), leaf('eRecord.03', 'CrewLink')));
    expect(missing).toEqual([expect.objectContaining({ ruleId: 'xsd:cardinality',
      message: 'eRecord.SoftwareApplicationGroup is missing the required element eRecord.04 (Software Version)' })]);
    expect(rules(software(leaf('eRecord.02', 'Acme'), leaf('eRecord.02', 'Acme'), leaf('eRecord.03', 'X'), leaf('eRecord.04', '1'))))
      .toEqual(['xsd:cardinality']);
  });

  it('xsd:unknown-element — only declared children, only known roots', () => {
    expect(rules(software(...okSoftware(), leaf('eRecord.99', 'x')))).toEqual(['xsd:unknown-element']);
    expect(validateXsd(el('DEMDataSet'))).toEqual([expect.objectContaining({ ruleId: 'xsd:unknown-element', path: '/DEMDataSet' })]);
    expect(rules(leaf('eVitals.06', '120'))).toEqual([]);
  });

  it('xsd:nil — only nillable elements, and a nil element must be empty', () => {
    expect(rules(leaf('eVitals.06', '', { 'xsi:nil': 'true', NV: '7701003' }))).toEqual([]);
    expect(rules(leaf('eVitals.06', '120', { 'xsi:nil': 'true', NV: '7701003' }))).toEqual(['xsd:nil']);
    expect(rules(leaf('eRecord.01', '', { 'xsi:nil': 'true' }))).toEqual(['xsd:nil']);
    expect(rules(leaf('eVitals.06', '120', { 'xsi:nil': 'maybe' }))).toEqual(['xsd:nil']);
  });

  it('xsd:nv — NV only where the element allows it, with one of its codes', () => {
    expect(rules(leaf('eVitals.06', '', { 'xsi:nil': 'true', NV: '7701001' }))).toEqual([]);
    const findings = validateXsdElement(leaf('eVitals.06', '', { 'xsi:nil': 'true', NV: '7701005' }));
    expect(findings.map((f) => f.ruleId)).toEqual(['xsd:nv']);
    expect(findings[0]?.message).toContain('"7701001"');
    expect(rules(leaf('eRecord.01', 'PCR-1', { NV: '7701003' }))).toEqual(['xsd:nv']);
  });

  it('xsd:pn — PN only where the element allows it, with one of its codes', () => {
    expect(rules(leaf('eVitals.06', '', { 'xsi:nil': 'true', PN: '8801019' }))).toEqual([]);
    expect(rules(leaf('eVitals.06', '', { 'xsi:nil': 'true', PN: '8801015' }))).toEqual(['xsd:pn']);
    expect(rules(leaf('eVitals.08', '', { 'xsi:nil': 'true', PN: '8801019' }))).toEqual(['xsd:pn']);
  });

  it('xsd:enumeration — coded values come from the code list', () => {
    expect(rules(leaf('eVitals.08', '3308003'))).toEqual([]);
    const findings = validateXsdElement(leaf('eVitals.08', '3308002'));
    expect(findings.map((f) => f.ruleId)).toEqual(['xsd:enumeration']);
    expect(findings[0]?.message).toMatch(/^eVitals\.08 \(Method of Blood Pressure Measurement\): expected one of the codes "3308001", .*; got "3308002"$/);
  });

  it('xsd:pattern — anchored XSD patterns (ZIP), dateTime needs seconds and a UTC offset', () => {
    expect(rules(leaf('ePayment.15', '12345-6789'))).toEqual([]);
    expect(rules(leaf('ePayment.15', '1234'))).toEqual(['xsd:pattern']);
    expect(rules(leaf('ePayment.15', 'x12345'))).toEqual(['xsd:pattern']);
    expect(rules(leaf('eTimes.03', '2025-04-03T14:05:00-05:00'))).toEqual([]);
    expect(validateXsdElement(leaf('eTimes.03', '2025-04-03T14:05:00'))[0]?.message).toContain('UTC offset');
  });

  it('xsd:length — min and max length', () => {
    expect(rules(leaf('eRecord.01', 'PCR-2025-0001'))).toEqual([]);
    expect(rules(leaf('eRecord.01', 'AB'))).toEqual(['xsd:length']);
    expect(rules(leaf('eRecord.01', 'x'.repeat(51)))).toEqual(['xsd:length']);
  });

  it('xsd:range — numeric bounds, digits and the dateTime year range', () => {
    expect(rules(leaf('eVitals.06', '500'))).toEqual([]);
    expect(rules(leaf('eVitals.06', '501'))).toEqual(['xsd:range']);
    expect(rules(leaf('ePayment.48', '12.25'))).toEqual([]);
    expect(rules(leaf('ePayment.48', '12.255'))).toEqual(['xsd:range']);
    expect(rules(leaf('eTimes.03', '1950-01-01T00:00:00-00:00'))).toEqual([]);
    expect(rules(leaf('eTimes.03', '1949-12-31T23:59:59-00:00'))).toEqual(['xsd:range']);
    // 2050-01-01T00:30:00+01:00 is 2049-12-31T23:30Z: inside the range once the offset is applied.
    expect(rules(leaf('eTimes.03', '2050-01-01T00:30:00+01:00'))).toEqual([]);
    expect(rules(leaf('eTimes.03', '2050-01-01T00:00:01-00:00'))).toEqual(['xsd:range']);
  });

  it('xsd:datatype — integers, decimals and real calendar dates', () => {
    expect(rules(leaf('eVitals.06', ' 120 '))).toEqual([]);
    expect(rules(leaf('eVitals.06', '12a'))).toEqual(['xsd:datatype']);
    expect(rules(leaf('ePayment.48', 'twelve'))).toEqual(['xsd:datatype']);
    expect(rules(leaf('eTimes.03', '2024-02-29T10:00:00-05:00'))).toEqual([]);
    expect(rules(leaf('eTimes.03', '2025-02-29T10:00:00-05:00'))).toEqual(['xsd:datatype']);
    expect(rules(leaf('ePayment.60', '2025-04-31'))).toEqual(['xsd:datatype']);
  });

  it('xsd:attribute — undeclared attributes and bad attribute values', () => {
    expect(rules(leaf('eVitals.03', '9901001', { CorrelationID: 'abc' }))).toEqual([]);
    expect(rules(leaf('eRecord.01', 'PCR-1', { foo: 'bar' }))).toEqual(['xsd:attribute']);
    expect(rules(leaf('eVitals.03', '9901001', { CorrelationID: '' }))).toEqual(['xsd:attribute']);
  });
});

describe('validateXsd on a whole document', () => {
  const base = (): NemsisElement => parseNemsisXml(readFileSync(join(ASSETS_DIR, 'samples', 'EMSDataSet--Base.xml'), 'utf8'));

  it('accepts the official base sample and locates problems with an XPath-like path', () => {
    const root = base();
    expect(validateXsd(root)).toEqual([]);
    const pcr = root.children[0]?.children.find((c) => c.name === 'PatientCareReport');
    const vitals = pcr?.children.find((c) => c.name === 'eVitals');
    const second = vitals?.children.filter((c) => c.name === 'eVitals.VitalGroup')[1];
    const pressure = second?.children.find((c) => c.name === 'eVitals.BloodPressureGroup');
    const sbp = pressure?.children.find((c) => c.name === 'eVitals.06');
    if (!sbp) throw new Error('sample shape changed: no second vital group with a blood pressure');
    sbp.text = '999';
    delete sbp.attributes['xsi:nil'];
    delete sbp.attributes.NV;
    delete sbp.attributes.PN;
    expect(validateXsd(root)).toEqual([{
      ruleId: 'xsd:range',
      severity: 'ERROR',
      path: '/EMSDataSet/Header/PatientCareReport[1]/eVitals/eVitals.VitalGroup[2]/eVitals.BloodPressureGroup/eVitals.06',
      message: 'eVitals.06 (SBP (Systolic Blood Pressure)): expected a value at most 500; got "999"',
    }]);
  });

  it('flags a foreign-namespace element as unknown', () => {
    const xml = readFileSync(join(ASSETS_DIR, 'samples', 'EMSDataSet--Base.xml'), 'utf8')
      .replace('<eRecord.01>', '<x:note xmlns:x="urn:other">hi</x:note><eRecord.01>');
    expect(validateXsd(parseNemsisXml(xml)).map((f) => f.ruleId)).toContain('xsd:unknown-element');
  });
});

describe('hostile width', () => {
  it('reports each of 100,000 unknown children with its own indexed path (in linear time, so no hang)', () => {
    const children = Array.from({ length: 100_000 }, () => leaf('bogus', 'x'));
    const findings = validateXsd(el('EMSDataSet', [el('Header', children)]));
    const unknown = findings.filter((f) => f.ruleId === 'xsd:unknown-element');
    expect(unknown).toHaveLength(100_000);
    expect(unknown[99_999]?.path).toBe('/EMSDataSet/Header/bogus[100000]');
  });
});
