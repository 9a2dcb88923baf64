import type { Finding } from '../finding';
import { addMonthsToDate, parseCalendarDate } from './time';

/**
 * Fire inspections: NFPA 1730 (Organization and Deployment of Fire Prevention Inspection and Code
 * Enforcement) minimum frequencies by occupancy risk — high risk annually, moderate risk every 2 years,
 * low risk every 3 years (NFPA 1730 Table 6.7, as widely summarised; the standard's text itself was not
 * available to us). Critical-infrastructure occupancies are "per the AHJ" and are not modelled.
 *
 * Re-inspection carries every open violation forward with its original correction deadline.
 * Dates are `YYYY-MM-DD` in UTC; month-end dates clamp (2024-02-29 + 12 months = 2025-02-28).
 */

export type OccupancyRisk = 'high' | 'moderate' | 'low';

/** Months between inspections per NFPA 1730 risk class. */
export const NFPA1730_CYCLE_MONTHS: Record<OccupancyRisk, number> = { high: 12, moderate: 24, low: 36 };

export type ViolationStatus = 'open' | 'corrected';

export interface FireViolation {
  id: string;
  /** Code section violated, e.g. `IFC 906.1` or `NFPA 1 10.12`. */
  codeReference: string;
  description: string;
  status: ViolationStatus;
  /** Date the violation was first found (YYYY-MM-DD). */
  foundOn: string;
  /** Date by which it must be corrected (YYYY-MM-DD). */
  correctionDeadline: string;
  correctedOn?: string;
  /** Id of the inspection this violation was carried forward from, when it was. */
  carriedFromInspectionId?: string;
}

export interface FireInspection {
  id: string;
  occupancyId: string;
  risk: OccupancyRisk;
  inspectedOn: string;
  /** True for a re-inspection that follows up open violations. */
  reinspection: boolean;
  previousInspectionId?: string;
  violations: FireViolation[];
}

/** Next routine inspection due date for an occupancy (NFPA 1730). */
export function computeNextFireInspectionDue(options: { risk: OccupancyRisk; lastInspectedOn: string }): {
  dueOn?: string;
  findings: Finding[];
} {
  const months = NFPA1730_CYCLE_MONTHS[options.risk];
  const dueOn = addMonthsToDate(options.lastInspectedOn, months);
  if (dueOn === undefined) {
    return {
      findings: [{ ruleId: 'nfpa1730:inspection-date', severity: 'ERROR', path: 'lastInspectedOn', message: 'Last inspection date must be a YYYY-MM-DD date.' }],
    };
  }
  return { dueOn, findings: [] };
}

/** Whether a routine inspection is overdue on `today`. */
export function isFireInspectionOverdue(options: { risk: OccupancyRisk; lastInspectedOn: string; today: string }): boolean {
  const { dueOn } = computeNextFireInspectionDue(options);
  return dueOn !== undefined && parseCalendarDate(options.today) !== undefined && options.today > dueOn;
}

export interface StartReinspectionOptions {
  id: string;
  inspectedOn: string;
}

/**
 * Start a re-inspection from a previous inspection: every open violation is carried forward (same id,
 * same correction deadline, `carriedFromInspectionId` set); corrected ones stay behind.
 */
export function startReinspection(previous: FireInspection, options: StartReinspectionOptions): FireInspection {
  return {
    id: options.id,
    occupancyId: previous.occupancyId,
    risk: previous.risk,
    inspectedOn: options.inspectedOn,
    reinspection: true,
    previousInspectionId: previous.id,
    violations: previous.violations
      .filter((v) => v.status === 'open')
      .map((v) => ({ ...v, carriedFromInspectionId: v.carriedFromInspectionId ?? previous.id })),
  };
}

/** Findings for a fire inspection: dates, deadlines, overdue open violations, corrected without a date. */
export function validateFireInspection(inspection: FireInspection): Finding[] {
  const findings: Finding[] = [];
  const inspected = parseCalendarDate(inspection.inspectedOn);
  if (inspected === undefined) {
    findings.push({ ruleId: 'nfpa1730:inspection-date', severity: 'ERROR', path: 'inspectedOn', message: 'Inspection date must be a YYYY-MM-DD date.' });
  }
  if (inspection.reinspection && !inspection.previousInspectionId) {
    findings.push({ ruleId: 'nfpa1730:reinspection-link', severity: 'ERROR', path: 'previousInspectionId', message: 'A re-inspection must name the inspection it follows up.' });
  }
  inspection.violations.forEach((v, i) => {
    const path = `violations[${i}]`;
    const found = parseCalendarDate(v.foundOn);
    const deadline = parseCalendarDate(v.correctionDeadline);
    if (found === undefined || deadline === undefined) {
      findings.push({ ruleId: 'nfpa1730:violation-dates', severity: 'ERROR', path, message: `Violation ${v.codeReference}: found-on and correction deadline must be YYYY-MM-DD dates.` });
      return;
    }
    if (deadline < found) {
      findings.push({ ruleId: 'nfpa1730:violation-dates', severity: 'ERROR', path: `${path}.correctionDeadline`, message: `Violation ${v.codeReference}: the correction deadline is before the date it was found.` });
    }
    if (v.status === 'corrected' && parseCalendarDate(v.correctedOn) === undefined) {
      findings.push({ ruleId: 'nfpa1730:violation-corrected-date', severity: 'ERROR', path: `${path}.correctedOn`, message: `Violation ${v.codeReference} is marked corrected without a correction date.` });
    }
    if (v.status === 'open' && inspected !== undefined && inspected > deadline) {
      findings.push({ ruleId: 'nfpa1730:violation-overdue', severity: 'WARNING', path, message: `Violation ${v.codeReference} is still open past its correction deadline ${v.correctionDeadline}.` });
    }
  });
  return findings;
}
