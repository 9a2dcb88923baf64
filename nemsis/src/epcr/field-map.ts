/**
 * The one table of ePCR field <-> NEMSIS element correspondences. The exporter, the importer and the
 * finding-path rewriter are all driven by it, so a field mapped here is exported, imported and
 * pointed at by validation findings alike.
 */

/** How a field's value is written as element text. */
export type ValueKind =
  | 'text' | 'code' | 'codes' | 'texts' | 'dateTime' | 'date' | 'integer' | 'decimal' | 'flag'
  | 'state' | 'phone' | 'gnis' | 'caregiverLevel';

export interface FieldMapping {
  /** Dotted path inside the chart (or inside one item of a repeating group). */
  field: string;
  /** NEMSIS element id, e.g. `eTimes.03`. */
  element: string;
  kind: ValueKind;
}

const m = (field: string, element: string, kind: ValueKind): FieldMapping => ({ field, element, kind });

/** Scalar (non-repeating) chart fields. */
export const chartFields: readonly FieldMapping[] = [
  m('id', 'eRecord.01', 'text'),
  m('unitId', 'eResponse.13', 'text'),
  m('times.psapCall', 'eTimes.01', 'dateTime'),
  m('times.dispatchNotified', 'eTimes.02', 'dateTime'),
  m('times.unitNotified', 'eTimes.03', 'dateTime'),
  m('times.dispatchAcknowledged', 'eTimes.04', 'dateTime'),
  m('times.enRoute', 'eTimes.05', 'dateTime'),
  m('times.onScene', 'eTimes.06', 'dateTime'),
  m('times.atPatient', 'eTimes.07', 'dateTime'),
  m('times.transferOfCare', 'eTimes.08', 'dateTime'),
  m('times.departedScene', 'eTimes.09', 'dateTime'),
  m('times.atDestination', 'eTimes.11', 'dateTime'),
  m('times.destinationTransfer', 'eTimes.12', 'dateTime'),
  m('times.backInService', 'eTimes.13', 'dateTime'),
  m('times.canceled', 'eTimes.14', 'dateTime'),
  m('patient.lastName', 'ePatient.02', 'text'),
  m('patient.firstName', 'ePatient.03', 'text'),
  m('patient.middleName', 'ePatient.04', 'text'),
  m('patient.address.street', 'ePatient.05', 'text'),
  m('patient.address.city', 'ePatient.06', 'gnis'),
  m('patient.address.county', 'ePatient.07', 'text'),
  m('patient.address.state', 'ePatient.08', 'state'),
  m('patient.address.postalCode', 'ePatient.09', 'text'),
  m('patient.address.country', 'ePatient.10', 'text'),
  m('patient.race', 'ePatient.14', 'codes'),
  m('patient.age', 'ePatient.15', 'integer'),
  m('patient.ageUnits', 'ePatient.16', 'code'),
  m('patient.dateOfBirth', 'ePatient.17', 'date'),
  m('patient.phone', 'ePatient.18', 'phone'),
  m('patient.gender', 'ePatient.25', 'code'),
  m('patient.weightKg', 'eExam.01', 'decimal'),
  m('situation.symptomOnset', 'eSituation.01', 'dateTime'),
  m('situation.possibleInjury', 'eSituation.02', 'code'),
  m('situation.complaintType', 'eSituation.03', 'code'),
  m('situation.chiefComplaint', 'eSituation.04', 'text'),
  m('situation.complaintDuration', 'eSituation.05', 'integer'),
  m('situation.complaintDurationUnits', 'eSituation.06', 'code'),
  m('situation.anatomicLocation', 'eSituation.07', 'code'),
  m('situation.organSystem', 'eSituation.08', 'code'),
  m('situation.primarySymptom', 'eSituation.09', 'text'),
  m('situation.otherSymptoms', 'eSituation.10', 'texts'),
  m('situation.providerPrimaryImpression', 'eSituation.11', 'text'),
  m('situation.providerSecondaryImpressions', 'eSituation.12', 'texts'),
  m('situation.initialAcuity', 'eSituation.13', 'code'),
  m('situation.workRelated', 'eSituation.14', 'code'),
  m('situation.lastKnownWell', 'eSituation.18', 'dateTime'),
  m('narrative', 'eNarrative.01', 'text'),
  m('disposition.destinationName', 'eDisposition.01', 'text'),
  m('disposition.destinationCode', 'eDisposition.02', 'text'),
  m('disposition.destinationStreet', 'eDisposition.03', 'text'),
  m('disposition.destinationCity', 'eDisposition.04', 'gnis'),
  m('disposition.destinationState', 'eDisposition.05', 'state'),
  m('disposition.destinationPostalCode', 'eDisposition.07', 'text'),
  m('disposition.transportMethod', 'eDisposition.16', 'code'),
  m('disposition.transportMode', 'eDisposition.17', 'code'),
  m('disposition.acuityOnRelease', 'eDisposition.19', 'code'),
  m('disposition.destinationType', 'eDisposition.21', 'code'),
  m('disposition.unitDisposition', 'eDisposition.27', 'code'),
  m('disposition.patientEvaluationCare', 'eDisposition.28', 'code'),
  m('disposition.crewDisposition', 'eDisposition.29', 'code'),
  m('disposition.transportDisposition', 'eDisposition.30', 'code'),
  m('disposition.refusalReasons', 'eDisposition.31', 'codes'),
  m('createdBy', 'eOther.08', 'text'),
];

/** A repeating group of the chart: one array item per group element. */
export interface GroupMapping {
  array: 'crew' | 'vitals' | 'medications' | 'procedures';
  group: string;
  fields: readonly FieldMapping[];
}

