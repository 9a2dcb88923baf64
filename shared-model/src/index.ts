export { hasErrors, type Finding, type Severity } from './finding';
// Replication model: documents, collections, access rules, merge.
export { type Role, type AuthUser, type AccessDecision, roles, hasAnyRole } from './access/auth-user';
export { canReviewSyncIssues } from './access/review-access';
export { canReadPatientCareReport, canWritePatientCareReport } from './access/patient-care-report-access';
export { canReadIncident, canWriteIncident } from './access/incident-access';
export { type JsonSchema, type JsonSchemaType, listSchemaFields } from './documents/json-schema';
export { syncRefusalCodes, type ReplicatedDocument, type SyncRefusalCode, type WireDocument } from './documents/replicated-document';
export {
  patientCareReportSchema, patientCareReportStatuses, signatureKinds, blankChartSections, type PatientCareReport,
  type PatientCareReportStatus, type VitalSigns, type MedicationGiven, type ProcedurePerformed, type Signature,
  type Photo, type Addendum, type CrewMember,
} from './documents/patient-care-report';
export { incidentSchema, incidentStatuses, type Incident, type IncidentStatus, type IncidentNote } from './documents/incident';
export { attachmentReferencesOf } from './documents/attachment-references';
export { type CollectionName, type CollectionDefinition, readScopeOf } from './collections/collection-definition';
export { collections, collectionNames, getCollection } from './collections/registry';
export {
  mergeDocuments, compareInstants, type MergeInput, type MergeResult, type FieldConflict,
} from './merge/merge-documents';
export * from './field-rules/index';
