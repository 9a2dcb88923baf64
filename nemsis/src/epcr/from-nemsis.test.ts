import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PatientCareReport } from '@field/shared-model';
import { makePatientCareReport } from '@field/shared-model/testing';
import { makeElement } from '../tree';
import { parseNemsisXml } from '../xml/parse-xml';
import { writeNemsisXml } from '../xml/write-xml';
import { ASSETS_DIR } from '../xsd/xmllint-for-tests';
import { chartFields, groupMappings } from './field-map';
import { fromNemsisEmsDataSet } from './from-nemsis';
import { makeCompleteChart, testContext } from './test-charts';
import { toNemsisEmsDataSet, valueAt } from './to-nemsis';

const IMPORTED_AT = '2026-11-23T12:00:00.000Z';
const sample = (file: string) => parseNemsisXml(readFileSync(join(ASSETS_DIR, 'samples', file), 'utf8'));

/** Every value the field map carries, by field path (items by id). */
function mappedValues(chart: PatientCareReport): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of chartFields) out[f.field] = valueAt(chart, f.field);
  for (const g of groupMappings) {
    (chart[g.array] as readonly Record<string, unknown>[]).forEach((item, i) => {
      for (const f of g.fields) out[`${g.array}[${i}].${f.field}`] = item[f.field];
      if (g.array !== 'crew') out[`${g.array}[${i}].id`] = item.id;
    });
  }
  out.signatures = chart.signatures;
  return out;
}

describe('fromNemsisEmsDataSet', () => {
  it('imports the official overdose case: times, patient, vitals and its (not recorded) medications', () => {
    const { reports, findings } = fromNemsisEmsDataSet(sample('2025-EMS-1-Overdose_v351.xml'), { now: IMPORTED_AT });
    expect(reports).toHaveLength(1);
    const chart = reports[0];
    expect(chart?.id).toBe('2025-EMS-1-Overdose_v351');
    expect(chart?.agencyId).toBe('351-C034P2');
    expect(chart?.unitId).toBe('84DR8411');
    expect(chart?.times.unitNotified).toBe('2024-10-08T00:22:01.000Z');
    expect(chart?.times.backInService).toBe('2024-10-08T01:15:33.000Z');
    expect(chart?.times.transferOfCare).toBeUndefined();
    expect(chart?.patient).toMatchObject({ lastName: 'Howell', firstName: 'Maria', age: 45, ageUnits: '2516009',
      dateOfBirth: '1979-04-08', gender: '9919001', race: ['2514011'], address: { state: 'CT', postalCode: '06810' } });
    expect(chart?.vitals.map((v) => [v.takenAt, v.systolic, v.heartRate, v.gcsTotal])).toEqual([
      ['2024-10-08T00:27:00.000Z', 98, 44, 13], ['2024-10-08T00:41:00.000Z', 100, 46, 13],
    ]);
    // The case's only MedicationGroup is Not Recorded throughout: no medication was given.
    expect(chart?.medications).toEqual([]);
    expect(chart?.narrative).toContain('Garrett Recovery');
    expect(findings.every((f) => f.severity === 'WARNING')).toBe(true);
    const summary = findings.find((f) => f.ruleId === 'epcr-import:not-imported');
    expect(summary?.message).toMatch(/eArrest\.01, eDispatch\.01/);
  });

  it('imports medications and procedures of the official MVC case', () => {
    const chart = fromNemsisEmsDataSet(sample('2025-EMS-3-MVC_v351.xml'), { now: IMPORTED_AT }).reports[0];
    expect(chart?.medications.length).toBeGreaterThan(0);
    expect(chart?.medications[0]).toMatchObject({ givenAt: '2024-10-11T21:05:20.000Z', code: '7806', dose: 10, priorToCare: false });
    expect(chart?.procedures[0]).toMatchObject({ code: '372045002', attempts: 1, successful: true });
  });

  it('keeps every mapped field through ePCR -> XML -> ePCR', () => {
    const base = makeCompleteChart();
    // eMedications.10 / eProcedures.10 hold caregiver codes; the exporter translates crew levels (9925007 -> 9905007).
    const chart: PatientCareReport = {
      ...base,
      times: { ...base.times, transferOfCare: '2026-03-08T14:47:30.500Z', canceled: undefined },
      medications: base.medications.map((m) => ({ ...m, administeredByLevel: '9905007', complications: ['3708031'] })),
      procedures: base.procedures.map((p) => ({ ...p, performedByLevel: '9905005' })),
      disposition: { ...base.disposition, refusalReasons: ['4231001'] },
    };
    const xml = writeNemsisXml(toNemsisEmsDataSet(chart, testContext));
    const { reports } = fromNemsisEmsDataSet(parseNemsisXml(xml), { now: IMPORTED_AT });
    const imported = reports[0];
    if (!imported) throw new Error('nothing imported');
    expect(mappedValues(imported)).toEqual(mappedValues(chart));
  });

  it('keeps a fresh draft through the round trip without inventing values for Not Recorded elements', () => {
    const draft = makePatientCareReport({ seed: 9 });
    const { reports } = fromNemsisEmsDataSet(parseNemsisXml(writeNemsisXml(toNemsisEmsDataSet(draft, testContext))), { now: IMPORTED_AT });
    const imported = reports[0];
    if (!imported) throw new Error('nothing imported');
    expect(mappedValues(imported)).toEqual(mappedValues(draft));
    expect(imported.patient).toEqual({});
    expect(imported.vitals).toEqual([]);
    expect(imported.medications).toEqual([]);
  });

  it('warns about values that do not fit the ePCR field instead of importing garbage', () => {
    const xml = writeNemsisXml(toNemsisEmsDataSet(makeCompleteChart(), testContext)).replace(/<ePatient\.15>58</, '<ePatient.15>58.5<');
    const { reports, findings } = fromNemsisEmsDataSet(parseNemsisXml(xml), { now: IMPORTED_AT });
    expect(reports[0]?.patient.age).toBeUndefined();
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'epcr-import:value', path: 'patient.age' }));
  });

  it('refuses a document that is not an EMSDataSet with a clear finding', () => {
    const { reports, findings } = fromNemsisEmsDataSet(makeElement('DEMDataSet'));
    expect(reports).toEqual([]);
    expect(findings).toEqual([expect.objectContaining({ severity: 'ERROR', ruleId: 'epcr-import:root' })]);
  });
});
