import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { FireIncident } from './fire-incident';
import { exportNerisIncidents } from './neris-export';
import { exportNfirsTransactions } from './nfirs-export';
import { validateFireIncident } from './nfirs-rules';
import { makeFireIncident } from './test-factory';

const time = fc.oneof(fc.string(), fc.constant(undefined), fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }).map((ms) => new Date(ms).toISOString()));
const code = fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: 100, max: 999 }).map(String));

describe('bad fire-incident input never throws and never yields NaN', () => {
  it('validation and both exports', () => {
    fc.assert(
      fc.property(time, time, time, time, code, code, fc.array(code, { maxLength: 4 }), (alarmAt, arrivalAt, controlledAt, lastUnitClearedAt, incidentType, propertyUse, actionsTaken) => {
        const incident: FireIncident = makeFireIncident({ basic: { alarmAt, arrivalAt, controlledAt, lastUnitClearedAt, incidentType, propertyUse, actionsTaken } });
        const findings = validateFireIncident(incident);
        const neris = exportNerisIncidents([incident], { departmentNerisId: 'FD1', from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
        const nfirs = exportNfirsTransactions([incident], { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', vendorId: 'V', softwareVersion: '5.0', includeInvalid: true });
        const text = JSON.stringify([findings, neris]) + nfirs.text;
        return !text.includes('NaN') && !text.includes('Invalid Date');
      }),
    );
  });
});
