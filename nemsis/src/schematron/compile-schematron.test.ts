import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeElement, makeLeaf, type NemsisElement } from '../tree';
import { parseNemsisXml } from '../xml/parse-xml';
import { SchematronCompileError, compileSchematron, severityOfRole, validateSchematron } from './index';

const sch = (body: string, head = ''): string => `<?xml version="1.0"?>
<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" queryBinding="xslt2" id="StatePack">
  <sch:ns prefix="nem" uri="http://www.nemsis.org"/>
  ${head}
  ${body}
</sch:schema>`;

const record = (times: Record<string, string>, extra: NemsisElement[] = []): NemsisElement =>
  makeElement('EMSDataSet', [
    makeElement('Header', [
      makeElement('PatientCareReport', [
        makeElement('eTimes', Object.entries(times).map(([name, value]) => makeLeaf(name, value))),
        ...extra,
      ]),
    ]),
  ]);

describe('compileSchematron: a state rule pack loaded as data', () => {
  const statePack = compileSchematron(sch(`
    <sch:pattern id="state_times">
      <sch:rule id="r1" context="nem:eTimes.03[. = '']">
        <sch:assert id="st_001" role="[ERROR]" test="false()">Dispatch time must be recorded.</sch:assert>
      </sch:rule>
      <sch:rule id="r2" context="nem:eTimes.03">
        <sch:let name="dispatched" value="xs:dateTime(.)"/>
        <sch:assert id="st_002" role="[WARNING]" test="$dispatched &gt;= xs:dateTime(../nem:eTimes.01)"><sch:name/> (<sch:value-of select="."/>) is before the call.</sch:assert>
        <sch:report id="st_003" role="[WARNING]" test="../nem:eTimes.99">Reported when eTimes.99 is present.</sch:report>
      </sch:rule>
    </sch:pattern>`));

  it('runs the pack next to (or instead of) the national rules and fills in message values', () => {
    const findings = validateSchematron(record({ 'eTimes.01': '2025-01-01T10:00:00Z', 'eTimes.03': '2025-01-01T09:00:00Z' }), {
      national: false,
      extraRules: statePack,
      now: new Date('2025-06-01T00:00:00Z'),
    });
    expect(findings).toEqual([{
      ruleId: 'st_002',
      severity: 'WARNING',
      path: '/EMSDataSet[1]/Header[1]/PatientCareReport[1]/eTimes[1]/eTimes.03[1]',
      message: 'eTimes.03 (2025-01-01T09:00:00Z) is before the call.',
    }]);
  });

  it('fires only the first matching rule of a pattern, and reports when the test is true', () => {
    const empty = validateSchematron(record({ 'eTimes.01': '2025-01-01T10:00:00Z', 'eTimes.03': '', 'eTimes.99': 'x' }), { national: false, extraRules: [statePack] });
    expect(empty.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['st_001 ERROR']);
    const reported = validateSchematron(record({ 'eTimes.01': '2025-01-01T10:00:00Z', 'eTimes.03': '2025-01-01T11:00:00Z', 'eTimes.99': 'x' }), { national: false, extraRules: [statePack] });
    expect(reported.map((f) => f.ruleId)).toEqual(['st_003']);
  });

  it('expands abstract patterns and abstract rules', () => {
    const pack = compileSchematron(sch(`
      <sch:pattern abstract="true" id="required">
        <sch:rule context="$parent"><sch:assert id="$id" role="ERROR" test="$child != ''">A required <sch:value-of select="local-name()"/> time is missing.</sch:assert></sch:rule>
      </sch:pattern>
      <sch:pattern is-a="required" id="need_eTimes01">
        <sch:param name="parent" value="nem:eTimes"/><sch:param name="child" value="nem:eTimes.01"/><sch:param name="id" value="st_010"/>
      </sch:pattern>
      <sch:pattern id="with_extends">
        <sch:rule abstract="true" id="base"><sch:assert id="st_011" role="WARNING" test="count(*) &gt; 5">few times</sch:assert></sch:rule>
        <sch:rule context="nem:eTimes"><sch:extends rule="base"/></sch:rule>
      </sch:pattern>`));
    const findings = validateSchematron(record({ 'eTimes.03': '2025-01-01T11:00:00Z' }), { national: false, extraRules: pack });
    expect(findings.map((f) => `${f.ruleId} ${f.severity} ${f.message}`)).toEqual([
      'st_010 ERROR A required eTimes time is missing.',
      'st_011 WARNING few times',
    ]);
  });

  it('uses xsl:key lookups into a literal table, as the national file does for element names', () => {
    const pack = compileSchematron(sch(`
      <sch:pattern id="p"><sch:rule context="nem:eTimes.03">
        <sch:assert id="k1" role="[WARNING]" test="false()"><sch:value-of select="key('names', local-name(), $table)"/> checked.</sch:assert>
      </sch:rule></sch:pattern>`, `
      <xsl:variable name="lookup"><table xmlns="http://www.nemsis.org"><element name="eTimes.03">Unit Notified by Dispatch Date/Time</element></table></xsl:variable>
      <sch:let name="table" value="$lookup//*:table"/>
      <xsl:key name="names" match="nem:element" use="@name"/>`));
    const [finding] = validateSchematron(record({ 'eTimes.03': '2025-01-01T11:00:00Z' }), { national: false, extraRules: pack });
    expect(finding?.message).toBe('Unit Notified by Dispatch Date/Time checked.');
  });

  it('refuses a pack with a clear error instead of guessing', () => {
    expect(() => compileSchematron('<notSchematron/>')).toThrow(SchematronCompileError);
    expect(() => compileSchematron(sch('<sch:pattern><sch:rule context="nem:x["><sch:assert test="true()">m</sch:assert></sch:rule></sch:pattern>')))
      .toThrow(/rule .*context/);
    expect(() => compileSchematron(sch('<sch:pattern><sch:rule context="nem:x"><sch:assert id="a1" test="unknownFn(.)">m</sch:assert></sch:rule></sch:pattern>')))
      .toThrow(/assert a1: unknown function unknownFn/);
    expect(() => compileSchematron(sch('<sch:include href="other.sch"/>'))).toThrow(/sch:include is not supported/);
    expect(() => compileSchematron('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).toThrow(SchematronCompileError);
  });

  it('maps roles to severities', () => {
    expect(severityOfRole('[ERROR]')).toBe('ERROR');
    expect(severityOfRole('fatal')).toBe('ERROR');
    expect(severityOfRole('[WARNING]')).toBe('WARNING');
    expect(severityOfRole('information')).toBe('WARNING');
    expect(severityOfRole(undefined)).toBe('ERROR');
  });
});

describe('the 2025 compliance pre-testing rules as an extra pack', () => {
  const pack = compileSchematron(readFileSync(resolve(import.meta.dirname, '../../assets/schematron/compliance-pretesting-2025/EMSDataSet.sch'), 'utf8'));
  const cpmih = readFileSync(resolve(import.meta.dirname, '../../assets/schematron-tests/xml/EMSDataSet--Base.xml'), 'utf8');
  const now = new Date('2025-06-01T00:00:00Z');

  it('flags a mobile integrated health encounter without the "Informing doctor" procedure', () => {
    const root = parseNemsisXml(cpmih.replace(/(<eResponse\.05>)\d+(<\/eResponse\.05>)/, '$12205031$2'));
    const findings = validateSchematron(root, { national: false, extraRules: pack, now });
    expect(findings.map((f) => `${f.ruleId} ${f.severity} ${f.path}`)).toEqual([
      'compliance_cpmih_procedure_assert ERROR /EMSDataSet[1]/Header[1]/PatientCareReport[1]',
    ]);
  });
});

describe('one compiled rule set, many runs', () => {
  it('uses each run\'s own clock and lets, also when documents alternate', () => {
    // nemSch_e056: the unit back in service (eTimes.13) at most an hour after "now".
    const times = { 'eTimes.03': '2025-06-01T10:00:00Z', 'eTimes.13': '2025-06-01T12:00:00Z' };
    const late = new Date('2025-06-01T10:30:00Z');
    const later = new Date('2025-06-01T12:30:00Z');
    const e056 = (root: NemsisElement, now: Date): number => validateSchematron(root, { now }).filter((f) => f.ruleId === 'nemSch_e056').length;
    const empty = record({ 'eTimes.03': '' });
    const alone = validateSchematron(empty, { now: late });
    for (let i = 0; i < 3; i++) {
      expect(e056(record(times), late)).toBe(1);
      expect(e056(record(times), later)).toBe(0);
      expect(validateSchematron(empty, { now: late })).toEqual(alone);
    }
  });
});

describe('bad documents', () => {
  it('turns a value the rules cannot read into a finding instead of a crash', () => {
    const root = record({ 'eTimes.01': '2025-01-01T10:00:00Z', 'eTimes.03': 'not a time' });
    const findings = validateSchematron(root, { now: new Date('2025-06-01T00:00:00Z') });
    const e017 = findings.find((f) => f.ruleId === 'nemSch_e017');
    expect(e017?.message).toMatch(/could not be evaluated: FORG0001/);
    expect(e017?.severity).toBe('WARNING');
  });

  it('rejects an invalid clock', () => {
    expect(() => validateSchematron(record({}), { now: new Date('nope') })).toThrow(RangeError);
  });
});
