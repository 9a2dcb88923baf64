export * from './fire-incident';
export { NFIRS_RULE_SOURCES, type NfirsRuleId, type NfirsRuleSource } from './nfirs-rule-sources';
export { validateFireIncident, checkRequiredBasic } from './nfirs-rules';
export { checkModuleRules, isAidGivenBasicOnly } from './nfirs-module-rules';
export { checkTimeRules } from './nfirs-time-rules';
export { checkCriticalEdits } from './nfirs-critical-edits';
export {
  mapIncidentTypeToNeris, mapPropertyUseToNeris, findNerisIncidentTypes, findNerisLocationUses,
  type CrosswalkResult, type NerisIncidentType, type NerisLocationUse,
} from './neris-crosswalk';
export { exportNerisIncident, exportNerisIncidents, type NerisIncidentJson, type NerisExportOptions, type NerisRangeExportOptions } from './neris-export';
export { exportNfirsTransactions, buildNfirsTransactions, formatNfirsDateTime, type NfirsExportOptions, type NfirsTransactionType } from './nfirs-export';
export { NERIS_INCIDENT_TYPES, NERIS_LOCATION_USES, CROSSWALK_NOTES, type NerisIncidentTypeRow, type NerisLocationUseRow } from '../generated/neris/neris-crosswalk-data';
