import type { CollectionName, Finding } from '@field/shared-model';
import type { DocumentData } from './document-store';

/**
 * A collection's completion rules: run when a document moves to `completed`. ERROR findings keep it
 * `in_progress` with the findings attached; WARNING findings never block.
 */
export type ValidationGate = (doc: DocumentData) => Finding[];

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function at(doc: DocumentData, path: string): unknown {
  let value: unknown = doc;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Interim completion rules for `epcrs`, until the NEMSIS mapping plugs the national validator in:
 * the fields a chart cannot be completed without, and eTimes in order.
 */
export function gatePatientCareReport(doc: DocumentData): Finding[] {
  const findings: Finding[] = [];
  const required: [string, string, string][] = [
    ['patient.lastName', 'ePatient.02', "Patient's last name"],
    ['times.unitNotified', 'eTimes.03', 'Unit notified by dispatch time'],
    ['disposition.unitDisposition', 'eDisposition.27', 'Unit disposition'],
    ['narrative', 'eNarrative.01', 'Narrative'],
  ];
  for (const [path, element, label] of required) {
    if (text(at(doc, path)) === '') {
      findings.push({ ruleId: `gate:required:${element}`, severity: 'ERROR', path, message: `${label} (${element}) is required to complete the chart.` });
    }
  }
  const notified = Date.parse(text(at(doc, 'times.unitNotified')));
  const onScene = Date.parse(text(at(doc, 'times.onScene')));
  if (Number.isFinite(notified) && Number.isFinite(onScene) && onScene < notified) {
    findings.push({ ruleId: 'gate:time-order:eTimes.06', severity: 'WARNING', path: 'times.onScene', message: 'Arrived on scene (eTimes.06) is before the unit was notified (eTimes.03).' });
  }
  return findings;
}

export const validationGates: Partial<Record<CollectionName, ValidationGate>> = {
  epcrs: gatePatientCareReport,
};
