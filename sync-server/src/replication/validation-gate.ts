import { validatePatientCareReport, type EpcrExportContext } from '@field/nemsis';
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
 * Values the gate uses for what a NEMSIS export takes from agency configuration and CAD, not from
 * the chart (docs/epcr-nemsis-mapping.md, "Server gate"). The gate judges what the crew can fix in
 * the chart; the Console's NEMSIS export passes the agency's real identifiers and the incident's
 * dispatch data instead of these.
 */
export const gateContextDefaults = {
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

/** The export context the gate validates a chart with: the agency id of the document, defaults for the rest. */
export function gateExportContext(doc: DocumentData): EpcrExportContext {
  const agencyId = typeof doc.agencyId === 'string' && doc.agencyId !== '' ? doc.agencyId : 'unknown';
  return {
    agency: { stateId: agencyId.slice(0, 50), number: agencyId.slice(0, 15), state: gateContextDefaults.state },
    unit: { transportCapability: gateContextDefaults.transportCapability },
    incident: {
      typeOfService: gateContextDefaults.typeOfService,
      responseMode: gateContextDefaults.responseMode,
      dispatchReason: gateContextDefaults.dispatchReason,
    },
  };
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
