import 'fake-indexeddb/auto';
import { makeIncident } from '@field/shared-model/testing';
import { createStore } from 'idb-keyval';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getFieldCollection, openFieldDatabase, type FieldDatabase } from '../data/open-field-database';
import { SessionManager } from '../session/session-manager';
import { CollectionReplication } from './collection-replication';
import { OutboxLedger } from './outbox-ledger';
import { SyncStatusStore } from './sync-status-store';

const user = { id: 'u-dispatcher', agencyId: 'demo', roles: ['dispatcher'], displayName: 'Dana Dispatch' };
const baseRetryMs = 10;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

let db: FieldDatabase | undefined;
let replication: CollectionReplication | undefined;

afterEach(async () => {
  await replication?.stop();
  await db?.close();
  vi.unstubAllGlobals();
});

/** A replication of `incidents` against a fake server whose pushes answer `pushStatus`; counts the pushes. */
async function replicate(pushStatus: number) {
  const counts = { pushes: 0 };
  vi.stubGlobal('fetch', vi.fn(async (input: string | URL | Request) => {
    const url = String(input);
    if (url.endsWith('/auth/login')) return json({ accessToken: 'a', refreshToken: 'r', expiresIn: 900, user });
    if (url.includes('/pull')) return json({ documents: [], checkpoint: null });
    if (url.includes('/push')) {
      counts.pushes += 1;
      return pushStatus === 200 ? json([]) : json({ error: { code: 'unavailable', message: 'maintenance' } }, pushStatus);
    }
    throw new TypeError('no live stream in this test');
  }));
  const name = `retry-${Math.random().toString(36).slice(2)}`;
  db = await openFieldDatabase({ name, collections: ['incidents'], storage: getRxStorageMemory() });
  const session = await SessionManager.load({ store: createStore(`${name}-session`, 'session') });
  await session.login({ agency: 'demo', username: 'dispatcher', password: 'x' });
  const status = new SyncStatusStore();
  replication = new CollectionReplication({
    name: 'incidents', collection: getFieldCollection(db, 'incidents'), session, identifier: name, status,
    ledger: await OutboxLedger.open(name, createStore(`${name}-ledger`, 'ledger')), baseRetryMs, maxRetryMs: 60_000,
  });
  await getFieldCollection(db, 'incidents').insert(makeIncident({ seed: 1, agencyId: 'demo', unitIds: ['M1'] }) as never);
  return { counts, state: replication.state, status };
}

describe('CollectionReplication retries', () => {
  it('waits longer before each new try while the server keeps failing a push, not in a tight loop', async () => {
    const { counts, state, status } = await replicate(503);
    // A sixth try is only sent after the fifth failure was recorded.
    await vi.waitFor(() => expect(counts.pushes).toBeGreaterThanOrEqual(6), { timeout: 20_000 });
    // After at least five failures in a row the delay RxDB waits before the next try is drawn from the
    // upper half of 10 ms x 2^5 (the computed delay, not a measured time).
    expect(state.retryTime).toBeGreaterThanOrEqual((baseRetryMs * 2 ** 5) / 2);
    expect(status.getSnapshot().lastError).toMatch(/503|maintenance/);
  });

  it('goes back to the short delay once a push gets through', async () => {
    const { counts, state } = await replicate(200);
    await vi.waitFor(() => expect(counts.pushes).toBeGreaterThanOrEqual(1), { timeout: 20_000 });
    await state.awaitInSync();
    expect(state.retryTime).toBe(baseRetryMs);
  });
});

describe('CollectionReplication and a push the server finds too large', () => {
  it('sends the batch again in halves (413), so every document still reaches the server', async () => {
    const received: string[] = [];
    const attempts: number[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      if (url.endsWith('/auth/login')) return json({ accessToken: 'a', refreshToken: 'r', expiresIn: 900, user });
      if (url.includes('/pull')) return json({ documents: [], checkpoint: null });
      if (url.includes('/push')) {
        const rows = JSON.parse(String(init?.body)) as { newDocumentState: { id: string } }[];
        attempts.push(rows.length);
        // This server takes at most two documents per push.
        if (rows.length > 2) return json({ error: { code: 'payload_too_large', message: 'the body is too large' } }, 413);
        received.push(...rows.map((row) => row.newDocumentState.id));
        return json([]);
      }
      throw new TypeError('no live stream in this test');
    }));
    const name = `split-${Math.random().toString(36).slice(2)}`;
    db = await openFieldDatabase({ name, collections: ['incidents'], storage: getRxStorageMemory() });
    const session = await SessionManager.load({ store: createStore(`${name}-session`, 'session') });
    await session.login({ agency: 'demo', username: 'dispatcher', password: 'x' });
    const collection = getFieldCollection(db, 'incidents');
    const incidents = Array.from({ length: 5 }, (_, i) => makeIncident({ seed: 40 + i, agencyId: 'demo', unitIds: ['M1'] }));
    await collection.bulkInsert(incidents as never[]);
    const status = new SyncStatusStore();
    replication = new CollectionReplication({
      name: 'incidents', collection, session, identifier: name, status,
      ledger: await OutboxLedger.open(name, createStore(`${name}-ledger`, 'ledger')), baseRetryMs, maxRetryMs: 60_000,
    });
    await vi.waitFor(() => expect(received).toHaveLength(5), { timeout: 10_000 });
    await replication.state.awaitInSync();
    expect(received.sort()).toEqual(incidents.map((doc) => doc.id).sort());
    // 5 refused, then halves: 3 refused (2 + 1 accepted), then 2 accepted.
    expect(attempts).toEqual([5, 3, 2, 1, 2]);
    expect(status.getSnapshot().lastError).toBeUndefined();
  });
});
