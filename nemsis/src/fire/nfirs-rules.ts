import type { Finding } from '@field/shared-model';
import type { FireIncident } from './fire-incident';
import { checkCriticalEdits } from './nfirs-critical-edits';
import { nfirsFinding } from './nfirs-finding';
import { checkModuleRules } from './nfirs-module-rules';
import { checkTimeRules } from './nfirs-time-rules';

const AID_CODES = ['1', '2', '3', '4', '5', 'N'];

/** Basic block A, C, D and F entries every NFIRS incident needs. */
export function checkRequiredBasic(incident: FireIncident): Finding[] {
  const { basic } = incident;
  const findings: Finding[] = [];
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) findings.push(nfirsFinding('nfirs:required-field', 'ERROR', path, message));
  };
  need(/^[A-Za-z0-9]{5}$/.test(basic.fdid), 'basic.fdid', 'FDID (A) must be 5 letters or digits.');
  need(/^[A-Z]{2}$/.test(basic.state), 'basic.state', 'State (A) must be a 2-letter postal code.');
  need(/^\d{1,7}$/.test(basic.incidentNumber), 'basic.incidentNumber', 'Incident number (A) must be 1–7 digits.');
  need(Number.isInteger(basic.exposureNumber) && basic.exposureNumber >= 0 && basic.exposureNumber <= 999, 'basic.exposureNumber', 'Exposure number (A) must be 0–999.');
  need(/^\d{4}-\d{2}-\d{2}$/.test(basic.incidentDate), 'basic.incidentDate', 'Incident date (A) must be YYYY-MM-DD.');
  need(/^\d{3}$/.test(basic.incidentType), 'basic.incidentType', 'Incident type (C) must be a 3-digit NFIRS code.');
  need(AID_CODES.includes(basic.aidGivenOrReceived), 'basic.aidGivenOrReceived', 'Aid given or received (D) must be 1–5 or N.');
  need(basic.actionsTaken.some((a) => a.trim() !== ''), 'basic.actionsTaken', 'At least one action taken (F) is required.');
  need(basic.actionsTaken.length <= 3, 'basic.actionsTaken', 'At most three actions taken (F) can be reported.');
  return findings;
}

/**
 * Validate a fire incident against the NFIRS 5.0 rules this package implements. ERROR findings block
 * completion at the server's validation gate; WARNING findings never do.
 */
export function validateFireIncident(incident: FireIncident): Finding[] {
  return [...checkRequiredBasic(incident), ...checkTimeRules(incident), ...checkModuleRules(incident), ...checkCriticalEdits(incident)];
}
