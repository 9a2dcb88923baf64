/** Test factories for replicated documents: `@field/shared-model/testing`. Deterministic ids and times. */
export {
  defaultAgencyId, defaultUnitId, factoryEpoch, makeId, makeTime, resetFactorySequence, type FactoryOptions,
} from './factory-sequence';
export { makeUser, type MakeUserOptions } from './make-user';
export { makeIncident, type MakeIncidentOptions } from './make-incident';
export {
  makePatientCareReport, type MakePatientCareReportOptions, type PatientCareReportFactoryOptions,
} from './make-patient-care-report';
