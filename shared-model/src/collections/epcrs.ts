import { canReadPatientCareReport, canWritePatientCareReport } from '../access/patient-care-report-access';
import { patientCareReportSchema, type PatientCareReport } from '../documents/patient-care-report';
import type { CollectionDefinition } from './collection-definition';

export const epcrsCollection: CollectionDefinition<PatientCareReport> = {
  name: 'epcrs',
  schemaVersion: patientCareReportSchema.version,
  schema: patientCareReportSchema,
  serverOnlyFields: ['updatedAt', 'findings', 'lockedAt', 'lockedBy'],
  idKeyedArrays: ['crew', 'vitals', 'medications', 'procedures', 'signatures', 'photos', 'addenda'],
  appendOnlyWhenLocked: ['addenda'],
  readScopeFields: ['agencyId', 'unitId', 'createdBy'],
  canRead: canReadPatientCareReport,
  canWrite: canWritePatientCareReport,
};
