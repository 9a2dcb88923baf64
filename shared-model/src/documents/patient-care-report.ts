import type { FromSchema } from 'json-schema-to-ts';
import {
  closedObject, date, dateTime, decimal, flag, identifier, idKeyedArray, integer, nemsisCode, nemsisCodes,
  oneOf, sha256, text,
} from './json-schema';
import { replicatedDocumentProperties, replicatedDocumentRequired } from './replicated-document';

/**
 * The ePCR (patient care report), NEMSIS v3.5.1 shaped. Every field's `description` starts with
 * the NEMSIS element it maps to (checked against EMSDataSet_ElementDetails_Full.txt), or says
 * "Not a NEMSIS element". Code-list fields hold the NEMSIS code (e.g. ePatient.25 `9919001`).
 * The schema is the single definition: {@link PatientCareReport} is derived from it.
 */

export const patientCareReportStatuses = ['draft', 'in_progress', 'completed', 'locked'] as const;
export type PatientCareReportStatus = (typeof patientCareReportStatuses)[number];

export const signatureKinds = ['patient-consent', 'patient-refusal', 'crew', 'receiving-facility'] as const;

const crew = idKeyedArray({
  id: identifier('eCrew.01 Crew Member ID'),
  name: text('Crew member display name. Not a NEMSIS element (dPersonnel holds it).', 120),
  role: text('eCrew.03 Crew Member Response Role (NEMSIS code, e.g. 2403011 Primary Patient Caregiver-At Scene)', 60),
  level: nemsisCode('eCrew.02 Crew Member Level'),
}, ['id', 'name', 'role'], 'eCrew.CrewGroup Crew members on this response', 20);

const times = closedObject({
  psapCall: dateTime('eTimes.01 PSAP Call Date/Time'),
  dispatchNotified: dateTime('eTimes.02 Dispatch Notified Date/Time'),
  unitNotified: dateTime('eTimes.03 Unit Notified by Dispatch Date/Time'),
  dispatchAcknowledged: dateTime('eTimes.04 Dispatch Acknowledged Date/Time'),
  enRoute: dateTime('eTimes.05 Unit En Route Date/Time'),
  onScene: dateTime('eTimes.06 Unit Arrived on Scene Date/Time'),
  atPatient: dateTime('eTimes.07 Arrived at Patient Date/Time'),
  transferOfCare: dateTime('eTimes.08 Transfer of EMS Patient Care Date/Time'),
  departedScene: dateTime('eTimes.09 Unit Left Scene Date/Time'),
  atDestination: dateTime('eTimes.11 Patient Arrived at Destination Date/Time'),
  destinationTransfer: dateTime('eTimes.12 Destination Patient Transfer of Care Date/Time'),
  backInService: dateTime('eTimes.13 Unit Back in Service Date/Time'),
  canceled: dateTime('eTimes.14 Unit Canceled Date/Time'),
}, [], 'eTimes Response time stamps');

const patientAddress = closedObject({
  street: text('ePatient.05 Patient\'s Home Address', 255),
  city: text('ePatient.06 Patient\'s Home City', 100),
  county: text('ePatient.07 Patient\'s Home County (ANSI county code)', 10),
  state: text('ePatient.08 Patient\'s Home State (ANSI state code or abbreviation)', 10),
  postalCode: text('ePatient.09 Patient\'s Home ZIP Code', 10),
  country: text('ePatient.10 Patient\'s Country of Residence (ANSI country code)', 10),
}, [], 'ePatient.HomeAddressGroup Patient\'s home address');

const patient = closedObject({
  lastName: text('ePatient.02 Last Name', 60),
  firstName: text('ePatient.03 First Name', 50),
  middleName: text('ePatient.04 Middle Initial/Name', 50),
  address: patientAddress,
  race: nemsisCodes('ePatient.14 Race (NEMSIS codes, e.g. 2514011 White)'),
  age: integer('ePatient.15 Age', 0, 150),
  ageUnits: nemsisCode('ePatient.16 Age Units (2516009 Years, 2516007 Months, 2516001 Days, 2516003 Hours, 2516005 Minutes)'),
  dateOfBirth: date('ePatient.17 Date of Birth'),
  phone: text('ePatient.18 Patient\'s Phone Number', 30),
  gender: nemsisCode('ePatient.25 Sex (9919001 Female, 9919003 Male, 9919005 Unknown); ePatient.13 Gender is deprecated'),
  weightKg: decimal('eExam.01 Estimated Body Weight in Kilograms', 0, 1000),
}, [], 'ePatient Patient information');

