import { chartCheckContext, validatePatientCareReport, type EpcrExportContext } from '@field/nemsis';
import type { CollectionName, Finding, PatientCareReport } from '@field/shared-model';
import type { DocumentData } from './document-store';

/**
 * A collection's completion rules: run when a document moves to `completed`. ERROR findings keep it
 * `in_progress` with the findings attached; WARNING findings never block.
 */
export type ValidationGate = (doc: DocumentData) => Finding[];

/** The ePCR schema's limits on stored findings (see patient-care-report.ts `findings`). */
const MAX_FINDINGS = 1000;
const MAX_PATH = 500;
const MAX_MESSAGE = 2000;

/**
 * The export context the gate validates a chart with: the same as the tablet's live panel uses
 * (`chartCheckContext` in @field/nemsis: the document's agency id, defaults for what comes from agency
 * configuration and CAD), so the gate and the panel report the same findings.
 */
export function gateExportContext(doc: DocumentData): EpcrExportContext {
  return chartCheckContext(doc.agencyId);
}

function fitForStorage(findings: Finding[]): Finding[] {
  return findings.slice(0, MAX_FINDINGS).map((f) => ({
    ruleId: f.ruleId.slice(0, 120), severity: f.severity, path: f.path.slice(0, MAX_PATH), message: f.message.slice(0, MAX_MESSAGE),
  }));
}

/**
 * Completion rules for `epcrs`: the national NEMSIS v3.5.1 validator (XSD + national Schematron) on
 * the chart's export, plus the suite's own completion rules; findings point at ePCR field paths. The
 * gate runs before the schema check, so a document too malformed to map gets one ERROR (and is then
 * refused by the schema check).
 */
export function gatePatientCareReport(doc: DocumentData): Finding[] {
  try {
    return fitForStorage(validatePatientCareReport(doc as unknown as PatientCareReport, gateExportContext(doc)));
  } catch (err) {
    return [{ ruleId: 'gate:unreadable', severity: 'ERROR', path: '',
      message: `The chart could not be checked against the NEMSIS rules: ${(err as Error).message}`.slice(0, MAX_MESSAGE) }];
  }
}

export const validationGates: Partial<Record<CollectionName, ValidationGate>> = {
  epcrs: gatePatientCareReport,
};

/**
 * Runs every gate once on an empty document so the national rules are compiled (about a second)
 * at start-up rather than inside the first completion's push transaction.
 */
export function warmUpValidationGates(): void {
  for (const gate of Object.values(validationGates)) gate({ id: 'warm-up', agencyId: 'warm-up' });
}
