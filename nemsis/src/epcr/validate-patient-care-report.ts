/**
 * Validates an ePCR with the national NEMSIS rules: map it (toNemsisEmsDataSet), run the XSD and the
 * national Schematron (validateEmsDataSet), and point each finding at the ePCR field it is about.
 * Pure: runs in the browser (live, offline) and at the sync server's gate.
 */
import type { Finding, PatientCareReport } from '@field/shared-model';
import { validateEmsDataSet, type ValidateEmsDataSetOptions } from '../validate';
import { isKnownTimeZone } from './date-time';
import type { EpcrExportContext } from './export-context';
import { rewriteFinding } from './finding-path';
import { toNemsisEmsDataSet } from './to-nemsis';

export interface ValidatePatientCareReportOptions extends Pick<ValidateEmsDataSetOptions, 'now' | 'schematronPacks' | 'rulePacks'> {
  /** Also run the suite's own completion rules (see completionRules); default true. */
  completionRules?: boolean;
}

/**
 * Values for what a NEMSIS export takes from agency configuration and CAD rather than from the chart
 * (docs/epcr-nemsis-mapping.md, "Checking a chart"). A chart is judged on what the crew can fix in it:
 * the same values on the tablet's live panel and at the server's gate, so both report the same findings.
 * A real export passes the agency's identifiers and the incident's dispatch data instead.
 */
export const chartCheckDefaults = {
  /** dAgency.04: `00` is a syntactically valid ANSI state code that names no state. */
  state: '00',
  /** eResponse.05 Emergency Response (Primary Response Area). */
  typeOfService: '2205001',
  /** eResponse.07 Ground Transport (ALS Equipped). */
  transportCapability: '2207015',
  /** eResponse.23 Emergent (Immediate Response). */
  responseMode: '2223001',
  /** eDispatch.01 No Other Appropriate Choice: the chart does not hold the CAD dispatch reason. */
  dispatchReason: '2301051',
} as const;

/**
 * The context a chart is checked with on its own, on the device and at the server's gate: the
 * chart's agency id as its identifiers (within NEMSIS lengths), `chartCheckDefaults` for the rest.
 */
export function chartCheckContext(agencyId: unknown): EpcrExportContext {
  const id = typeof agencyId === 'string' && agencyId !== '' ? agencyId : 'unknown';
  return {
    agency: { stateId: id.slice(0, 50), number: id.slice(0, 15), state: chartCheckDefaults.state },
    unit: { transportCapability: chartCheckDefaults.transportCapability },
    incident: {
      typeOfService: chartCheckDefaults.typeOfService,
      responseMode: chartCheckDefaults.responseMode,
      dispatchReason: chartCheckDefaults.dispatchReason,
    },
  };
}

/**
 * The suite's own completion rules on top of the national ones: a narrative is required to complete
 * a chart (eNarrative.01 is only Recommended nationally, but the chart is the legal record).
 */
export function checkCompletionRules(report: PatientCareReport): Finding[] {
  const findings: Finding[] = [];
  if ((report.narrative ?? '').trim() === '') {
    findings.push({ ruleId: 'epcr:narrative-required', severity: 'ERROR', path: 'narrative',
      message: 'eNarrative.01 Patient Care Report Narrative: a narrative is required to complete the chart.' });
  }
  return findings;
}

/**
 * Findings for a chart, with ePCR field paths where the element maps to a field (else the NEMSIS
 * location). Without a context the chart is checked on its own (`chartCheckContext`), as the gate does.
 */
export function validatePatientCareReport(
  report: PatientCareReport,
  context: EpcrExportContext = chartCheckContext(report.agencyId),
  options: ValidatePatientCareReportOptions = {},
): Finding[] {
  const root = toNemsisEmsDataSet(report, context);
  const { completionRules = true, ...validateOptions } = options;
  const findings = validateEmsDataSet(root, validateOptions).map((f) => rewriteFinding(report, f));
  if (context.timeZone !== undefined && !isKnownTimeZone(context.timeZone)) {
    findings.unshift({ ruleId: 'epcr:time-zone', severity: 'WARNING', path: 'times',
      message: `The agency time zone "${context.timeZone}" is unknown; date/times are written in UTC (+00:00).` });
  }
  return completionRules ? [...checkCompletionRules(report), ...findings] : findings;
}