export const groupMappings: readonly GroupMapping[] = [
  { array: 'crew', group: 'eCrew.CrewGroup', fields: [
    m('id', 'eCrew.01', 'text'), m('level', 'eCrew.02', 'code'), m('role', 'eCrew.03', 'code'),
  ] },
  { array: 'vitals', group: 'eVitals.VitalGroup', fields: [
    m('takenAt', 'eVitals.01', 'dateTime'), m('obtainedPriorToCare', 'eVitals.02', 'flag'),
    m('cardiacRhythm', 'eVitals.03', 'codes'), m('systolic', 'eVitals.06', 'integer'),
    m('diastolic', 'eVitals.07', 'integer'), m('bloodPressureMethod', 'eVitals.08', 'code'),
    m('heartRate', 'eVitals.10', 'integer'), m('spo2', 'eVitals.12', 'integer'),
    m('respiratoryRate', 'eVitals.14', 'integer'), m('etco2', 'eVitals.16', 'integer'),
    m('carbonMonoxide', 'eVitals.17', 'decimal'), m('bloodGlucose', 'eVitals.18', 'integer'),
    m('gcsEye', 'eVitals.19', 'integer'), m('gcsVerbal', 'eVitals.20', 'integer'),
    m('gcsMotor', 'eVitals.21', 'integer'), m('gcsTotal', 'eVitals.23', 'integer'),
    m('temperature', 'eVitals.24', 'decimal'), m('temperatureMethod', 'eVitals.25', 'code'),
    m('responsiveness', 'eVitals.26', 'code'), m('painScale', 'eVitals.27', 'integer'),
    m('strokeScaleResult', 'eVitals.29', 'code'),
  ] },
  { array: 'medications', group: 'eMedications.MedicationGroup', fields: [
    m('givenAt', 'eMedications.01', 'dateTime'), m('priorToCare', 'eMedications.02', 'flag'),
    m('code', 'eMedications.03', 'text'), m('route', 'eMedications.04', 'code'),
    m('dose', 'eMedications.05', 'decimal'), m('doseUnit', 'eMedications.06', 'code'),
    m('response', 'eMedications.07', 'code'), m('complications', 'eMedications.08', 'codes'),
    m('administeredBy', 'eMedications.09', 'text'), m('administeredByLevel', 'eMedications.10', 'caregiverLevel'),
  ] },
  { array: 'procedures', group: 'eProcedures.ProcedureGroup', fields: [
    m('performedAt', 'eProcedures.01', 'dateTime'), m('priorToCare', 'eProcedures.02', 'flag'),
    m('code', 'eProcedures.03', 'text'), m('equipmentSize', 'eProcedures.04', 'text'),
    m('attempts', 'eProcedures.05', 'integer'), m('successful', 'eProcedures.06', 'flag'),
    m('complications', 'eProcedures.07', 'codes'), m('response', 'eProcedures.08', 'code'),
    m('performedBy', 'eProcedures.09', 'text'), m('performedByLevel', 'eProcedures.10', 'caregiverLevel'),
    m('vascularAccessLocation', 'eProcedures.13', 'code'),
  ] },
];

/** Signature and photo items (eOther), mapped by hand in the exporter and importer. */
export const otherGroupFields: Record<'signatures' | 'photos', { group: string; fields: Record<string, string> }> = {
  signatures: { group: 'eOther.SignatureGroup', fields: {
    kind: 'eOther.12', signerName: 'eOther.20', signedAt: 'eOther.19', attachmentSha256: 'eOther.16',
  } },
  photos: { group: 'eOther.FileGroup', fields: { caption: 'eOther.22', contentType: 'eOther.10', attachmentSha256: 'eOther.11' } },
};

const fieldByElement = new Map<string, string>();
const elementByField = new Map<string, string>();
for (const f of chartFields) {
  fieldByElement.set(f.element, f.field);
  elementByField.set(f.field, f.element);
}
for (const g of groupMappings) {
  for (const f of g.fields) {
    fieldByElement.set(f.element, `${g.array}[].${f.field}`);
    elementByField.set(`${g.array}[].${f.field}`, f.element);
  }
}
for (const [array, { fields }] of Object.entries(otherGroupFields)) {
  for (const [field, element] of Object.entries(fields)) {
    fieldByElement.set(element, `${array}[].${field}`);
    elementByField.set(`${array}[].${field}`, element);
  }
}
fieldByElement.set('eOther.13', 'signatures[].kind');
fieldByElement.set('eOther.21', 'signatures[].signerName');

/** The repeating groups that map to chart arrays, by group element name. */
export const arrayByGroup: ReadonlyMap<string, string> = new Map([
  ...groupMappings.map((g) => [g.group, g.array] as const),
  ...Object.entries(otherGroupFields).map(([array, g]) => [g.group, array] as const),
]);

/**
 * The ePCR field an element maps to: `times.unitNotified` for `eTimes.03`, `vitals[].systolic` for
 * `eVitals.06` (`[]` stands for "the item"). Undefined for elements the ePCR does not hold.
 */
export function epcrFieldForElement(elementId: string): string | undefined {
  return fieldByElement.get(elementId);
}

/**
 * The NEMSIS element of an ePCR field path: `patient.lastName`, `vitals[id=abc].systolic` or
 * `vitals[].systolic` (item selectors are ignored). Undefined for fields that are not NEMSIS elements.
 */
export function elementForEpcrField(path: string): string | undefined {
  return elementByField.get(path.replace(/\[[^\]]*\]/g, '[]'));
}
