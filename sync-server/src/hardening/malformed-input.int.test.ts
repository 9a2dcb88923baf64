import { makePatientCareReport } from '@field/shared-model/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

/** Regressions for the 500s the fuzz test found: each input now gets a 400 that says what is wrong. */
const epcrs = '/api/v1/sync/epcrs/0';
let testDb: TestDatabase;
let t: TestApp;
let medic: string;

function chart(seed: number, overrides: Record<string, unknown> = {}) {
  return { ...makePatientCareReport({ seed, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }), ...overrides, _deleted: false };
}

async function rawPush(text: string): Promise<Response> {
  return t.app.request(`${epcrs}/push`, {
    method: 'POST', headers: { authorization: `Bearer ${medic}`, 'content-type': 'application/json' }, body: text,
  });
}

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

async function pullDocs(checkpoint = ''): Promise<{ documents: Record<string, unknown>[]; checkpoint: string }> {
  const res = await t.call('GET', `${epcrs}/pull?limit=1000&checkpoint=${encodeURIComponent(checkpoint)}`, medic);
  expect(res.status).toBe(200);
  return (await res.json()) as { documents: Record<string, unknown>[]; checkpoint: string };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  t = await createTestApp(testDb.database);
  medic = (await t.login('demo', 'medic')).accessToken;
});
afterAll(async () => {
  await testDb.drop();
});

describe('checkpoints the server never issued', () => {
  it('answers 400 for a transaction id beyond bigint and for an id with NUL or invalid UTF-8', async () => {
    for (const checkpoint of ['99999999999999999999.', '9223372036854775808.YQ', '1.AAAA', '1._w', '01.YQ']) {
      const res = await t.call('GET', `${epcrs}/pull?checkpoint=${encodeURIComponent(checkpoint)}`, medic);
      expect(res.status, checkpoint).toBe(400);
      expect((await errorOf(res)).code).toBe('bad_request');
    }
  });

  it('still accepts the checkpoints it hands out, including the largest transaction id', async () => {
    const doc = chart(1);
    expect(await (await t.call('POST', `${epcrs}/push`, medic, [{ newDocumentState: doc }])).json()).toEqual([]);
    const first = await pullDocs();
    expect(first.documents.map((d) => d.id)).toContain(doc.id);
    expect((await pullDocs(first.checkpoint)).documents).toEqual([]);
    expect((await pullDocs(`9223372036854775807.${Buffer.from(doc.id).toString('base64url')}`)).documents).toEqual([]);
  });
});

describe('JSON that parses but cannot be stored or processed', () => {
  it('refuses an unpaired surrogate with 400 and stores a real emoji', async () => {
    const lone = await rawPush(JSON.stringify([{ newDocumentState: chart(2, { narrative: 'pain \ud83d' }) }]));
    expect(lone.status).toBe(400);
    expect((await errorOf(lone)).message).toMatch(/unpaired UTF-16 surrogate/);
    const loneKey = await rawPush(`[{"newDocumentState":{"id":"x-1","\\udc00":1}}]`);
    expect(loneKey.status).toBe(400);

    const emoji = chart(3, { narrative: 'pain 8/10 \ud83d\ude23, escaped too: \u00e9' });
    const ok = await rawPush(JSON.stringify([{ newDocumentState: emoji }]).replace('\ud83d\ude23', '\\ud83d\\ude23'));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual([]);
    const stored = (await pullDocs()).documents.find((d) => d.id === emoji.id);
    expect(stored?.narrative).toBe(emoji.narrative);
  });

  it('refuses nesting deeper than 64 levels with 400 and keeps the rest of the server working', async () => {
    const deep = `[{"newDocumentState":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}]`;
    const res = await rawPush(deep);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/nested deeper than 64/);
    const wide = await rawPush(`[${'['.repeat(100_000)}${']'.repeat(100_000)}]`);
    expect(wide.status).toBe(400);

    const realistic = { ...makePatientCareReport({ seed: 4, realistic: true, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }), _deleted: false };
    expect(await (await t.call('POST', `${epcrs}/push`, medic, [{ newDocumentState: realistic }])).json()).toEqual([]);
  });
});

describe('portal login with an impossible date of service', () => {
  it('answers 400, not a database error', async () => {
    for (const dateOfService of ['2026-02-30', '2026-13-01', '0000-01-01', '2026-00-10']) {
      const res = await t.call('POST', '/api/v1/auth/portal', undefined, { accountNumber: 'A-1001', dateOfService, lastName: 'Rivera' });
      expect(res.status, dateOfService).toBe(400);
      expect((await errorOf(res)).message).toMatch(/dateOfService/);
    }
    const leap = await t.call('POST', '/api/v1/auth/portal', undefined, { accountNumber: 'A-1001', dateOfService: '2024-02-29', lastName: 'Rivera' });
    expect(leap.status).toBe(401);
  });
});
