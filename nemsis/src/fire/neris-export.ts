import { parseInstant, type Finding } from '@field/shared-model';
import type { FireIncident } from './fire-incident';
import { mapIncidentTypeToNeris, mapPropertyUseToNeris } from './neris-crosswalk';

/**
 * NERIS-shaped JSON. Field names follow the NERIS framework's module tables (core_mod_incident,
 * mod_location_use, mod_civic_location, core_mod_dispatch, mod_unit_response, mod_tactic_timestamps,
 * mod_fire). The framework README says the NERIS API, not the framework, defines the wire format;
 * the API schema was not available offline, so this is the framework's shape, not a validated API
 * payload. `x_nfirs` keeps the source NFIRS codes for audit.
 */
export interface NerisIncidentJson {
  incident_neris_id: string;
  incident_internal_id: string;
  incident_final_type: string[][];
  incident_final_type_primary: boolean[];
  incident_location?: Record<string, string | number>;
  incident_location_use?: { use_type: string; use_subtype: string };
  incident_aid_direction?: 'GIVEN' | 'RECEIVED';
  incident_narrative_outcome?: string;
  dispatch: { dispatch_time_call_create?: string; time_incident_clear?: string };
  unit_response: { time_on_scene?: string }[];
  tactic_timestamps: { time_fire_under_control?: string };
  fire?: { outside_fire_acres_burned?: number; structure_floor_of_origin?: number };
  x_nfirs: { fdid: string; state: string; incident_number: string; exposure: number; incident_type: string; property_use?: string };
}

export interface NerisExportOptions {
  /** The department's NERIS entity id, e.g. `FD24027000`. */
  departmentNerisId: string;
}

const utc = (value: string | undefined): string | undefined => {
  const ms = parseInstant(value);
  return ms === undefined ? undefined : new Date(ms).toISOString();
};

/** One incident as NERIS-shaped JSON, with the crosswalk findings (prefixed by the incident id). */
export function exportNerisIncident(incident: FireIncident, options: NerisExportOptions): { incident?: NerisIncidentJson; findings: Finding[] } {
  const { basic } = incident;
  const prefix = (f: Finding): Finding => ({ ...f, path: `${incident.id}.${f.path}` });
  const alarm = parseInstant(basic.alarmAt);
  if (alarm === undefined) {
    return { findings: [{ ruleId: 'neris:alarm-time', severity: 'ERROR', path: `${incident.id}.basic.alarmAt`, message: 'No valid alarm time: the NERIS incident id is built from it.' }] };
  }
  const type = mapIncidentTypeToNeris(incident);
  const use = mapPropertyUseToNeris(incident);
  const loc = basic.location;
  const location =
    loc && loc.locationType === '1'
      ? Object.fromEntries(
          Object.entries({
            an_number: loc.numberOrMilepost && /^\d+$/.test(loc.numberOrMilepost) ? Number(loc.numberOrMilepost) : undefined,
            sn_pre_directional: loc.streetPrefix,
            sn_street_name: loc.streetOrHighwayName,
            sn_post_type: loc.streetType,
            sn_post_directional: loc.streetSuffix,
            nl_unit_value: loc.apartment,
            csop_incorporated_muni: loc.city,
            csop_state: loc.state,
            csop_postal_code: loc.zip,
          }).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== ''),
        )
      : undefined;
  const aid = basic.aidGivenOrReceived;
  const json: NerisIncidentJson = {
    incident_neris_id: `${options.departmentNerisId}:${alarm}`,
    incident_internal_id: `${basic.fdid}-${basic.incidentDate}-${basic.incidentNumber}-${basic.exposureNumber}`,
    incident_final_type: type.value ? [[...type.value]] : [],
    incident_final_type_primary: type.value ? [true] : [],
    ...(location ? { incident_location: location } : {}),
    ...(use.value ? { incident_location_use: { use_type: use.value.useType, use_subtype: use.value.useSubtype } } : {}),
    ...(aid === '1' || aid === '2' ? { incident_aid_direction: 'RECEIVED' as const } : {}),
    ...(aid === '3' || aid === '4' || aid === '5' ? { incident_aid_direction: 'GIVEN' as const } : {}),
    ...(basic.remarks ? { incident_narrative_outcome: basic.remarks } : {}),
    dispatch: { dispatch_time_call_create: utc(basic.alarmAt), time_incident_clear: utc(basic.lastUnitClearedAt) },
    unit_response: basic.arrivalAt ? [{ time_on_scene: utc(basic.arrivalAt) }] : [],
    tactic_timestamps: { time_fire_under_control: utc(basic.controlledAt) },
    ...(incident.fire || incident.structureFire
      ? { fire: { outside_fire_acres_burned: incident.fire?.acresBurned, structure_floor_of_origin: incident.structureFire?.storyOfFireOrigin } }
      : {}),
    x_nfirs: { fdid: basic.fdid, state: basic.state, incident_number: basic.incidentNumber, exposure: basic.exposureNumber, incident_type: basic.incidentType, property_use: basic.propertyUse },
  };
  return { incident: JSON.parse(JSON.stringify(json)) as NerisIncidentJson, findings: [...type.findings, ...use.findings].map(prefix) };
}

export interface NerisRangeExportOptions extends NerisExportOptions {
  /** Start of the range (inclusive), ISO with offset. */
  from: string;
  /** End of the range (exclusive), ISO with offset. */
  to: string;
}

/** Every incident whose alarm falls in [from, to), as NERIS-shaped JSON, ordered by alarm time. */
export function exportNerisIncidents(incidents: readonly FireIncident[], options: NerisRangeExportOptions): { incidents: NerisIncidentJson[]; findings: Finding[] } {
  const from = parseInstant(options.from);
  const to = parseInstant(options.to);
  if (from === undefined || to === undefined || to < from) {
    return { incidents: [], findings: [{ ruleId: 'neris:export-range', severity: 'ERROR', path: 'range', message: 'The export range needs ISO-8601 from/to times with offsets, from before to.' }] };
  }
  const findings: Finding[] = [];
  const selected = incidents
    .map((incident) => ({ incident, alarm: parseInstant(incident.basic.alarmAt) }))
    .filter((x) => {
      if (x.alarm === undefined) {
        findings.push({ ruleId: 'neris:alarm-time', severity: 'WARNING', path: `${x.incident.id}.basic.alarmAt`, message: 'Left out of the export: no valid alarm time.' });
        return false;
      }
      return x.alarm >= from && x.alarm < to;
    })
    .sort((a, b) => (a.alarm ?? 0) - (b.alarm ?? 0));
  const out: NerisIncidentJson[] = [];
  for (const { incident } of selected) {
    const r = exportNerisIncident(incident, options);
    findings.push(...r.findings);
    if (r.incident) out.push(r.incident);
  }
  return { incidents: out, findings };
}
