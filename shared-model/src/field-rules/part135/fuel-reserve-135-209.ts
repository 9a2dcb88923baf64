import type { Finding } from '../../finding';

/**
 * 14 CFR 135.209 — VFR fuel supply. (b) Helicopters: enough fuel to fly to the first point of intended
 * landing and, at normal cruising fuel consumption, for at least 20 minutes after that.
 * (a) Airplanes: 30 minutes after that by day, 45 minutes at night.
 */

export interface VfrFuelPlan {
  aircraft: 'helicopter' | 'airplane';
  /** Night flight (airplanes only: 45 min reserve). */
  night?: boolean;
  /** Usable fuel on board at departure. Any consistent unit (lb, kg, gal). */
  fuelOnBoard: number | undefined;
  /** Fuel needed to reach the first point of intended landing. */
  tripFuel: number | undefined;
  /** Normal cruising consumption, same unit per hour. */
  cruiseBurnPerHour: number | undefined;
}

export function requiredVfrReserveMinutes(plan: Pick<VfrFuelPlan, 'aircraft' | 'night'>): number {
  if (plan.aircraft === 'helicopter') return 20;
  return plan.night ? 45 : 30;
}

/** Reserve after reaching the first intended landing, in minutes of cruise, with findings. */
export function checkVfrFuelReserve(plan: VfrFuelPlan): { reserveMinutes?: number; findings: Finding[] } {
  const ruleId = plan.aircraft === 'helicopter' ? 'cfr:135.209(b)' : 'cfr:135.209(a)';
  const bad = (['fuelOnBoard', 'tripFuel', 'cruiseBurnPerHour'] as const).filter((k) => {
    const v = plan[k];
    return v === undefined || !Number.isFinite(v) || v < 0 || (k === 'cruiseBurnPerHour' && v === 0);
  });
  if (bad.length > 0) {
    return {
      findings: bad.map((k) => ({ ruleId, severity: 'ERROR' as const, path: k, message: `${k} is missing, negative or zero; the fuel reserve cannot be checked.` })),
    };
  }
  const onBoard = plan.fuelOnBoard ?? 0;
  const trip = plan.tripFuel ?? 0;
  const burn = plan.cruiseBurnPerHour ?? 1;
  const reserveMinutes = ((onBoard - trip) / burn) * 60;
  if (!Number.isFinite(reserveMinutes)) {
    return { findings: [{ ruleId, severity: 'ERROR', path: 'cruiseBurnPerHour', message: 'The fuel figures are out of range; the fuel reserve cannot be checked.' }] };
  }
  const required = requiredVfrReserveMinutes(plan);
  if (reserveMinutes < required) {
    return {
      reserveMinutes,
      findings: [{
        ruleId,
        severity: 'ERROR',
        path: 'fuelOnBoard',
        message: `Fuel leaves ${Math.max(0, Math.floor(reserveMinutes))} min at cruise after the first intended landing; ${required} min are required.`,
      }],
    };
  }
  return { reserveMinutes, findings: [] };
}
