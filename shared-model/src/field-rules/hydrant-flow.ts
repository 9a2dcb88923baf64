import type { Finding } from '../finding';

/**
 * NFPA 291 (Recommended Practice for Water Flow Testing and Marking of Hydrants) arithmetic.
 *
 * - Outlet flow from a pitot reading: Q = 29.83 · c · d² · √p (gpm; d in inches, p in psi).
 * - Outlet coefficient c: 0.90 smooth, well-rounded outlet; 0.80 square, sharp outlet;
 *   0.70 square outlet projecting into the barrel.
 * - Flow available at 20 psi residual: Q_R = Q_F × ((S − 20)/(S − R))^0.54.
 * - Class and cap colour: AA ≥ 1500 gpm light blue, A 1000–1499 green, B 500–999 orange, C < 500 red.
 *   (NERIS adds BLACK = inoperable; that is not an NFPA 291 class and is not produced here.)
 *
 * Bad input (negative or missing pressures, zero diameter, static below residual) yields a finding and
 * no number — never NaN and never a throw.
 */

export const NFPA291_FLOW_CONSTANT = 29.83;
export const NFPA291_EXPONENT = 0.54;
export const NFPA291_RATED_RESIDUAL_PSI = 20;

/** The three outlet coefficients NFPA 291 gives for hydrant outlets. */
export const OUTLET_COEFFICIENTS = {
  smoothRounded: 0.9,
  squareSharp: 0.8,
  squareProjecting: 0.7,
} as const;

export type OutletCoefficient = (typeof OUTLET_COEFFICIENTS)[keyof typeof OUTLET_COEFFICIENTS];

export type HydrantClass = 'AA' | 'A' | 'B' | 'C';
export type HydrantCapColor = 'light-blue' | 'green' | 'orange' | 'red';

/** One flowing outlet read with a pitot gauge. */
export interface PitotReading {
  /** Actual inside diameter of the outlet, inches (e.g. 2.5). */
  outletDiameterIn: number;
  /** Pitot (velocity) pressure, psi. */
  pitotPsi: number;
  /** Outlet coefficient: 0.90, 0.80 or 0.70. */
  coefficient: number;
}

/** A hydrant flow test: static and residual pressure at the test hydrant, pitot readings at the flow hydrant(s). */
export interface HydrantFlowTest {
  staticPsi: number | undefined;
  residualPsi: number | undefined;
  outlets: PitotReading[];
}

export interface HydrantFlowTestResult {
  /** Total observed flow Q_F, gpm (sum of the outlets), when computable. */
  observedFlowGpm?: number;
  /** Flow projected to 20 psi residual Q_R, gpm, when computable. */
  flowAt20PsiGpm?: number;
  nfpaClass?: HydrantClass;
  capColor?: HydrantCapColor;
  findings: Finding[];
}

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Flow from one outlet, gpm, or findings explaining why it cannot be computed. */
export function computeOutletFlow(reading: PitotReading, path = 'outlet'): { flowGpm?: number; findings: Finding[] } {
  const findings: Finding[] = [];
  if (!isNumber(reading.outletDiameterIn) || reading.outletDiameterIn <= 0) {
    findings.push({
      ruleId: 'nfpa291:outlet-diameter',
      severity: 'ERROR',
      path: `${path}.outletDiameterIn`,
      message: 'Outlet diameter must be a positive number of inches.',
    });
  }
  if (!isNumber(reading.pitotPsi) || reading.pitotPsi < 0) {
    findings.push({
      ruleId: 'nfpa291:negative-pressure',
      severity: 'ERROR',
      path: `${path}.pitotPsi`,
      message: 'Pitot pressure must be zero or more psi.',
    });
  }
  const known = Object.values(OUTLET_COEFFICIENTS) as number[];
  if (!isNumber(reading.coefficient) || !known.includes(reading.coefficient)) {
    findings.push({
      ruleId: 'nfpa291:outlet-coefficient',
      severity: 'ERROR',
      path: `${path}.coefficient`,
      message: 'Outlet coefficient must be 0.90 (smooth, rounded), 0.80 (square, sharp) or 0.70 (square, projecting).',
    });
  }
  if (findings.length > 0) return { findings };
  const flowGpm =
    NFPA291_FLOW_CONSTANT * reading.coefficient * reading.outletDiameterIn ** 2 * Math.sqrt(reading.pitotPsi);
  return { flowGpm, findings };
}

