/**
 * RxDB's own replication conformance suite (`runReplicationBaseTestSuite` from rxdb/plugins/test-utils),
 * pointed at this server. The suite replicates its `human` documents ({passportId, firstName, lastName,
 * age}); the server only knows its registered collections, so each simulated device stores humans as
 * dispatch assignments (`incidents`) through a translating pull/push handler: the wire protocol, the
 * checkpoints, the merge and the tombstones are the server's real ones.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addRxPlugin, type RxCollection } from 'rxdb/plugins/core';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { runReplicationBaseTestSuite, setConfig } from 'rxdb/plugins/test-utils';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

type Human = { passportId: string; firstName: string; lastName: string; age: number; _deleted?: boolean };
type Incident = Record<string, unknown> & { id: string; _deleted: boolean };
type Checkpoint = { cp: string };

const base = '/api/v1/sync/incidents/0';
const idPrefix = 'human-';

let testDb: TestDatabase;
let t: TestApp;
let token: string;

/** Passport ids carry any character; incident ids allow [A-Za-z0-9_.:-], so the id is the hex of its UTF-8. */
const incidentId = (passportId: string) => `${idPrefix}${Buffer.from(passportId, 'utf8').toString('hex')}`;
const passportIdOf = (id: string) => Buffer.from(id.slice(idPrefix.length), 'hex').toString('utf8');

function toHuman(incident: Incident): Human & { _deleted: boolean } {
  return {
    passportId: passportIdOf(incident.id),
    firstName: String(incident.callerName ?? ''),
    lastName: String(incident.nature ?? ''),
    age: Number(incident.callerPhone ?? 0),
    _deleted: incident._deleted,
  };
}

/** Edit times that always move forward, so two edits in one millisecond are still ordered. */
let lastEditMs = 0;
function nextEditTime(): string {
  lastEditMs = Math.max(Date.now(), lastEditMs + 1);
  return new Date(lastEditMs).toISOString();
}

/**
 * One device's translation. It remembers the server's version of each incident it has seen, so an
 * assumedMasterState is sent exactly as the server stored it and a new state changes only the human
 * fields plus `editedAt`, the time of the device's last local edit of that document (what CrewLink
 * and the MDT stamp; the server's merge lets the later edit win a same-field conflict).
 */
class HumanIncidentDevice {
  private readonly known = new Map<string, Incident>();
  private readonly editedAt = new Map<string, string>();

  constructor(collection: RxCollection<Human>) {
    // Local writes only: RxDB's replication writes pulled documents without running these hooks.
    const stamp = (data: Human) => { this.editedAt.set(data.passportId, nextEditTime()); };
    collection.preInsert(stamp, false);
    collection.preSave(stamp, false);
    collection.preRemove(stamp, false);
  }

  private incidentOf(human: Human & { _deleted?: boolean }, edited: boolean): Incident {
    const id = incidentId(human.passportId);
    const known = this.known.get(id);
    const template: Incident = known ?? {
      id, agencyId: 'demo', updatedAt: '1970-01-01T00:00:00.000Z', editedAt: '1970-01-01T00:00:00.000Z',
      incidentNumber: 'RXDB-SUITE', status: 'dispatched', priority: 3, address: {}, unitIds: ['M1'],
      receivedAt: '2026-11-01T08:00:00.000Z', notes: [], _deleted: false,
    };
    const next: Incident = {
      ...template, callerName: human.firstName, nature: human.lastName, callerPhone: String(human.age),
      _deleted: human._deleted === true,
    };
    if (edited) next.editedAt = this.editedAt.get(human.passportId) ?? template.editedAt;
    return next;
  }

  private remember(incidents: Incident[]): Incident[] {
    for (const incident of incidents) this.known.set(incident.id, incident);
    return incidents;
  }

