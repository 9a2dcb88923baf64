/**
 * The official NEMSIS Schematron test cases (assets/schematron-tests): each xml/NAME.xml is run through
 * validateSchematron and compared with svrl/NAME.xml, the SVRL the national EMSDataSet.sch produced for it
 * with the official (Saxon, ISO XSLT2 skeleton) pipeline.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNemsisXml } from '../xml/parse-xml';
import { validateSchematron } from './index';
import { parseSvrl } from './svrl-report';

const casesDir = resolve(import.meta.dirname, '../../assets/schematron-tests');
const cases = readdirSync(resolve(casesDir, 'xml')).filter((f) => f.endsWith('.xml')).sort();
/** Close to when the official SVRL was produced, so "not in the future" rules behave as they did then. */
const now = new Date('2025-02-25T18:29:00Z');
/** nemSch_e056's message quotes the validating machine's clock and time zone; everything else must match. */
const withoutClock = (message: string): string => message.replace(/\(the current time according to this system is [^)]*\)/, '(clock)');

function runCase(name: string): { findings: ReturnType<typeof validateSchematron>; fired: string[]; expected: ReturnType<typeof parseSvrl> } {
  const root = parseNemsisXml(readFileSync(resolve(casesDir, 'xml', name), 'utf8'));
  const fired: string[] = [];
  const findings = validateSchematron(root, { now, onRuleFired: (e) => fired.push(`${e.patternId}/${e.ruleId}`) });
  return { findings, fired, expected: parseSvrl(readFileSync(resolve(casesDir, 'svrl', name), 'utf8')) };
}

describe('official NEMSIS Schematron test cases', () => {
  it('has all 118 cases with their expected SVRL', () => {
    expect(cases).toHaveLength(118);
    for (const name of cases) expect(readdirSync(resolve(casesDir, 'svrl'))).toContain(name);
  });

  it.each(cases)('%s: same findings, locations, messages and fired rules as the official SVRL', (name) => {
    const { findings, fired, expected } = runCase(name);
    const ruleSet = (list: { ruleId: string; severity: string }[]): string[] => [...new Set(list.map((f) => `${f.ruleId} ${f.severity}`))].sort();
    expect(ruleSet(findings)).toEqual(ruleSet(expected.findings));
    const located = (list: { ruleId: string; path: string }[]): string[] => list.map((f) => `${f.ruleId} @ ${f.path}`).sort();
    expect(located(findings)).toEqual(located(expected.findings));
    const messages = (list: { ruleId: string; message: string }[]): string[] => list.map((f) => `${f.ruleId}: ${withoutClock(f.message)}`).sort();
    expect(messages(findings)).toEqual(messages(expected.findings));
    expect(fired).toEqual(expected.firedRules);
  });

  it('reports the failing rule of a single-rule case with the severity of its role', () => {
    const { findings } = runCase('EMSDataSet-nemSch_e019_A.xml');
    expect(findings).toEqual([{
      ruleId: 'nemSch_e019',
      severity: 'WARNING',
      path: '/EMSDataSet[1]/Header[1]/PatientCareReport[1]/eTimes[1]/eTimes.05[1]',
      message: 'Unit En Route Date/Time should not be earlier than Unit Notified by Dispatch Date/Time.',
    }]);
  });

  it('finds nothing in the base case that is built to pass every rule', () => {
    expect(runCase('EMSDataSet--Base.xml').findings).toEqual([]);
  });
});
