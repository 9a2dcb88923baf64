import { collections, type CollectionName } from '@field/shared-model';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb/plugins/core';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

/** RxDB caps an app at 16 open collections; we stay at 13 or fewer per app. */
export const maxCollectionsPerApp = 13;

/** A replicated document as stored locally. */
export type FieldDocument = Record<string, unknown> & { id: string; editedAt: string; agencyId: string; updatedAt: string };
export type FieldCollection = RxCollection<FieldDocument>;
export type FieldDatabase = RxDatabase<Partial<Record<CollectionName, FieldCollection>>>;

export interface OpenFieldDatabaseOptions {
  /** Database name; one per signed-in user so logout can wipe exactly that user's data. */
  name: string;
  collections: readonly CollectionName[];
  /** Override the storage (tests use memory or fake-indexeddb). */
  storage?: RxStorage<unknown, unknown>;
}

let leaderElectionAdded = false;

/** A database name RxDB accepts, derived from any text (agency + user id). */
export function toDatabaseName(prefix: string, parts: readonly string[]): string {
  const tail = parts.join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${prefix}-${tail || 'default'}`.slice(0, 100);
}

/** RxDB names the storage of each replication's bookkeeping (checkpoint, assumed server state per document) so. */
const replicationMetaPrefix = 'rx-replication-meta-';

/**
 * The storage with the replication bookkeeping kept to this tab: only the leader tab replicates, so
 * no other tab listens to it, and broadcasting it would copy every pulled document to the other
 * tabs a second time (RxDB posts each write's documents on a BroadcastChannel). The collections
 * themselves stay multi-instance, so every tab's lists still update. Nothing changes on disk.
 */
export function withTabLocalReplicationMeta(storage: RxStorage<unknown, unknown>): RxStorage<unknown, unknown> {
  return {
    name: storage.name,
    rxdbVersion: storage.rxdbVersion,
    createStorageInstance: (params) => storage.createStorageInstance(
      params.collectionName.startsWith(replicationMetaPrefix) ? { ...params, multiInstance: false } : params,
    ),
  };
}

async function defaultStorage(): Promise<RxStorage<unknown, unknown>> {
  const dexie = withTabLocalReplicationMeta(getRxStorageDexie() as RxStorage<unknown, unknown>);
  if (!import.meta.env.DEV) return dexie;
  // Dev builds validate every write against the JSON schema (the same one the server checks).
  const { wrappedValidateAjvStorage } = await import('rxdb/plugins/validate-ajv');
  return wrappedValidateAjvStorage({ storage: dexie }) as RxStorage<unknown, unknown>;
}

/**
 * Opens the local database (RxDB 17 on Dexie/IndexedDB) with the given replicated collections,
 * their schemas taken from @field/shared-model.
 */
export async function openFieldDatabase(options: OpenFieldDatabaseOptions): Promise<FieldDatabase> {
  if (options.collections.length > maxCollectionsPerApp) {
    throw new Error(`at most ${maxCollectionsPerApp} collections per app (asked for ${options.collections.length})`);
  }
  if (!leaderElectionAdded) {
    addRxPlugin(RxDBLeaderElectionPlugin);
    leaderElectionAdded = true;
  }
  const db = (await createRxDatabase({
    name: options.name,
    storage: options.storage ?? (await defaultStorage()),
    multiInstance: true,
  })) as unknown as FieldDatabase;
  const wanted = Object.fromEntries(options.collections.map((name) => [name, { schema: collections[name].schema as never }]));
  await db.addCollections(wanted);
  return db;
}

export function getFieldCollection(db: FieldDatabase, name: CollectionName): FieldCollection {
  const collection = db[name];
  if (!collection) throw new Error(`collection ${name} is not open`);
  return collection;
}
