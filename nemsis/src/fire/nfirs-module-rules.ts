import type { Finding } from '@field/shared-model';
import { incidentSeries, incidentTypeNumber, type FireIncident } from './fire-incident';
import { isEntered, nfirsFinding } from './nfirs-finding';

const between = (n: number | undefined, lo: number, hi: number): boolean => n !== undefined && n >= lo && n <= hi;

/** Aid given (D = 3 mutual aid given, 4 automatic aid given): only Basic blocks A through G1 are needed. */
export function isAidGivenBasicOnly(incident: FireIncident): boolean {
  return incident.basic.aidGivenOrReceived === '3' || incident.basic.aidGivenOrReceived === '4';
}

/**
 * Module rules: which modules an incident type needs or may carry; H2 detector for confined fires;
 * Arson only for 100–173; 611 needs action 93; living units (#36); acres burned (140/170 series).
 */
export function checkModuleRules(incident: FireIncident): Finding[] {
  const findings: Finding[] = [];
  const { basic } = incident;
  const type = incidentTypeNumber(basic.incidentType);
  const series = incidentSeries(basic.incidentType);
  const isFire = series === 100;
  const basicOnly = isAidGivenBasicOnly(incident);

  if (incident.fire && isEntered(incident.fire) && !isFire) {
    findings.push(nfirsFinding('nfirs:module-fire-only-for-fires', 'ERROR', 'fire', `The Fire module is only for fire incidents (100 series); incident type is ${basic.incidentType}.`));
  }
  if (incident.structureFire && isEntered(incident.structureFire) && !isFire) {
    findings.push(nfirsFinding('nfirs:module-structure-only-for-fires', 'ERROR', 'structureFire', `The Structure Fire module is only for fire incidents (100 series); incident type is ${basic.incidentType}.`));
  }
  if (incident.arsonModule && !between(type, 100, 173)) {
    findings.push(nfirsFinding('nfirs:module-arson-only-for-fires', 'ERROR', 'arsonModule', `The Arson module is only for incident types 100–173; incident type is ${basic.incidentType}.`));
  }

  if (!basicOnly) {
    const needsStructure = between(type, 111, 112) || between(type, 120, 123);
    if (needsStructure && !isEntered(incident.structureFire)) {
      findings.push(nfirsFinding('nfirs:module-structure-required', 'ERROR', 'structureFire', `Incident type ${basic.incidentType} needs the Structure Fire module.`));
    }
    if (needsStructure && !isEntered(incident.fire)) {
      findings.push(nfirsFinding('nfirs:module-fire-required', 'ERROR', 'fire', `Incident type ${basic.incidentType} needs the Fire module.`));
    }
    if (between(type, 113, 118) && !basic.detectorAlertedOccupants) {
      findings.push(nfirsFinding('nfirs:detector-h2-required', 'ERROR', 'basic.detectorAlertedOccupants', `Confined fire ${basic.incidentType} needs Basic H2 (did a detector alert the occupants?).`));
    }
    const propertySeries = basic.propertyUse && /^\d{3}$/.test(basic.propertyUse) ? Math.floor(Number(basic.propertyUse) / 100) * 100 : undefined;
    if (propertySeries === 400 && isFire && !between(type, 113, 118) && incident.fire?.residentialLivingUnits === undefined) {
      findings.push(nfirsFinding('nfirs:living-units-required', 'ERROR', 'fire.residentialLivingUnits', `Residential property (${basic.propertyUse}) with fire type ${basic.incidentType}: enter the number of residential living units (Fire module B1).`));
    }
    if ((between(type, 140, 143) || between(type, 170, 173)) && incident.fire?.acresBurned === undefined) {
      findings.push(nfirsFinding('nfirs:acres-burned-required', 'ERROR', 'fire.acresBurned', `Incident type ${basic.incidentType} needs acres burned (Fire module B3).`));
    }
  }

  if (type === 611 && !basic.actionsTaken.includes('93')) {
    findings.push(nfirsFinding('nfirs:611-requires-action-93', 'ERROR', 'basic.actionsTaken', 'Incident type 611 (dispatched and cancelled en route) needs action taken 93 (cancelled en route).'));
  }
  return findings;
}
