import { describe, expect, it } from 'vitest';
import type { Finding, PatientCareReport } from '@field/shared-model';
import { makePatientCareReport } from '@field/shared-model/testing';
import { elementForEpcrField, epcrFieldForElement } from './field-map';
import { epcrPathForLocation } from './finding-path';
import { makeCompleteChart, NOW, testContext } from './test-charts';
import { chartCheckContext, validatePatientCareReport } from './validate-patient-care-report';

const errors = (findings: Finding[]): Finding[] => findings.filter((f) => f.severity === 'ERROR');
const validate = (chart: PatientCareReport): Finding[] => validatePatientCareReport(chart, testContext, { now: NOW });

describe('validatePatientCareReport', () => {
  it('finds no ERROR in a realistic complete chart', () => {
    const findings = validate(makeCompleteChart());
    expect(errors(findings)).toEqual([]);
    // What remains are national warnings about content the ePCR does not collect yet (eScene, ...).
    expect(findings.every((f) => f.severity === 'WARNING')).toBe(true);
  });

  it('points the ERRORs of a blank draft at the ePCR fields a paramedic must fill', () => {
    const findings = errors(validate(makePatientCareReport({ seed: 4 })));
    expect(findings.map((f) => f.path).sort()).toEqual(['disposition.unitDisposition', 'narrative', 'times.backInService']);
    const backInService = findings.find((f) => f.path === 'times.backInService');
    expect(backInService?.message).toMatch(/^eTimes\.13 Unit Back in Service Date\/Time: /);
  });

  it('points national warnings about missing times at the time fields', () => {
    const findings = validate(makePatientCareReport({ seed: 4 }));
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'nemSch_e018', severity: 'WARNING', path: 'times.enRoute' }));
  });

  it('points a finding inside a vital set at that vital by id', () => {
    const chart = makeCompleteChart();
    const second = chart.vitals[1];
    if (!second) throw new Error('the realistic chart has vitals');
    const broken = { ...chart, vitals: chart.vitals.map((v) => (v.id === second.id ? { ...v, responsiveness: '1234567' } : v)) };
    const finding = errors(validate(broken)).find((f) => f.path.startsWith('vitals['));
    expect(finding?.path).toBe(`vitals[id=${second.id}].responsiveness`);
    expect(finding?.message).toContain('eVitals.26');
  });

  it('reports a city name where NEMSIS wants a GNIS code on the address field', () => {
    const chart = makeCompleteChart();
    const withName = { ...chart, patient: { ...chart.patient, address: { ...chart.patient.address, city: 'Port Alden' } } };
    expect(errors(validate(withName))).toEqual([expect.objectContaining({ path: 'patient.address.city', ruleId: 'xsd:datatype' })]);
  });

  it('points a finding in the Not Recorded placeholder group of an empty list at the list', () => {
    const location = '/EMSDataSet[1]/Header[1]/PatientCareReport[1]/eVitals[1]/eVitals.VitalGroup[1]/eVitals.BloodPressureGroup[1]/eVitals.06[1]';
    expect(epcrPathForLocation({ ...makeCompleteChart(), vitals: [] }, location)).toBe('vitals');
  });

  it('keeps the NEMSIS location for elements the ePCR does not hold', () => {
    const findings = validate(makeCompleteChart());
    const scene = findings.find((f) => f.message.includes('Incident Location Type'));
    expect(scene?.path).toMatch(/\/eScene\[1\]\/eScene\.09\[1\]$/);
  });

  it('names the CAD-held Mandatory elements when an export context lacks them', () => {
    const findings = errors(validatePatientCareReport(makeCompleteChart(), { agency: testContext.agency }, { now: NOW }));
    expect(findings.map((f) => f.message).join('\n')).toMatch(/eDispatch\.01/);
  });

  it('checks a chart on its own without errors the crew cannot fix (CAD-held elements), as the gate does', () => {
    const chart = makeCompleteChart();
    expect(errors(validatePatientCareReport(chart, undefined, { now: NOW }))).toEqual([]);
    expect(validatePatientCareReport(chart, undefined, { now: NOW }))
      .toEqual(validatePatientCareReport(chart, chartCheckContext(chart.agencyId), { now: NOW }));
  });

  it('requires a narrative of more than white space to complete', () => {
    const findings = errors(validate({ ...makeCompleteChart(), narrative: '  \n ' }));
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'epcr:narrative-required', path: 'narrative' })]);
  });
});

describe('epcrFieldForElement / elementForEpcrField', () => {
  it('maps elements to field paths and back', () => {
    expect(epcrFieldForElement('eTimes.03')).toBe('times.unitNotified');
    expect(epcrFieldForElement('ePatient.02')).toBe('patient.lastName');
    expect(epcrFieldForElement('eVitals.06')).toBe('vitals[].systolic');
    expect(epcrFieldForElement('eScene.09')).toBeUndefined();
    expect(elementForEpcrField('vitals[id=abc].systolic')).toBe('eVitals.06');
    expect(elementForEpcrField('patient.address.state')).toBe('ePatient.08');
    expect(elementForEpcrField('status')).toBeUndefined();
  });
});

describe('export context problems', () => {
  it('warns, without blocking, when the agency time zone is unknown', () => {
    const findings = validatePatientCareReport(makeCompleteChart(), { ...testContext, timeZone: 'Mars/Olympus_Mons' }, { now: NOW });
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'epcr:time-zone', severity: 'WARNING' }));
    expect(errors(findings)).toEqual([]);
  });
});