const situation = closedObject({
  symptomOnset: dateTime('eSituation.01 Date/Time of Symptom Onset'),
  possibleInjury: nemsisCode('eSituation.02 Possible Injury (9922005 Yes, 9922001 No, 9922003 Unknown)'),
  complaintType: nemsisCode('eSituation.03 Complaint Type'),
  chiefComplaint: text('eSituation.04 Complaint', 255),
  complaintDuration: integer('eSituation.05 Duration of Complaint', 0, 100000),
  complaintDurationUnits: nemsisCode('eSituation.06 Time Units of Duration of Complaint'),
  anatomicLocation: nemsisCode('eSituation.07 Chief Complaint Anatomic Location'),
  organSystem: nemsisCode('eSituation.08 Chief Complaint Organ System'),
  primarySymptom: text('eSituation.09 Primary Symptom (ICD-10-CM code)', 20),
  otherSymptoms: { type: 'array', maxItems: 50, items: text('eSituation.10 Other Associated Symptoms (ICD-10-CM code)', 20), description: 'eSituation.10 Other Associated Symptoms' },
  providerPrimaryImpression: text('eSituation.11 Provider\'s Primary Impression (ICD-10-CM code)', 20),
  providerSecondaryImpressions: { type: 'array', maxItems: 50, items: text('eSituation.12 Provider\'s Secondary Impressions (ICD-10-CM code)', 20), description: 'eSituation.12 Provider\'s Secondary Impressions' },
  initialAcuity: nemsisCode('eSituation.13 Initial Patient Acuity (2813001 Critical, 2813003 Emergent, 2813005 Lower Acuity)'),
  workRelated: nemsisCode('eSituation.14 Work-Related Illness/Injury'),
  lastKnownWell: dateTime('eSituation.18 Date/Time Last Known Well'),
}, [], 'eSituation Situation: complaint, symptoms, impressions');

const vitals = idKeyedArray({
  id: identifier('eVitals.VitalGroup item id. Not a NEMSIS element.'),
  takenAt: dateTime('eVitals.01 Date/Time Vital Signs Taken'),
  obtainedPriorToCare: flag('eVitals.02 Obtained Prior to this Unit\'s EMS Care'),
  cardiacRhythm: nemsisCodes('eVitals.03 Cardiac Rhythm / Electrocardiography (ECG)'),
  systolic: integer('eVitals.06 SBP (Systolic Blood Pressure), mmHg', 0, 500),
  diastolic: integer('eVitals.07 DBP (Diastolic Blood Pressure), mmHg', 0, 300),
  bloodPressureMethod: nemsisCode('eVitals.08 Method of Blood Pressure Measurement'),
  heartRate: integer('eVitals.10 Heart Rate, beats per minute', 0, 400),
  spo2: integer('eVitals.12 Pulse Oximetry, percent', 0, 100),
  respiratoryRate: integer('eVitals.14 Respiratory Rate, breaths per minute', 0, 100),
  etco2: integer('eVitals.16 End Tidal Carbon Dioxide (ETCO2), mmHg', 0, 200),
  carbonMonoxide: decimal('eVitals.17 Carbon Monoxide (CO), percent', 0, 100),
  bloodGlucose: integer('eVitals.18 Blood Glucose Level, mg/dL', 0, 2000),
  gcsEye: integer('eVitals.19 Glasgow Coma Score-Eye', 1, 4),
  gcsVerbal: integer('eVitals.20 Glasgow Coma Score-Verbal', 1, 5),
  gcsMotor: integer('eVitals.21 Glasgow Coma Score-Motor', 1, 6),
  gcsTotal: integer('eVitals.23 Total Glasgow Coma Score', 3, 15),
  temperature: decimal('eVitals.24 Temperature, degrees Celsius', 0, 50),
  temperatureMethod: nemsisCode('eVitals.25 Temperature Method'),
  responsiveness: nemsisCode('eVitals.26 Level of Responsiveness (AVPU) (3326001 Alert .. 3326007 Unresponsive)'),
  painScale: integer('eVitals.27 Pain Scale Score', 0, 10),
  strokeScaleResult: nemsisCode('eVitals.29 Stroke Scale Result'),
}, ['id', 'takenAt'], 'eVitals.VitalGroup Vital signs, one item per set taken');

