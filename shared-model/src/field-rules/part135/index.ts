export type { FlightLeg, DutyPeriod, RestPeriod, PilotLog, DutyRuleMode, Interval } from './types';
export { parsePilotLog, type ParsedPilotLog, type ParsedLeg, type ParsedDuty } from './parse-log';
export { maxWithinAnyWindow, sumWithin, gapsWithin, longestGapWithin, firstWindowWithoutRest } from './windows';
export {
  LIMITS_135_267,
  checkCumulativeFlightTime,
  checkDailyFlightTime,
  checkDutyAndRest,
  checkQuarterlyRestPeriods,
  requiredRestAfterOverrun,
} from './duty-rest-135-267';
export { LIMITS_135_271, checkHemsAssignments, requiredRestAfterHemsAssignment } from './hems-135-271';
export { RISK_ANALYSIS_ITEMS, checkRiskAnalysis, type RiskAnalysis, type RiskItemDefinition } from './risk-analysis-135-617';
export { checkVfrFuelReserve, requiredVfrReserveMinutes, type VfrFuelPlan } from './fuel-reserve-135-209';
export { validatePilotLog, type ValidatePilotLogOptions } from './validate-pilot-log';
export { validateFlightOperation, type FlightOperation } from './validate-flight-operation';
