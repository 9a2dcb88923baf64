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
 * Stand-in context for checking a chart on its own (the app's live panel before the agency settings
 * load): placeholder agency identifiers, CAD-held elements left out so the XSD names them.
 */
export const validationOnlyContext: EpcrExportContext = {
  agency: { stateId: 'unconfigured', number: 'unconfigured', state: '00' },
};

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

/** Findings for a chart, with ePCR field paths where the element maps to a field (else the NEMSIS location). */
export function validatePatientCareReport(
  report: PatientCareReport,
  context: EpcrExportContext = validationOnlyContext,
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
