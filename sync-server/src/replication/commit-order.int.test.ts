import { makePatientCareReport } from '@field/shared-model/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../testing/test-database';
import { writeDocument } from './document-store';

let testDb: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  testDb = await createTestDatabase();
  t = await createTestApp(testDb.database);
});
afterAll(async () => {
  await testDb.drop();
});

type Pulled = { documents: { id: string }[]; checkpoint: string | null };

async function pull(token: string, checkpoint: string | null): Promise<Pulled> {
  const q = checkpoint ? `?checkpoint=${encodeURIComponent(checkpoint)}` : '';
  const res = await t.call('GET', `/api/v1/sync/epcrs/0/pull${q}`, token);
  expect(res.status).toBe(200);
  return (await res.json()) as Pulled;
}

function chart(seed: number) {
  return { ...makePatientCareReport({ seed, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }), _deleted: false };
}

// PGlite has a single connection: two transactions can never be open at once there, so the
// interleaving this test forces cannot happen. It runs whenever DATABASE_URL points at Postgres (CI).
describe.skipIf(!usingPostgres())('pull under out-of-order commits (Postgres)', () => {
  it('never skips a change whose transaction started first but committed last', async () => {
    const { accessToken } = await t.login('demo', 'medic');
    let checkpoint = (await pull(accessToken, null)).checkpoint;

    const early = chart(600);
    const late = chart(601);
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    let written!: () => void;
    const wroteEarly = new Promise<void>((resolve) => { written = resolve; });

    // Transaction 1 takes its transaction id first (by writing `early`), then stays open.
    const slow = testDb.database.db.transaction(async (tx) => {
      const at = new Date(t.clock.now()).toISOString();
      await writeDocument(tx, 'demo', 'epcrs', { ...early, updatedAt: at }, false, at);
      written();
      await released;
    });
    await wroteEarly;
    // Transaction 2 (a normal push) starts later, gets a larger id, and commits first.
    const pushed = await t.call('POST', '/api/v1/sync/epcrs/0/push', accessToken, [{ newDocumentState: late }]);
    expect(await pushed.json()).toEqual([]);

    // A pull now must not move its checkpoint past transaction 1, which is still in flight.
    const during = await pull(accessToken, checkpoint);
    expect(during.documents.map((d) => d.id)).not.toContain(early.id);
    checkpoint = during.checkpoint;

    release();
    await slow;
    const after = await pull(accessToken, checkpoint);
    const seen = new Set([...during.documents, ...after.documents].map((d) => d.id));
    expect(seen.has(early.id)).toBe(true);
    expect(seen.has(late.id)).toBe(true);
  });
});
