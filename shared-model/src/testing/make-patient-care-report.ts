import {
  blankChartSections, type MedicationGiven, type PatientCareReport, type ProcedurePerformed, type VitalSigns,
} from '../documents/patient-care-report';
import {
  defaultAgencyId, defaultUnitId, makeId, makeSha256, makeTime, takeSeed, type FactoryOptions,
} from './factory-sequence';

export interface PatientCareReportFactoryOptions extends FactoryOptions {
  /** A full chart (~8 KB): several vitals, medications, procedures, a narrative, signature and photo. */
  realistic?: boolean;
}

export type MakePatientCareReportOptions = Partial<PatientCareReport> & PatientCareReportFactoryOptions;

/** Item kinds, so ids of different arrays never collide. */
const kind = { chart: 1, crew: 11, vitals: 12, medications: 13, procedures: 14, signatures: 15, photos: 16 } as const;

/**
 * An ePCR of the default agency and unit, created by `user-crew-1`. Minimal by default (a fresh
 * draft), a complete chest-pain chart with `{ realistic: true }`. Overrides replace top-level fields.
 */
export function makePatientCareReport(overrides: MakePatientCareReportOptions = {}): PatientCareReport {
  const { seed: seedOption, realistic = false, ...fields } = overrides;
  const seed = takeSeed(seedOption);
  const chart: PatientCareReport = {
    id: makeId(seed, kind.chart),
    agencyId: defaultAgencyId,
    updatedAt: makeTime(seed, 5),
    editedAt: makeTime(seed, 5),
    createdBy: 'user-crew-1',
    unitId: defaultUnitId,
    status: 'draft',
    crew: [
      { id: 'user-crew-1', name: 'Dana Whitfield', role: '2403011', level: '9925007' },
      { id: 'user-crew-2', name: 'Sam Oduya', role: '2403003', level: '9925005' },
    ],
    times: { psapCall: makeTime(seed, 0), unitNotified: makeTime(seed, 1) },
    ...blankChartSections(),
  };
  return { ...(realistic ? addRealisticContent(chart, seed) : chart), ...fields };
}

function addRealisticContent(chart: PatientCareReport, seed: number): PatientCareReport {
  const t = (minutes: number): string => makeTime(seed, minutes);
  return {
    ...chart,
    status: 'in_progress',
    editedAt: t(58),
    updatedAt: t(58),
    times: {
      psapCall: t(0), dispatchNotified: t(0.5), unitNotified: t(1), enRoute: t(2), onScene: t(9),
      atPatient: t(10), departedScene: t(27), atDestination: t(41), destinationTransfer: t(48), backInService: t(62),
    },
    patient: {
      lastName: 'Okafor', firstName: 'James', middleName: 'T',
      address: { street: '1200 Harbor View Drive', city: 'Port Alden', county: '53033', state: 'WA', postalCode: '98101', country: 'US' },
      race: ['2514005'], age: 58, ageUnits: '2516009', dateOfBirth: '1967-08-14', phone: '+1-206-555-0147',
      gender: '9919003', weightKg: 94,
    },
    situation: {
      symptomOnset: t(-35), possibleInjury: '9922001', complaintType: '2803001',
      chiefComplaint: 'Crushing substernal chest pain radiating to left arm', complaintDuration: 35,
      complaintDurationUnits: '2806003', primarySymptom: 'R07.9', otherSymptoms: ['R06.02', 'R11.0', 'R61'],
      providerPrimaryImpression: 'I21.9', providerSecondaryImpressions: ['I10'], initialAcuity: '2813001',
      workRelated: '9922001', lastKnownWell: t(-35),
    },
    vitals: [
      vitalSet(seed, 0, t(11), { systolic: 168, diastolic: 98, heartRate: 104, respiratoryRate: 22, spo2: 93, painScale: 8, bloodGlucose: 142 }),
      vitalSet(seed, 1, t(17), { systolic: 154, diastolic: 92, heartRate: 98, respiratoryRate: 20, spo2: 96, painScale: 6, etco2: 36 }),
      vitalSet(seed, 2, t(26), { systolic: 146, diastolic: 88, heartRate: 92, respiratoryRate: 18, spo2: 97, painScale: 4, etco2: 35 }),
      vitalSet(seed, 3, t(38), { systolic: 140, diastolic: 86, heartRate: 88, respiratoryRate: 18, spo2: 98, painScale: 3, etco2: 35 }),
    ],
    medications: [
      medication(seed, 0, t(13), { code: '1191', name: 'Aspirin 81 mg chewable', route: '9927035', dose: 324, doseUnit: '3706021' }),
      medication(seed, 1, t(15), { code: '4917', name: 'Nitroglycerin 0.4 mg SL', route: '9927047', dose: 0.4, doseUnit: '3706021' }),
      medication(seed, 2, t(20), { code: '4917', name: 'Nitroglycerin 0.4 mg SL (repeat)', route: '9927047', dose: 0.4, doseUnit: '3706021' }),
      medication(seed, 3, t(24), { code: '4337', name: 'Fentanyl', route: '9927023', dose: 50, doseUnit: '3706015' }),
    ],
    procedures: [
      procedure(seed, 0, t(12), { code: '268400002', name: '12 lead ECG', attempts: 1, successful: true }),
      procedure(seed, 1, t(14), { code: '392230005', name: 'Peripheral IV, 18 ga left antecubital', attempts: 1, successful: true, equipmentSize: '18', vascularAccessLocation: '3913005' }),
      procedure(seed, 2, t(16), { code: '371907003', name: 'Oxygen via nasal cannula, 2 L/min', attempts: 1, successful: true }),
      procedure(seed, 3, t(30), { code: '268400002', name: 'Repeat 12 lead ECG en route', attempts: 1, successful: true }),
    ],
    narrative: narrativeText,
    disposition: {
      destinationName: 'Harborview Medical Center', destinationCode: 'HMC-001', destinationStreet: '325 9th Ave',
      destinationCity: 'Seattle', destinationState: 'WA', destinationPostalCode: '98104', transportMethod: '4216005',
      transportMode: '4217001', acuityOnRelease: '4219003', destinationType: '4221003', unitDisposition: '4227001',
      patientEvaluationCare: '4228001', crewDisposition: '4229001', transportDisposition: '4230001',
    },
    signatures: [
      { id: makeId(seed, kind.signatures, 0), kind: 'patient-consent', signerName: 'James Okafor', signedAt: t(12), attachmentSha256: makeSha256(seed, 1) },
      { id: makeId(seed, kind.signatures, 1), kind: 'receiving-facility', signerName: 'RN Priya Natarajan', signedAt: t(48), attachmentSha256: makeSha256(seed, 2) },
    ],
    photos: [
      { id: makeId(seed, kind.photos, 0), caption: '12 lead ECG, ST elevation II, III, aVF', takenAt: t(12), attachmentSha256: makeSha256(seed, 3), contentType: 'image/jpeg' },
    ],
  };
}

