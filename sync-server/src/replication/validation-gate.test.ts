import { describe, expect, it } from 'vitest';
import { validatePatientCareReport } from '@field/nemsis';
import { hasErrors, type PatientCareReport } from '@field/shared-model';
import { makePatientCareReport } from '@field/shared-model/testing';
import type { DocumentData } from './document-store';
import { gateExportContext, gatePatientCareReport } from './validation-gate';

/** The factory's realistic chart with GNIS city codes (NEMSIS wants codes, not names). */
function completeChart(seed: number): DocumentData {
  const chart = makePatientCareReport({ seed, realistic: true, agencyId: 'demo' });
  return {
    ...chart,
    patient: { ...chart.patient, address: { ...chart.patient.address, city: '2411856' } },
    disposition: { ...chart.disposition, destinationCity: '2411856' },
  };
}

describe('gatePatientCareReport (NEMSIS national rules)', () => {
  it('lets a complete chart through, with warnings attached', () => {
    const findings = gatePatientCareReport(completeChart(1));
    expect(hasErrors(findings)).toBe(false);
    expect(findings.length).toBeGreaterThan(0);
  });

  it('blocks a chart without narrative and unit disposition, pointing at the fields', () => {
    const doc = { ...completeChart(2), narrative: '', disposition: {} };
    const errors = gatePatientCareReport(doc).filter((f) => f.severity === 'ERROR');
    expect(errors.map((f) => f.path)).toEqual(expect.arrayContaining(['narrative', 'disposition.unitDisposition']));
  });

  it('reports exactly what the tablet\'s live panel reports for the same chart (CrewLink calls validatePatientCareReport(chart))', () => {
    const complete = completeChart(3);
    const drafts: DocumentData[] = [
      complete,
      { ...complete, narrative: '', disposition: {} },
      { ...complete, vitals: [], medications: [] },
      { ...makePatientCareReport({ seed: 4, agencyId: 'demo' }) },
    ];
    for (const doc of drafts) {
      expect(gatePatientCareReport(doc)).toEqual(validatePatientCareReport(doc as unknown as PatientCareReport));
    }
  });

  it('answers a malformed document with one ERROR instead of throwing', () => {
    const findings = gatePatientCareReport({ id: 'x', vitals: 'not a list' });
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'gate:unreadable', severity: 'ERROR' })]);
  });

  it('takes the agency from the document and keeps it within NEMSIS lengths', () => {
    const context = gateExportContext({ id: 'x', agencyId: 'a-very-long-agency-identifier' });
    expect(context.agency.stateId).toBe('a-very-long-agency-identifier');
    expect(context.agency.number).toHaveLength(15);
  });
});
