import 'fake-indexeddb/auto';
import { fillWithDefaultSettings, randomToken, type RxStorage, type RxStorageInstance } from 'rxdb/plugins/core';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { withTabLocalReplicationMeta } from './open-field-database';

interface Doc {
  id: string;
  text: string;
}

const schema = fillWithDefaultSettings<Doc>({
  version: 0, primaryKey: 'id', type: 'object', properties: { id: { type: 'string', maxLength: 100 }, text: { type: 'string' } }, required: ['id'],
});

const open: RxStorageInstance<Doc, unknown, unknown>[] = [];

/** One "tab": its own instance (own token) of the same database and collection. */
async function openInTab(storage: RxStorage<unknown, unknown>, databaseName: string, collectionName: string) {
  const instance = (await storage.createStorageInstance({
    databaseName, collectionName, databaseInstanceToken: randomToken(10), multiInstance: true, options: {}, schema: schema as never, devMode: false,
  })) as RxStorageInstance<Doc, unknown, unknown>;
  open.push(instance);
  return instance;
}

/** Writes a document in one tab and reports whether the other tab's change stream heard of it. */
async function otherTabHears(collectionName: string): Promise<boolean> {
  const storage = withTabLocalReplicationMeta(getRxStorageDexie() as RxStorage<unknown, unknown>);
  const databaseName = `tabs-${randomToken(6)}`;
  const writer = await openInTab(storage, databaseName, collectionName);
  const listener = await openInTab(storage, databaseName, collectionName);
  let heard = false;
  const sub = listener.changeStream().subscribe(() => {
    heard = true;
  });
  const document = { id: 'c1', text: 'pulled chart', _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: Date.now() } };
  await writer.bulkWrite([{ document: document as never }], 'test');
  await new Promise((resolve) => setTimeout(resolve, 300));
  sub.unsubscribe();
  // Both tabs read the same IndexedDB: the write is on disk either way.
  expect((await listener.findDocumentsById(['c1'], false)).map((d) => d.text)).toEqual(['pulled chart']);
  return heard;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((i) => i.close()));
});

describe('withTabLocalReplicationMeta', () => {
  it('still tells the other tabs about documents written to a collection (their lists update)', async () => {
    expect(await otherTabHears('epcrs')).toBe(true);
  });

  it('keeps the replication bookkeeping to the leader tab instead of copying it to every tab', async () => {
    expect(await otherTabHears('rx-replication-meta-0123abcd')).toBe(false);
  });
});