  async pull(last: Checkpoint | undefined, batchSize: number) {
    const cp = last?.cp ? `&checkpoint=${encodeURIComponent(last.cp)}` : '';
    const res = await t.call('GET', `${base}/pull?limit=${batchSize}${cp}`, token);
    if (res.status !== 200) throw new Error(`pull: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { documents: Incident[]; checkpoint: string | null };
    const mine = this.remember(body.documents).filter((d) => d.id.startsWith(idPrefix));
    return { documents: mine.map(toHuman), checkpoint: body.checkpoint ? { cp: body.checkpoint } : last };
  }

  async push(rows: { assumedMasterState?: Human; newDocumentState: Human }[]) {
    const wire = rows.map((row) => ({
      ...(row.assumedMasterState ? { assumedMasterState: this.incidentOf(row.assumedMasterState, false) } : {}),
      newDocumentState: this.incidentOf(row.newDocumentState, true),
    }));
    const res = await t.call('POST', `${base}/push`, token, wire);
    if (res.status !== 200) throw new Error(`push: ${res.status} ${await res.text()}`);
    const answer = (await res.json()) as Incident[];
    const refused = answer.find((d) => d.syncRefusal);
    if (refused) throw new Error(`push refused: ${JSON.stringify(refused.syncRefusal)}`);
    return this.remember(answer).map(toHuman);
  }
}

const devices = new WeakMap<RxCollection<Human>, HumanIncidentDevice>();

function startReplication(collection: RxCollection<Human>, live: boolean): RxReplicationState<Human, Checkpoint> {
  let device = devices.get(collection);
  if (!device) devices.set(collection, device = new HumanIncidentDevice(collection));
  return replicateRxCollection<Human, Checkpoint>({
    collection,
    replicationIdentifier: `rxdb-suite-${randomUUID()}`,
    live,
    retryTime: 100,
    waitForLeadership: false,
    pull: { batchSize: 20, handler: (last, batchSize) => device.pull(last ?? undefined, batchSize) as never },
    push: { batchSize: 20, handler: (rows) => device.push(rows as never) as never },
  });
}

beforeAll(async () => {
  // The suite's collections are created with `ignoreDuplicate`, which RxDB allows in dev-mode only.
  disableWarnings();
  addRxPlugin(RxDBDevModePlugin);
  testDb = await createTestDatabase();
  t = await createTestApp(testDb.database);
  token = (await t.login('demo', 'dispatcher')).accessToken;
  setConfig({
    platform: { name: 'node' },
    storage: {
      name: 'memory', getStorage: () => wrappedValidateAjvStorage({ storage: getRxStorageMemory() }), getPerformanceStorage: () => ({ storage: getRxStorageMemory(), description: 'memory' }),
      hasPersistence: false, hasMultiInstance: false, hasAttachments: false, hasReplication: true,
    },
  } as never);
}, 60_000);
afterAll(async () => {
  await testDb.drop();
});

describe('RxDB replication base test suite against the sync server', () => {
  // The suite is written for mocha's globals; it runs inside this describe through vitest's.
  Object.assign(globalThis, { describe, it });
  runReplicationBaseTestSuite({
    startReplication: (collection: RxCollection<Human>) => startReplication(collection, true),
    syncOnce: async (collection: RxCollection<Human>) => {
      const state = startReplication(collection, false);
      await state.awaitInitialReplication();
      await state.cancel();
    },
    getAllServerDocs: async () => {
      const docs: Incident[] = [];
      let cp = '';
      for (;;) {
        const res = await t.call('GET', `${base}/pull?limit=500${cp ? `&checkpoint=${encodeURIComponent(cp)}` : ''}`, token);
        const body = (await res.json()) as { documents: Incident[]; checkpoint: string | null };
        docs.push(...body.documents);
        if (body.documents.length < 500) break;
        cp = body.checkpoint ?? '';
      }
      return docs.filter((d) => d.id.startsWith(idPrefix)).map(toHuman);
    },
    cleanUpServer: async () => {
      await testDb.database.db.execute(sql`DELETE FROM documents WHERE collection = 'incidents' AND id LIKE ${`${idPrefix}%`}`);
    },
    softDeletes: true,
    isDeleted: (doc: Human & { _deleted: boolean }) => doc._deleted,
    getPrimaryOfServerDoc: (doc: Human) => doc.passportId,
  } as never);
});
