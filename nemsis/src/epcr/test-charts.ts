/**
 * Test support (not exported from the package): the factory's realistic chart with the few values a
 * NEMSIS export needs in coded form (GNIS city codes instead of city names), and an agency context.
 */
import type { PatientCareReport } from '@field/shared-model';
import { makePatientCareReport } from '@field/shared-model/testing';
import type { EpcrExportContext } from './export-context';

export const NOW = new Date('2026-11-23T12:00:00Z');

export const testContext: EpcrExportContext = {
  agency: { stateId: 'WA-EMS-0412', number: 'MET-0412', state: 'WA', name: 'Metro Fire & EMS' },
  unit: { callSign: 'Medic 12', transportCapability: '2207015' },
  incident: { number: 'INC-2026-030100', typeOfService: '2205001', responseMode: '2223001', dispatchReason: '2301021', emdPerformed: '2302001' },
  timeZone: 'America/Los_Angeles',
};

/** The realistic chest-pain chart, complete for NEMSIS: cities as GNIS feature codes, phone in NANP form. */
export function makeCompleteChart(seed = 7): PatientCareReport {
  const chart = makePatientCareReport({ seed, realistic: true });
  return {
    ...chart,
    patient: { ...chart.patient, phone: '206-555-0147', address: { ...chart.patient.address, city: '2411856' } },
    disposition: { ...chart.disposition, destinationCity: '2411856' },
  };
}
