export { toNemsisEmsDataSet, toNemsisPatientCareReport } from './to-nemsis';
export { fromNemsisEmsDataSet, type FromNemsisEmsDataSetOptions, type ImportedPatientCareReports } from './from-nemsis';
export {
  validatePatientCareReport, checkCompletionRules, chartCheckContext, chartCheckDefaults, type ValidatePatientCareReportOptions,
} from './validate-patient-care-report';
export { epcrFieldForElement, elementForEpcrField } from './field-map';
export { epcrPathForLocation } from './finding-path';
export { formatNemsisDateTime, parseNemsisDateTime } from './date-time';
export type { EpcrExportContext, EpcrAgencyContext, EpcrIncidentContext, EpcrUnitContext } from './export-context';
