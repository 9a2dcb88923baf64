import type { Finding } from '@field/shared-model';
import { incidentTypeNumber, type FireIncident } from './fire-incident';
import { isEntered, nfirsFinding } from './nfirs-finding';

/**
 * The relational edits USFA enforces as critical errors (invalid incident status) since the October 2020
 * NFIRS release — the rows of the "Notice of specification enforcement" table we could read: #30, #35,
 * #59, #64, #74, #75, #76, #79, #81. The table may continue past #81; rows we did not see are not
 * implemented (see docs/fire-and-flight-rules.md).
 */
export function checkCriticalEdits(incident: FireIncident): Finding[] {
  const findings: Finding[] = [];
  const { basic, fire, structureFire: sf } = incident;

  // #30 Basic F: action taken cannot be duplicated, except for blanks.
  const actions = basic.actionsTaken.map((a) => a.trim()).filter((a) => a !== '');
  const dup = actions.find((a, i) => actions.indexOf(a) !== i);
  if (dup !== undefined) {
    findings.push(nfirsFinding('nfirs:re30-action-taken-duplicate', 'ERROR', 'basic.actionsTaken', `Action taken ${dup} is entered more than once.`));
  }

  // #35 Basic H1: Civilian Fire Casualty forms are not allowed above the 100 series.
  const type = incidentTypeNumber(basic.incidentType);
  if ((incident.civilianFireCasualtyForms ?? 0) > 0 && type !== undefined && type >= 200) {
    findings.push(nfirsFinding('nfirs:re35-civilian-casualty-not-fire', 'ERROR', 'civilianFireCasualtyForms', `Civilian Fire Casualty forms are only for fire incidents; incident type is ${basic.incidentType}.`));
  }

  if (fire) {
    // #59 Fire E3: if "age was a factor" (7) is checked, age > 0 and sex are required.
    if (fire.humanFactors?.includes('7') && (!(typeof fire.humanFactorEstimatedAge === 'number' && fire.humanFactorEstimatedAge > 0) || !fire.humanFactorSex)) {
      findings.push(nfirsFinding('nfirs:re59-human-factor-age', 'ERROR', 'fire.humanFactorEstimatedAge', 'Human factor "age was a factor" needs an estimated age above 0 and the sex of the person.'));
    }
    // #64 Fire H1: if None is checked, no mobile property data may be entered.
    if (fire.mobilePropertyInvolved === 'N' && isEntered(fire.mobileProperty)) {
      findings.push(nfirsFinding('nfirs:re64-mobile-property-none', 'ERROR', 'fire.mobileProperty', 'Mobile property involved is "None" but mobile property details are entered.'));
    }
  }

  if (sf) {
    const l2to4 = { detectorType: sf.detectorType, detectorPower: sf.detectorPower, detectorOperation: sf.detectorOperation };
    // #74 Structure L1: YES → L2, L3, L4 required; blank → L2–L4 not allowed.
    if (sf.detectorPresence === '1') {
      for (const [field, value] of Object.entries(l2to4)) {
        if (!isEntered(value)) findings.push(nfirsFinding('nfirs:re74-detector-presence', 'ERROR', `structureFire.${field}`, `Detectors are present: ${field} (L2–L4) is required.`));
      }
    } else if (!sf.detectorPresence && Object.values(l2to4).some(isEntered)) {
      findings.push(nfirsFinding('nfirs:re74-detector-presence', 'ERROR', 'structureFire.detectorPresence', 'Detector details (L2–L4) are entered but presence of detectors (L1) is blank.'));
    }
    // #75 L4 = 2 (operated) → L5 required; otherwise L5 not allowed.
    if (sf.detectorOperation === '2' && !isEntered(sf.detectorEffectiveness)) {
      findings.push(nfirsFinding('nfirs:re75-detector-effectiveness', 'ERROR', 'structureFire.detectorEffectiveness', 'The detector operated: detector effectiveness (L5) is required.'));
    } else if (sf.detectorOperation !== '2' && isEntered(sf.detectorEffectiveness)) {
      findings.push(nfirsFinding('nfirs:re75-detector-effectiveness', 'ERROR', 'structureFire.detectorEffectiveness', 'Detector effectiveness (L5) is only allowed when the detector operated (L4 = 2).'));
    }
    // #76 L4 = 3 (failed) → L6 required; L4 = 2 → L6 not allowed.
    if (sf.detectorOperation === '3' && !isEntered(sf.detectorFailureReason)) {
      findings.push(nfirsFinding('nfirs:re76-detector-failure-reason', 'ERROR', 'structureFire.detectorFailureReason', 'The detector failed to operate: the failure reason (L6) is required.'));
    } else if (sf.detectorOperation === '2' && isEntered(sf.detectorFailureReason)) {
      findings.push(nfirsFinding('nfirs:re76-detector-failure-reason', 'ERROR', 'structureFire.detectorFailureReason', 'The detector operated, so no failure reason (L6) is allowed.'));
    }
    // #79 M1 not present (not 1 or 2) → M2–M5 not allowed.
    const m2to5 = { aesType: sf.aesType, aesOperation: sf.aesOperation, sprinklerHeadsOperating: sf.sprinklerHeadsOperating, aesFailureReason: sf.aesFailureReason };
    if (sf.aesPresence !== '1' && sf.aesPresence !== '2') {
      for (const [field, value] of Object.entries(m2to5)) {
        if (isEntered(value)) findings.push(nfirsFinding('nfirs:re79-aes-not-present', 'ERROR', `structureFire.${field}`, `No automatic extinguishing system is present (M1), so ${field} (M2–M5) is not allowed.`));
      }
    }
    // #81 M3 = 1 → M5 not allowed.
    if (sf.aesOperation === '1' && isEntered(sf.aesFailureReason)) {
      findings.push(nfirsFinding('nfirs:re81-aes-failure-reason', 'ERROR', 'structureFire.aesFailureReason', 'The extinguishing system operated and was effective (M3 = 1), so no failure reason (M5) is allowed.'));
    }
  }
  return findings;
}