function vitalSet(seed: number, index: number, takenAt: string, values: Partial<VitalSigns>): VitalSigns {
  return {
    id: makeId(seed, kind.vitals, index), takenAt, obtainedPriorToCare: false, cardiacRhythm: ['9901051'],
    bloodPressureMethod: '3308005', gcsEye: 4, gcsVerbal: 5, gcsMotor: 6, gcsTotal: 15, temperature: 36.9,
    responsiveness: '3326001', ...values,
  };
}

function medication(seed: number, index: number, givenAt: string, values: Partial<MedicationGiven>): MedicationGiven {
  return {
    id: makeId(seed, kind.medications, index), givenAt, priorToCare: false, response: '9916001',
    administeredBy: 'user-crew-1', administeredByLevel: '9925007', ...values,
  };
}

function procedure(seed: number, index: number, performedAt: string, values: Partial<ProcedurePerformed>): ProcedurePerformed {
  return {
    id: makeId(seed, kind.procedures, index), performedAt, priorToCare: false, response: '9916001',
    performedBy: 'user-crew-2', performedByLevel: '9925005', ...values,
  };
}

const narrativeText = [
  'Dispatched priority 2 to a private residence for a 58 year old male with chest pain. Arrived to find the patient',
  'seated upright on the living room couch, alert and oriented x4, pale, diaphoretic, clutching his chest. Patient',
  'states crushing substernal chest pain that began approximately 35 minutes prior while carrying groceries, radiating',
  'to the left arm and jaw, rated 8/10, not relieved by rest. Associated shortness of breath and nausea, no vomiting.',
  'History of hypertension and hyperlipidemia; takes lisinopril and atorvastatin; no known drug allergies. Wife on scene',
  'confirms history. Denies recent trauma, fever or similar episodes.',
  '',
  'Initial assessment: airway patent, breathing slightly labored at 22, lung sounds clear and equal bilaterally. Skin',
  'pale, cool and diaphoretic. Radial pulses strong and regular at 104. 12 lead ECG acquired at 14:12 shows ST elevation',
  'in leads II, III and aVF with reciprocal depression in I and aVL; STEMI alert transmitted to Harborview at 14:13 and',
  'acknowledged by the cath lab. Aspirin 324 mg PO chewed. 18 ga IV established left antecubital on first attempt, saline',
  'lock. Nitroglycerin 0.4 mg SL given after confirming SBP above 110 and right-sided leads negative for RV involvement;',
  'repeated once after 5 minutes with pain decreasing to 6/10. Oxygen 2 L/min by nasal cannula for SpO2 93 percent.',
  'Fentanyl 50 mcg IV for persistent pain; pain decreased to 4/10 with no respiratory depression.',
  '',
  'Patient moved to the stretcher by stair chair, secured in semi-Fowler position, and transported emergent to',
  'Harborview Medical Center. Continuous cardiac monitoring en route; repeat 12 lead at 14:30 unchanged. No arrhythmia',
  'noted. Vitals trended down toward baseline as documented. Patient remained alert and conversant throughout transport.',
  'On arrival met by the cath lab team; verbal and written report given to RN Natarajan, who signed for transfer of care',
  'at 14:48. Patient belongings (wallet, phone, reading glasses) handed to the wife, who followed by private vehicle.',
  'Unit decontaminated and returned to service at 15:02.',
].join('\n');
