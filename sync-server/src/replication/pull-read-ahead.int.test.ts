import { makePatientCareReport } from '@field/shared-model/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rowsOf } from '../db/rows';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

/**
 * Pull read-ahead (pull-read-ahead.ts) through the real routes: after a full page the server reads
 * the next one early; these tests make sure that early page never changes what a device receives.
 */
type Page = { documents: { id: string; unitId?: string }[]; checkpoint: string | null };
const epcrs = '/api/v1/sync/epcrs/0';

let testDb: TestDatabase;
let t: TestApp;
let medic: string;
let supervisor: string;
let seed = 9000;

function chart(unitId: string, createdBy: string) {
  return makePatientCareReport({ seed: seed++, agencyId: 'demo', unitId, createdBy });
}

function counter(app: TestApp, name: string): number {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)$`, 'm').exec(app.app.metrics.render());
  return Number(match?.[1] ?? 0);
}

/**
 * Pushes and waits until this instance has heard the commit's change notification: it arrives a
 * moment after the commit and drops pages read ahead, which would otherwise race the assertions.
 */
async function push(token: string, docs: unknown[]): Promise<void> {
  const heard = counter(t, 'sync_change_notifications_total');
  const res = await t.call('POST', `${epcrs}/push`, token, docs.map((doc) => ({ newDocumentState: doc })));
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual([]);
  await vi.waitFor(() => expect(counter(t, 'sync_change_notifications_total')).toBeGreaterThan(heard), { timeout: 5000 });
}

async function pull(token: string, checkpoint: string | null, limit: number): Promise<Page> {
  const query = new URLSearchParams({ limit: String(limit), checkpoint: checkpoint ?? '' });
  const res = await t.call('GET', `${epcrs}/pull?${query.toString()}`, token);
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
}

/** Where `token`'s pulls stand after everything written so far (the last page is short: no read-ahead). */
async function head(token: string): Promise<string | null> {
  let checkpoint: string | null = null;
  for (;;) {
    const page = await pull(token, checkpoint, 1000);
    checkpoint = page.checkpoint ?? checkpoint;
    if (page.documents.length < 1000) return checkpoint;
  }
}

/** How many pulls were answered with a page read ahead so far. */
function pagesUsed(): number {
  return counter(t, 'sync_pull_read_ahead_used_total');
}

async function auditedPulls(documentId: string): Promise<number> {
  const result = await testDb.database.db.execute(sql`
    SELECT count(*)::int AS n FROM audit_log WHERE action = 'epcrs.pull' AND ${documentId} = ANY (document_ids)`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  t = await createTestApp(testDb.database);
  medic = (await t.login('demo', 'medic')).accessToken;
  supervisor = (await t.login('demo', 'supervisor')).accessToken;
  // Listen for change notifications from the start, so push() can wait for each one.
  await t.app.feed.subscribe('demo', 'epcrs', () => {}, { stream: false });
});
afterAll(async () => {
  await testDb.drop();
});

describe('pull read-ahead', () => {
  it('hands the next page over on the next pull and audits it then, not when it was read', async () => {
    const start = await head(medic);
    const docs = [chart('M1', 'u-medic'), chart('M1', 'u-medic'), chart('M1', 'u-medic'), chart('M1', 'u-medic')];
    await push(medic, docs);
    const used = pagesUsed();
    const first = await pull(medic, start, 2);
    expect(first.documents.map((d) => d.id)).toEqual([docs[0]?.id, docs[1]?.id]);
    await t.app.readAhead.settled();
    expect(await auditedPulls(docs[2]?.id ?? '')).toBe(0);
    const second = await pull(medic, first.checkpoint, 2);
    expect(second.documents.map((d) => d.id)).toEqual([docs[2]?.id, docs[3]?.id]);
    expect(pagesUsed()).toBe(used + 1);
    expect(await auditedPulls(docs[2]?.id ?? '')).toBe(1);
  });

  it('drops the page read ahead when the collection changes, so the next pull has the new change', async () => {
    const start = await head(medic);
    const docs = [chart('M1', 'u-medic'), chart('M1', 'u-medic'), chart('M1', 'u-medic')];
    await push(medic, docs);
    const first = await pull(medic, start, 2);
    await t.app.readAhead.settled();
    const late = chart('M1', 'u-emt');
    await push(supervisor, [late]);
    const used = pagesUsed();
    const second = await pull(medic, first.checkpoint, 2);
    expect(second.documents.map((d) => d.id)).toEqual([docs[2]?.id, late.id]);
    expect(pagesUsed()).toBe(used);
  });

  it('drops the page read ahead when the change comes through another server instance', async () => {
    const other = await createTestApp(await testDb.openSecond(), { seed: false });
    const otherMedic = (await other.login('demo', 'medic')).accessToken;
    const start = await head(medic);
    const docs = [chart('M1', 'u-medic'), chart('M1', 'u-medic'), chart('M1', 'u-medic')];
    await push(medic, docs);
    const first = await pull(medic, start, 2);
    await t.app.readAhead.settled();
    expect(t.app.readAhead.size).toBe(1);
    const late = chart('M1', 'u-medic');
    const res = await other.call('POST', `${epcrs}/push`, otherMedic, [{ newDocumentState: late }]);
    expect(res.status).toBe(200);
    // The change notification (LISTEN/NOTIFY) reaches this instance a moment after the commit.
    await vi.waitFor(() => expect(t.app.readAhead.size).toBe(0), { timeout: 5000 });
    const second = await pull(medic, first.checkpoint, 2);
    expect(second.documents.map((d) => d.id)).toEqual([docs[2]?.id, late.id]);
    await other.app.feed.close();
  });

  it('never hands one caller\'s page to another caller asking from the same checkpoint', async () => {
    const start = await head(supervisor);
    await push(medic, [chart('M1', 'u-medic'), chart('M1', 'u-medic')]);
    const otherUnit = [chart('M2', 'u-supervisor'), chart('M2', 'u-supervisor')];
    await push(supervisor, otherUnit);
    // The supervisor sees every unit; the page after this one (read ahead for the supervisor) holds M2's charts.
    const first = await pull(supervisor, start, 2);
    await t.app.readAhead.settled();
    expect(t.app.readAhead.size).toBe(1);
    const medicView = await pull(medic, first.checkpoint, 2);
    expect(medicView.documents).toEqual([]);
    const supervisorView = await pull(supervisor, first.checkpoint, 2);
    expect(supervisorView.documents.map((d) => d.id)).toEqual(otherUnit.map((d) => d.id));
  });
});
