import { hasErrors, parseInstant, type Finding } from '@field/shared-model';
import type { FireIncident } from './fire-incident';
import { validateFireIncident } from './nfirs-rules';

/**
 * NFIRS 5.0 transaction records (the delimited "incident flat file transfer format").
 *
 * SOURCE NOTE — the published layout (NFIRS 5.0 Design Documentation, "Incident Flat File Transfer
 * Format": transaction record hierarchy, delimiters, transaction flags, per-transaction field order) was
 * NOT available offline. What we implement is reconstructed from secondary descriptions and must be
 * checked against the Design Documentation before submitting to a state:
 * - one transaction per line, fields separated by `^`, lines ended by CRLF (vendor descriptions of
 *   NFIRS .txt files: caret-delimited lines);
 * - every line starts with the record key: FDID ^ State ^ incident date (YYYYMMDD) ^ incident number ^
 *   exposure ^ record type (transaction code) ^ transaction type — the key elements listed for every
 *   transaction by NFIRS reference sites;
 * - record types: 1000 incident header (vendor id, software version) and 1005 basic incident and
 *   1010 incident address are as seen in a published sample file; 2000 (Fire module) and 3000
 *   (Structure Fire module) are OUR ASSUMED codes;
 * - the transaction type is written as `A` (add), `C` (change) or `D` (delete) — our assumption from
 *   the Design Documentation's section title "Addition, Deletion, Change and No Activity Transaction Flags";
 * - the order of fields after the key is ours (listed in docs/fire-and-flight-rules.md);
 * - date/times are written as YYYYMMDDhhmm in the wall-clock time recorded in the ISO string
 *   (NFIRS times are local to the department);
 * - `^`, CR and LF inside values are replaced by spaces. Remarks (Basic L) and persons (K, M) are not
 *   exported, because their record types are unknown to us.
 */

export type NfirsTransactionType = 'A' | 'C' | 'D';

export interface NfirsExportOptions {
  /** Start of the range (inclusive), ISO with offset; incidents are selected by alarm time. */
  from: string;
  /** End of the range (exclusive). */
  to: string;
  vendorId: string;
  softwareVersion: string;
  transactionType?: NfirsTransactionType;
  /** Export incidents that have NFIRS ERROR findings too (default false: they are left out and reported). */
  includeInvalid?: boolean;
}

const clean = (v: string | number | boolean | undefined): string =>
  v === undefined ? '' : typeof v === 'boolean' ? (v ? 'Y' : 'N') : String(v).replace(/[\^\r\n]/g, ' ');

/** `2026-05-04T13:05:00-04:00` → `202605041305` (wall clock as recorded). */
export function formatNfirsDateTime(value: string | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  return m ? `${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}` : '';
}

function key(incident: FireIncident, recordType: string, transactionType: NfirsTransactionType): string[] {
  const b = incident.basic;
  return [b.fdid, b.state, b.incidentDate.replaceAll('-', ''), b.incidentNumber, String(b.exposureNumber), recordType, transactionType];
}

