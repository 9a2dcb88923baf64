import { makePatientCareReport } from '@field/shared-model/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

let testDb: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  testDb = await createTestDatabase();
  t = await createTestApp(testDb.database);
});
afterAll(async () => {
  await testDb.drop();
});

type ConflictRow = { id: string; documentId: string; detail: { path: string; clientValue: unknown }[]; resolvedAt: string | null };

describe('supervisor review', () => {
  it('shows supervisors the value that lost a conflict, lets them resolve it, and keeps crews and other agencies out', async () => {
    const medic = (await t.login('demo', 'medic')).accessToken;
    const emt = (await t.login('demo', 'emt')).accessToken;
    const supervisor = (await t.login('demo', 'supervisor')).accessToken;
    const north = (await t.login('north', 'medic')).accessToken;
    const chart = { ...makePatientCareReport({ seed: 900, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }), _deleted: false };
    await t.call('POST', '/api/v1/sync/epcrs/0/push', medic, [{ newDocumentState: chart }]);
    const pulled = (await (await t.call('GET', '/api/v1/sync/epcrs/0/pull', medic)).json()) as { documents: typeof chart[] };
    const base = pulled.documents.find((d) => d.id === chart.id);
    await t.call('POST', '/api/v1/sync/epcrs/0/push', medic, [{ assumedMasterState: base, newDocumentState: { ...base, narrative: 'Kept', editedAt: '2030-01-01T00:00:00.000Z' } }]);
    await t.call('POST', '/api/v1/sync/epcrs/0/push', emt, [{ assumedMasterState: base, newDocumentState: { ...base, narrative: 'Lost value', editedAt: '2029-01-01T00:00:00.000Z' } }]);

    expect((await t.call('GET', '/api/v1/review/conflicts', medic)).status).toBe(403);
    expect((await t.call('GET', '/api/v1/review/conflicts')).status).toBe(401);
    const northView = (await (await t.call('GET', '/api/v1/review/conflicts', north)).json()) as unknown;
    expect(northView).toMatchObject({ error: { code: 'forbidden' } });

    const res = await t.call('GET', `/api/v1/review/conflicts?documentId=${chart.id}`, supervisor);
    const { conflicts } = (await res.json()) as { conflicts: ConflictRow[] };
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.detail[0]).toMatchObject({ path: 'narrative', clientValue: 'Lost value' });

    const id = conflicts[0]?.id ?? '';
    expect((await t.call('POST', `/api/v1/review/conflicts/${id}/resolve`, supervisor)).status).toBe(200);
    expect((await t.call('POST', `/api/v1/review/conflicts/${id}/resolve`, supervisor)).status).toBe(404);
    const open = (await (await t.call('GET', `/api/v1/review/conflicts?open=true&documentId=${chart.id}`, supervisor)).json()) as { conflicts: unknown[] };
    expect(open.conflicts).toEqual([]);
    expect((await t.call('GET', '/api/v1/review/conflicts?before=yesterday', supervisor)).status).toBe(400);
  });

  it('lists refused documents with their reason for the agency only', async () => {
    const medic = (await t.login('demo', 'medic')).accessToken;
    const supervisor = (await t.login('demo', 'supervisor')).accessToken;
    const bad = { ...makePatientCareReport({ seed: 901, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }), status: 'bogus', _deleted: false };
    await t.call('POST', '/api/v1/sync/epcrs/0/push', medic, [{ newDocumentState: bad }]);
    const body = (await (await t.call('GET', '/api/v1/review/refused-documents', supervisor)).json()) as {
      refusedDocuments: { documentId: string; code: string; reason: string; document: { status: string } }[];
    };
    const row = body.refusedDocuments.find((r) => r.documentId === bad.id);
    expect(row).toMatchObject({ code: 'schema', document: { status: 'bogus' } });
  });
});
