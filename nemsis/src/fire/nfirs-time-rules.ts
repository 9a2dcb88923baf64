import { parseInstant, type Finding } from '@field/shared-model';
import { incidentSeries, type FireIncident } from './fire-incident';
import { nfirsFinding } from './nfirs-finding';

const TIME_FIELDS = ['alarmAt', 'arrivalAt', 'controlledAt', 'lastUnitClearedAt'] as const;
type TimeField = (typeof TIME_FIELDS)[number];
const LABEL: Record<TimeField, string> = {
  alarmAt: 'alarm',
  arrivalAt: 'arrival',
  controlledAt: 'controlled',
  lastUnitClearedAt: 'last unit cleared',
};

/**
 * Basic E1 time rules: the alarm time is required; every entered time must be an ISO-8601 time with an
 * offset; arrival and controlled not before alarm; arrival not after controlled or last unit cleared;
 * nothing after last unit cleared; a WARNING when alarm to last unit cleared exceeds 24 h outside the 800 series.
 */
export function checkTimeRules(incident: FireIncident): Finding[] {
  const findings: Finding[] = [];
  const { basic } = incident;
  const t: Partial<Record<TimeField, number>> = {};
  for (const field of TIME_FIELDS) {
    const raw = basic[field];
    if (raw === undefined || raw === '') continue;
    const ms = parseInstant(raw);
    if (ms === undefined) {
      findings.push(nfirsFinding('nfirs:time-format', 'ERROR', `basic.${field}`, `The ${LABEL[field]} time must be an ISO-8601 time with Z or an offset.`));
    } else t[field] = ms;
  }
  if (basic.alarmAt === undefined || basic.alarmAt === '') {
    findings.push(nfirsFinding('nfirs:required-field', 'ERROR', 'basic.alarmAt', 'The alarm date and time (E1) is required.'));
  }
  const before = (a: TimeField, b: TimeField, message: string) => {
    const x = t[a];
    const y = t[b];
    if (x !== undefined && y !== undefined && x > y) findings.push(nfirsFinding('nfirs:time-order', 'ERROR', `basic.${a}`, message));
  };
  before('alarmAt', 'arrivalAt', 'Arrival is before the alarm.');
  before('alarmAt', 'controlledAt', 'Controlled is before the alarm.');
  before('arrivalAt', 'controlledAt', 'Arrival is after the fire was controlled.');
  before('arrivalAt', 'lastUnitClearedAt', 'Arrival is after the last unit cleared.');
  before('controlledAt', 'lastUnitClearedAt', 'Controlled is after the last unit cleared.');
  before('alarmAt', 'lastUnitClearedAt', 'The last unit cleared before the alarm.');

  const { alarmAt: alarm, lastUnitClearedAt: cleared } = t;
  if (alarm !== undefined && cleared !== undefined && cleared - alarm > 24 * 3_600_000 && incidentSeries(basic.incidentType) !== 800) {
    const hours = Math.round(((cleared - alarm) / 3_600_000) * 10) / 10;
    findings.push(nfirsFinding('nfirs:duration-over-24h', 'WARNING', 'basic.lastUnitClearedAt', `The incident lasted ${hours} h from alarm to last unit cleared; check the times (only 800-series incidents usually run past 24 h).`));
  }
  return findings;
}