/**
 * Project an observed flow to a residual pressure (20 psi unless told otherwise):
 * Q_R = Q_F × ((S − R_target)/(S − R))^0.54.
 */
export function projectFlowToResidual(options: {
  observedFlowGpm: number;
  staticPsi: number | undefined;
  residualPsi: number | undefined;
  targetResidualPsi?: number;
}): { flowGpm?: number; findings: Finding[] } {
  const target = options.targetResidualPsi ?? NFPA291_RATED_RESIDUAL_PSI;
  const { staticPsi: s, residualPsi: r, observedFlowGpm: q } = options;
  const findings: Finding[] = [];
  if (!isNumber(s) || s < 0) {
    findings.push({ ruleId: 'nfpa291:negative-pressure', severity: 'ERROR', path: 'staticPsi', message: 'Static pressure is missing or negative.' });
  }
  if (!isNumber(r) || r < 0) {
    findings.push({ ruleId: 'nfpa291:negative-pressure', severity: 'ERROR', path: 'residualPsi', message: 'Residual pressure is missing or negative.' });
  }
  if (!isNumber(q) || q < 0) {
    findings.push({ ruleId: 'nfpa291:observed-flow', severity: 'ERROR', path: 'observedFlowGpm', message: 'Observed flow is missing or negative.' });
  }
  if (!isNumber(s) || !isNumber(r) || !isNumber(q) || findings.length > 0) return { findings };
  if (s <= r) {
    return {
      findings: [{
        ruleId: 'nfpa291:static-below-residual',
        severity: 'ERROR',
        path: 'residualPsi',
        message: `Residual pressure (${r} psi) must be below static pressure (${s} psi); re-read the gauges.`,
      }],
    };
  }
  if (s <= target) {
    return {
      findings: [{
        ruleId: 'nfpa291:static-at-or-below-rated-residual',
        severity: 'ERROR',
        path: 'staticPsi',
        message: `Static pressure ${s} psi is not above ${target} psi: no flow is available at ${target} psi residual.`,
      }],
    };
  }
  const flowGpm = q * ((s - target) / (s - r)) ** NFPA291_EXPONENT;
  return { flowGpm, findings };
}

/** NFPA 291 class and cap/bonnet colour for a rated flow at 20 psi residual. */
export function classifyHydrant(flowAt20PsiGpm: number): { nfpaClass: HydrantClass; capColor: HydrantCapColor } {
  if (flowAt20PsiGpm >= 1500) return { nfpaClass: 'AA', capColor: 'light-blue' };
  if (flowAt20PsiGpm >= 1000) return { nfpaClass: 'A', capColor: 'green' };
  if (flowAt20PsiGpm >= 500) return { nfpaClass: 'B', capColor: 'orange' };
  return { nfpaClass: 'C', capColor: 'red' };
}

/** Evaluate a whole flow test: observed flow, flow at 20 psi, class, cap colour and findings. */
export function evaluateHydrantFlowTest(test: HydrantFlowTest): HydrantFlowTestResult {
  const findings: Finding[] = [];
  if (test.outlets.length === 0) {
    findings.push({ ruleId: 'nfpa291:missing-reading', severity: 'ERROR', path: 'outlets', message: 'Record at least one pitot reading.' });
    return { findings };
  }
  let total = 0;
  let allOutletsOk = true;
  test.outlets.forEach((reading, i) => {
    const r = computeOutletFlow(reading, `outlets[${i}]`);
    findings.push(...r.findings);
    if (r.flowGpm === undefined) allOutletsOk = false;
    else total += r.flowGpm;
  });
  if (!allOutletsOk) {
    const p = projectFlowToResidual({ observedFlowGpm: 0, staticPsi: test.staticPsi, residualPsi: test.residualPsi });
    return { findings: [...findings, ...p.findings] };
  }
  const projection = projectFlowToResidual({ observedFlowGpm: total, staticPsi: test.staticPsi, residualPsi: test.residualPsi });
  findings.push(...projection.findings);
  if (projection.flowGpm === undefined) return { observedFlowGpm: total, findings };
  return { observedFlowGpm: total, flowAt20PsiGpm: projection.flowGpm, ...classifyHydrant(projection.flowGpm), findings };
}