const medications = idKeyedArray({
  id: identifier('eMedications.MedicationGroup item id. Not a NEMSIS element.'),
  givenAt: dateTime('eMedications.01 Date/Time Medication Administered'),
  priorToCare: flag('eMedications.02 Medication Administered Prior to this Unit\'s EMS Care'),
  code: text('eMedications.03 Medication Administered (RxNorm code)', 20),
  name: text('Medication display name. Not a NEMSIS element (the code is eMedications.03 Medication Administered).', 120),
  route: nemsisCode('eMedications.04 Medication Administered Route (e.g. 9927023 Intravenous)'),
  dose: decimal('eMedications.05 Medication Dosage', 0, 100000),
  doseUnit: nemsisCode('eMedications.06 Medication Dosage Units (e.g. 3706021 Milligrams)'),
  response: nemsisCode('eMedications.07 Response to Medication (9916001 Improved, 9916003 Unchanged, 9916005 Worse)'),
  complications: nemsisCodes('eMedications.08 Medication Complication'),
  administeredBy: identifier('eMedications.09 Medication Crew (Healthcare Professionals) ID'),
  administeredByLevel: nemsisCode('eMedications.10 Role/Type of Person Administering Medication'),
}, ['id', 'givenAt'], 'eMedications.MedicationGroup Medications given');

const procedures = idKeyedArray({
  id: identifier('eProcedures.ProcedureGroup item id. Not a NEMSIS element.'),
  performedAt: dateTime('eProcedures.01 Date/Time Procedure Performed'),
  priorToCare: flag('eProcedures.02 Procedure Performed Prior to this Unit\'s EMS Care'),
  code: text('eProcedures.03 Procedure (SNOMED CT code)', 20),
  name: text('Procedure display name. Not a NEMSIS element (the code is eProcedures.03 Procedure).', 120),
  equipmentSize: text('eProcedures.04 Size of Procedure Equipment', 20),
  attempts: integer('eProcedures.05 Number of Procedure Attempts', 0, 100),
  successful: flag('eProcedures.06 Procedure Successful'),
  complications: nemsisCodes('eProcedures.07 Procedure Complication'),
  response: nemsisCode('eProcedures.08 Response to Procedure'),
  performedBy: identifier('eProcedures.09 Procedure Crew Members ID'),
  performedByLevel: nemsisCode('eProcedures.10 Role/Type of Person Performing the Procedure'),
  vascularAccessLocation: nemsisCode('eProcedures.13 Vascular Access Location'),
}, ['id', 'performedAt'], 'eProcedures.ProcedureGroup Procedures performed');

const disposition = closedObject({
  destinationName: text('eDisposition.01 Destination/Transferred To, Name', 100),
  destinationCode: text('eDisposition.02 Destination/Transferred To, Code', 50),
  destinationStreet: text('eDisposition.03 Destination Street Address', 255),
  destinationCity: text('eDisposition.04 Destination City', 100),
  destinationState: text('eDisposition.05 Destination State', 10),
  destinationPostalCode: text('eDisposition.07 Destination ZIP Code', 10),
  transportMethod: nemsisCode('eDisposition.16 EMS Transport Method'),
  transportMode: nemsisCode('eDisposition.17 Transport Mode from Scene'),
  acuityOnRelease: nemsisCode('eDisposition.19 Acuity Upon EMS Release of Patient'),
  destinationType: nemsisCode('eDisposition.21 Type of Destination'),
  unitDisposition: nemsisCode('eDisposition.27 Unit Disposition (e.g. 4227001 Patient Contact Made)'),
  patientEvaluationCare: nemsisCode('eDisposition.28 Patient Evaluation/Care'),
  crewDisposition: nemsisCode('eDisposition.29 Crew Disposition'),
  transportDisposition: nemsisCode('eDisposition.30 Transport Disposition'),
  refusalReasons: nemsisCodes('eDisposition.31 Reason for Refusal/Release'),
}, [], 'eDisposition Disposition and destination');

const signatures = idKeyedArray({
  id: identifier('eOther.SignatureGroup item id. Not a NEMSIS element.'),
  kind: oneOf(signatureKinds, 'eOther.12 Type of Person Signing / eOther.13 Signature Reason (mapped by the exporter)'),
  signerName: text('eOther.20 Signature Last Name and eOther.21 Signature First Name (full name as signed)', 120),
  signedAt: dateTime('eOther.19 Date/Time of Signature'),
  attachmentSha256: sha256('eOther.18 Signature Graphic, stored as a content-addressed attachment'),
}, ['id', 'kind', 'signerName', 'signedAt', 'attachmentSha256'], 'eOther.SignatureGroup Signatures', 20);

