import { describe, expect, it } from 'vitest';
import { buildNfirsTransactions, exportNfirsTransactions, formatNfirsDateTime } from './nfirs-export';
import { makeFireIncident } from './test-factory';

const options = { vendorId: 'FLD', softwareVersion: '5.0', from: '2026-05-01T00:00:00Z', to: '2026-06-01T00:00:00Z' };

describe('NFIRS transaction records', () => {
  it('writes caret-delimited lines that start with the record key', () => {
    const lines = buildNfirsTransactions(makeFireIncident(), options);
    expect(lines.map((l) => l.split('^').slice(0, 7).join('^'))).toEqual([
      '31D44^WA^20260504^124^0^1000^A',
      '31D44^WA^20260504^124^0^1005^A',
      '31D44^WA^20260504^124^0^1010^A',
      '31D44^WA^20260504^124^0^2000^A',
      '31D44^WA^20260504^124^0^3000^A',
    ]);
    expect(lines[0]).toBe('31D44^WA^20260504^124^0^1000^A^FLD^5.0');
    const basic = lines[1]?.split('^') ?? [];
    expect(basic.slice(7, 16)).toEqual(['2', '111', 'N', '', '', '202605041305', '202605041311', '202605041340', '202605041520']);
  });

  it('writes local wall-clock times as recorded and strips delimiters from text', () => {
    expect(formatNfirsDateTime('2026-03-08T01:59:00-05:00')).toBe('202603080159');
    expect(formatNfirsDateTime(undefined)).toBe('');
    const lines = buildNfirsTransactions(makeFireIncident({ basic: { location: { locationType: '1', streetOrHighwayName: 'A^B\r\nC' } } }), options);
    expect(lines[2]).toContain('^A B  C^');
  });

  it('exports a date range in alarm order with CRLF endings and leaves out invalid incidents', () => {
    const incidents = [
      makeFireIncident({ id: 'b', basic: { incidentNumber: '2', alarmAt: '2026-05-20T10:00:00Z', arrivalAt: '2026-05-20T10:05:00Z', controlledAt: undefined, lastUnitClearedAt: '2026-05-20T11:00:00Z' } }),
      makeFireIncident({ id: 'a', basic: { incidentNumber: '1', alarmAt: '2026-05-02T10:00:00Z', arrivalAt: '2026-05-02T10:05:00Z', controlledAt: undefined, lastUnitClearedAt: '2026-05-02T11:00:00Z' } }),
      makeFireIncident({ id: 'bad', basic: { incidentNumber: '3', alarmAt: '2026-05-03T10:00:00Z', arrivalAt: '2026-05-03T09:00:00Z', controlledAt: undefined, lastUnitClearedAt: '2026-05-03T11:00:00Z' } }),
      makeFireIncident({ id: 'june', basic: { incidentNumber: '4', alarmAt: '2026-06-01T00:00:00Z' } }),
    ];
    const r = exportNfirsTransactions(incidents, options);
    expect(r.incidentCount).toBe(2);
    expect(r.text.endsWith('\r\n')).toBe(true);
    const numbers = [...new Set(r.text.trimEnd().split('\r\n').map((l) => l.split('^')[3]))];
    expect(numbers).toEqual(['1', '2']);
    expect(r.findings).toEqual([expect.objectContaining({ ruleId: 'nfirs-export:invalid-incident', path: 'bad' })]);
    expect(exportNfirsTransactions(incidents, { ...options, includeInvalid: true }).incidentCount).toBe(3);
  });

  it('a bad range is a finding and exports nothing', () => {
    const r = exportNfirsTransactions([makeFireIncident()], { ...options, to: '2026-04-01T00:00:00Z' });
    expect(r).toMatchObject({ text: '', incidentCount: 0, findings: [expect.objectContaining({ ruleId: 'nfirs-export:range' })] });
  });
});
