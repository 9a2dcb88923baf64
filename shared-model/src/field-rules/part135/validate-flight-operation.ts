import type { Finding } from '../../finding';
import { checkVfrFuelReserve, type VfrFuelPlan } from './fuel-reserve-135-209';
import { checkRiskAnalysis, type RiskAnalysis } from './risk-analysis-135-617';
import type { FlightLeg } from './types';

/** One operation (e.g. one air-ambulance mission) as the flight-log gate sees it. */
export interface FlightOperation {
  operationId: string;
  legs: FlightLeg[];
  riskAnalysis?: RiskAnalysis;
  /** VFR fuel plan for each leg, by leg id (legs without a plan are not checked). */
  fuelPlans?: Record<string, VfrFuelPlan>;
}

/**
 * Per-operation Part 135 checks: 135.617 risk analysis when any leg is a helicopter air-ambulance leg,
 * and 135.209 VFR fuel reserve for every leg with a fuel plan. Paths are prefixed with the leg or
 * operation they concern. Duty and rest live in `validatePilotLog`.
 */
export function validateFlightOperation(operation: FlightOperation): Finding[] {
  const findings: Finding[] = [];
  if (operation.legs.some((l) => l.airAmbulance)) findings.push(...checkRiskAnalysis(operation.riskAnalysis, operation.legs));
  operation.legs.forEach((leg, i) => {
    const plan = operation.fuelPlans?.[leg.id];
    if (!plan) return;
    for (const f of checkVfrFuelReserve(plan).findings) findings.push({ ...f, path: `legs[${i}].fuel.${f.path}` });
  });
  return findings;
}
