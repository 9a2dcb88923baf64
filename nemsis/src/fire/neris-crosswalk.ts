import type { Finding } from '@field/shared-model';
import { NERIS_INCIDENT_TYPES, NERIS_LOCATION_USES, type NerisIncidentTypeRow, type NerisLocationUseRow } from '../generated/neris/neris-crosswalk-data';
import type { FireIncident } from './fire-incident';

/**
 * NFIRS → NERIS through the NERIS framework's own "NFIRS Crosswalk" columns (type_incident.csv and
 * type_location_use.csv). The framework's crosswalk is many-to-many: NFIRS 111 lists under all four
 * STRUCTURE_FIRE types, 321 under every MEDICAL type. So:
 * - no candidate → `neris:*-unmapped` finding, nothing exported for that field;
 * - one candidate → it is used;
 * - several → the incident's explicit NERIS choice is used if it is one of them; without a choice a
 *   `neris:*-ambiguous` finding lists the candidates and nothing is guessed; a choice outside the
 *   candidates is used but reported (`neris:*-outside-crosswalk`).
 * Only active NERIS rows are candidates. All findings are WARNINGs: the NFIRS report stays valid.
 */

export type NerisIncidentType = readonly string[];
export interface NerisLocationUse {
  useType: string;
  useSubtype: string;
}

const typeKey = (path: readonly string[]): string => path.join('||');

/** Active NERIS incident types whose crosswalk lists this NFIRS incident-type code. */
export function findNerisIncidentTypes(nfirsIncidentType: string): NerisIncidentTypeRow[] {
  return NERIS_INCIDENT_TYPES.filter((row) => row.active && row.nfirs.includes(nfirsIncidentType));
}

/** Active NERIS location uses whose crosswalk lists this NFIRS property-use code. */
export function findNerisLocationUses(nfirsPropertyUse: string): NerisLocationUseRow[] {
  return NERIS_LOCATION_USES.filter((row) => row.active && row.nfirs.includes(nfirsPropertyUse));
}

export interface CrosswalkResult<T> {
  value?: T;
  candidates: T[];
  findings: Finding[];
}

/** Map the incident's NFIRS incident type (Basic C) to one NERIS incident type. */
export function mapIncidentTypeToNeris(incident: FireIncident): CrosswalkResult<NerisIncidentType> {
  const code = incident.basic.incidentType;
  const candidates = findNerisIncidentTypes(code).map((r) => r.path);
  const chosen = incident.neris?.incidentType;
  const path = 'neris.incidentType';
  if (chosen && chosen.length > 0) {
    const known = NERIS_INCIDENT_TYPES.some((r) => typeKey(r.path) === typeKey(chosen));
    if (!known) {
      return { candidates, findings: [{ ruleId: 'neris:incident-type-unknown', severity: 'WARNING', path, message: `${typeKey(chosen)} is not a NERIS incident type.` }] };
    }
    const inside = candidates.some((c) => typeKey(c) === typeKey(chosen));
    return {
      value: chosen,
      candidates,
      findings: inside ? [] : [{ ruleId: 'neris:incident-type-outside-crosswalk', severity: 'WARNING', path, message: `NFIRS ${code} does not cross-walk to ${typeKey(chosen)} in the NERIS framework; check the choice.` }],
    };
  }
  if (candidates.length === 0) {
    return { candidates, findings: [{ ruleId: 'neris:incident-type-unmapped', severity: 'WARNING', path: 'basic.incidentType', message: `NFIRS incident type ${code} has no NERIS incident type in the framework crosswalk; choose one.` }] };
  }
  if (candidates.length === 1) return { value: candidates[0], candidates, findings: [] };
  return {
    candidates,
    findings: [{ ruleId: 'neris:incident-type-ambiguous', severity: 'WARNING', path, message: `NFIRS ${code} cross-walks to ${candidates.length} NERIS incident types; choose one of: ${candidates.map(typeKey).join(', ')}.` }],
  };
}

/** Map the incident's NFIRS property use (Basic J) to one NERIS location use. */
export function mapPropertyUseToNeris(incident: FireIncident): CrosswalkResult<NerisLocationUse> {
  const code = incident.basic.propertyUse;
  const path = 'neris.locationUse';
  const candidates = code ? findNerisLocationUses(code).map((r) => ({ useType: r.useType, useSubtype: r.useSubtype })) : [];
  const key = (u: NerisLocationUse) => `${u.useType}||${u.useSubtype}`;
  const chosen = incident.neris?.locationUse;
  if (chosen) {
    const known = NERIS_LOCATION_USES.some((r) => key(r) === key(chosen));
    if (!known) return { candidates, findings: [{ ruleId: 'neris:location-use-unknown', severity: 'WARNING', path, message: `${key(chosen)} is not a NERIS location use.` }] };
    const inside = candidates.some((c) => key(c) === key(chosen));
    return {
      value: chosen,
      candidates,
      findings: inside || !code ? [] : [{ ruleId: 'neris:location-use-outside-crosswalk', severity: 'WARNING', path, message: `NFIRS property use ${code} does not cross-walk to ${key(chosen)} in the NERIS framework; check the choice.` }],
    };
  }
  if (!code) return { candidates, findings: [] };
  if (candidates.length === 0) {
    return { candidates, findings: [{ ruleId: 'neris:location-use-unmapped', severity: 'WARNING', path: 'basic.propertyUse', message: `NFIRS property use ${code} has no NERIS location use in the framework crosswalk; choose one.` }] };
  }
  if (candidates.length === 1) return { value: candidates[0], candidates, findings: [] };
  return {
    candidates,
    findings: [{ ruleId: 'neris:location-use-ambiguous', severity: 'WARNING', path, message: `NFIRS property use ${code} cross-walks to ${candidates.length} NERIS location uses; choose one of: ${candidates.map(key).join(', ')}.` }],
  };
}