const photos = idKeyedArray({
  id: identifier('eOther.FileGroup item id. Not a NEMSIS element.'),
  caption: text('eOther.22 File Attachment Name (caption shown to the crew)', 255),
  takenAt: dateTime('Time the photo was taken. Not a NEMSIS element.'),
  attachmentSha256: sha256('eOther.11 File Attachment Image, stored as a content-addressed attachment'),
  contentType: text('eOther.10 File Attachment Type (MIME type)', 100),
}, ['id', 'takenAt', 'attachmentSha256', 'contentType'], 'eOther.FileGroup Scene photos', 50);

const addenda = idKeyedArray({
  id: identifier('Addendum id. Not a NEMSIS element.'),
  authorId: identifier('Author user id. Not a NEMSIS element.'),
  authorName: text('Author display name. Not a NEMSIS element.', 120),
  writtenAt: dateTime('Time the addendum was written. Not a NEMSIS element.'),
  text: text('Addendum text, appended after the chart was locked or completed. Not a NEMSIS element.', 10000),
}, ['id', 'authorId', 'authorName', 'writtenAt', 'text'], 'Addenda to a completed or locked chart. Not a NEMSIS element.', 200);

const findings = {
  type: 'array',
  maxItems: 1000,
  description: 'Server-only: findings of the validation gate (the Finding shape). Not a NEMSIS element.',
  items: closedObject({
  ruleId: text('Stable rule id, e.g. nemSch_e005. Not a NEMSIS element.', 120),
  severity: oneOf(['ERROR', 'WARNING'] as const, 'ERROR blocks completion; WARNING never does. Not a NEMSIS element.'),
  path: text('Field path or XPath-like location the finding points at. Not a NEMSIS element.', 500),
  message: text('What is wrong, in words the crew understands. Not a NEMSIS element.', 2000),
  }, ['ruleId', 'severity', 'path', 'message'], 'Finding'),
} as const;

export const patientCareReportSchema = {
  title: 'epcrs',
  description: 'NEMSIS v3.5.1 shaped patient care report (ePCR)',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...replicatedDocumentProperties,
    id: identifier('eRecord.01 Patient Care Report Number: client-generated UUID, primary key'),
    createdBy: identifier('User id of the crew member who created the chart; eOther.08 Crew Member Completing this Report'),
    unitId: identifier('eResponse.13 EMS Vehicle (Unit) Number of the responding unit'),
    incidentId: identifier('Id of the dispatch incident; its incidentNumber is eResponse.03 Incident Number'),
    status: oneOf(patientCareReportStatuses, 'Chart workflow status. Not a NEMSIS element (drives the validation gate and locking).'),
    crew,
    times,
    patient,
    situation,
    vitals,
    medications,
    procedures,
    narrative: text('eNarrative.01 Patient Care Report Narrative', 10000),
    disposition,
    signatures,
    photos,
    addenda,
    findings,
    lockedAt: dateTime('Server-only: when a supervisor locked the chart. Not a NEMSIS element.'),
    lockedBy: identifier('Server-only: user id of the supervisor who locked the chart. Not a NEMSIS element.'),
  },
  required: [
    ...replicatedDocumentRequired, 'createdBy', 'unitId', 'status', 'crew', 'times', 'patient', 'situation',
    'vitals', 'medications', 'procedures', 'disposition', 'signatures', 'photos', 'addenda', 'findings',
  ],
} as const;

export type PatientCareReport = FromSchema<typeof patientCareReportSchema>;
export type VitalSigns = PatientCareReport['vitals'][number];
export type MedicationGiven = PatientCareReport['medications'][number];
export type ProcedurePerformed = PatientCareReport['procedures'][number];
export type Signature = PatientCareReport['signatures'][number];
export type Photo = PatientCareReport['photos'][number];
export type Addendum = PatientCareReport['addenda'][number];
export type CrewMember = PatientCareReport['crew'][number];

/**
 * The empty sections a new chart starts with (the schema requires every one). One definition for the
 * app's "new chart" and the test factories.
 */
export function blankChartSections(): Pick<PatientCareReport,
  'patient' | 'situation' | 'vitals' | 'medications' | 'procedures' | 'disposition' | 'signatures' | 'photos' | 'addenda' | 'findings'> {
  return {
    patient: {}, situation: {}, vitals: [], medications: [], procedures: [], disposition: {},
    signatures: [], photos: [], addenda: [], findings: [],
  };
}