/** The transaction lines of one incident. */
export function buildNfirsTransactions(incident: FireIncident, options: Pick<NfirsExportOptions, 'vendorId' | 'softwareVersion' | 'transactionType'>): string[] {
  const tt = options.transactionType ?? 'A';
  const b = incident.basic;
  const line = (recordType: string, fields: (string | number | boolean | undefined)[]) => [...key(incident, recordType, tt), ...fields.map(clean)].join('^');
  const lines = [line('1000', [options.vendorId, options.softwareVersion])];
  lines.push(
    line('1005', [
      b.station, b.incidentType, b.aidGivenOrReceived, b.aidFdid, b.aidIncidentNumber,
      formatNfirsDateTime(b.alarmAt), formatNfirsDateTime(b.arrivalAt), formatNfirsDateTime(b.controlledAt), formatNfirsDateTime(b.lastUnitClearedAt),
      b.shift, b.alarms, b.district,
      b.actionsTaken[0], b.actionsTaken[1], b.actionsTaken[2],
      b.resources?.suppressionApparatus, b.resources?.suppressionPersonnel, b.resources?.emsApparatus, b.resources?.emsPersonnel,
      b.resources?.otherApparatus, b.resources?.otherPersonnel, b.resources?.includesAidReceived,
      b.losses?.propertyLoss, b.losses?.contentsLoss, b.losses?.propertyValue, b.losses?.contentsValue,
      b.casualties?.fireServiceDeaths, b.casualties?.fireServiceInjuries, b.casualties?.civilianDeaths, b.casualties?.civilianInjuries,
      b.detectorAlertedOccupants, b.hazardousMaterialsRelease, b.mixedUse, b.propertyUse,
    ]),
  );
  if (b.location) {
    const l = b.location;
    lines.push(line('1010', [l.locationType, l.numberOrMilepost, l.streetPrefix, l.streetOrHighwayName, l.streetType, l.streetSuffix, l.apartment, l.city, l.state, l.zip, l.censusTract, l.crossStreetOrDirections]));
  }
  if (incident.fire) {
    const f = incident.fire;
    lines.push(
      line('2000', [
        f.residentialLivingUnits, f.buildingsInvolved, f.acresBurned,
        f.areaOfOrigin, f.heatSource, f.itemFirstIgnited, f.confinedToObjectOfOrigin, f.typeOfMaterialFirstIgnited,
        f.causeOfIgnition, (f.factorsContributing ?? []).join(','), (f.humanFactors ?? []).join(','), f.humanFactorEstimatedAge, f.humanFactorSex,
        f.mobilePropertyInvolved, (f.fireSuppressionFactors ?? []).join(','),
      ]),
    );
  }
  if (incident.structureFire) {
    const s = incident.structureFire;
    lines.push(
      line('3000', [
        s.structureType, s.buildingStatus, s.storiesAboveGrade, s.storiesBelowGrade, s.mainFloorSizeSqFt,
        s.storyOfFireOrigin, s.fireSpread, s.itemContributingMostToFlameSpread, s.typeOfMaterialContributingMost,
        s.detectorPresence, s.detectorType, s.detectorPower, s.detectorOperation, s.detectorEffectiveness, s.detectorFailureReason,
        s.aesPresence, s.aesType, s.aesOperation, s.sprinklerHeadsOperating, s.aesFailureReason,
      ]),
    );
  }
  return lines;
}

/** NFIRS transaction text for every incident whose alarm falls in [from, to), with findings. */
export function exportNfirsTransactions(incidents: readonly FireIncident[], options: NfirsExportOptions): { text: string; incidentCount: number; findings: Finding[] } {
  const from = parseInstant(options.from);
  const to = parseInstant(options.to);
  if (from === undefined || to === undefined || to < from) {
    return { text: '', incidentCount: 0, findings: [{ ruleId: 'nfirs-export:range', severity: 'ERROR', path: 'range', message: 'The export range needs ISO-8601 from/to times with offsets, from before to.' }] };
  }
  const findings: Finding[] = [];
  const lines: string[] = [];
  let count = 0;
  const inRange = incidents
    .map((incident) => ({ incident, alarm: parseInstant(incident.basic.alarmAt) }))
    .filter((x): x is { incident: FireIncident; alarm: number } => x.alarm !== undefined && x.alarm >= from && x.alarm < to)
    .sort((a, b) => a.alarm - b.alarm);
  for (const { incident } of inRange) {
    const problems = validateFireIncident(incident);
    if (hasErrors(problems) && !options.includeInvalid) {
      findings.push({ ruleId: 'nfirs-export:invalid-incident', severity: 'WARNING', path: incident.id, message: `Left out: ${problems.filter((p) => p.severity === 'ERROR').length} NFIRS error(s) (first: ${problems.find((p) => p.severity === 'ERROR')?.ruleId ?? ''}).` });
      continue;
    }
    lines.push(...buildNfirsTransactions(incident, options));
    count++;
  }
  return { text: lines.length > 0 ? `${lines.join('\r\n')}\r\n` : '', incidentCount: count, findings };
}
