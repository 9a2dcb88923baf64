import type { CollectionName } from '@field/shared-model';
import { describeError } from '../session/api-errors';
import type { SessionManager } from '../session/session-manager';
import { CollectionReplication } from '../sync/collection-replication';
import { OutboxLedger } from '../sync/outbox-ledger';
import { otherTabSource, shareStatusAcrossTabs } from '../sync/share-status-across-tabs';
import { SyncStatusStore } from '../sync/sync-status-store';
import { AttachmentStore } from './attachment-store';
import { getFieldCollection, openFieldDatabase, toDatabaseName, type FieldDatabase, type FieldDocument } from './open-field-database';

export interface StartFieldClientOptions {
  appId: string;
  session: SessionManager;
  collections: readonly CollectionName[];
  status?: SyncStatusStore;
  now?: () => number;
}

/** The next `editedAt`: the device time, but never at or before the document's previous edit. */
export function nextEditedAt(previous: string | undefined, nowMs: number): string {
  const before = previous ? Date.parse(previous) : Number.NaN;
  const at = Number.isFinite(before) && before >= nowMs ? before + 1 : nowMs;
  return new Date(at).toISOString();
}

/**
 * Everything a signed-in field app needs on the device: the user's database, the outbox ledger,
 * one replication per collection, the attachment store and the sync status they all feed.
 */
export class FieldClient {
  /** One client per user database in this page (React StrictMode starts effects twice). */
  private static readonly running = new Map<string, Promise<FieldClient>>();
  private readonly replications: CollectionReplication[] = [];
  private stopSharingStatus: () => void = () => undefined;
  private readonly onOnline = () => {
    for (const replication of this.replications) replication.reconnect();
    this.attachments.uploadPending();
  };

  private constructor(
    readonly db: FieldDatabase,
    readonly ledger: OutboxLedger,
    readonly status: SyncStatusStore,
    readonly attachments: AttachmentStore,
    private readonly session: SessionManager,
    private readonly now: () => number,
    private readonly name: string,
  ) {}

  /** Starts (or returns the already running) client of the signed-in user. */
  static start(options: StartFieldClientOptions): Promise<FieldClient> {
    const user = options.session.session?.user;
    if (!user) return Promise.reject(new Error('Sign in first'));
    const name = toDatabaseName(options.appId, [user.agencyId, user.id]);
    let running = FieldClient.running.get(name);
    if (!running) {
      running = FieldClient.open(name, options);
      FieldClient.running.set(name, running);
      running.catch(() => FieldClient.running.delete(name));
    }
    return running;
  }

  private static async open(name: string, options: StartFieldClientOptions): Promise<FieldClient> {
    const status = options.status ?? new SyncStatusStore(options.now);
    void requestPersistentStorage(status);
    const db = await openFieldDatabase({ name, collections: options.collections });
    const ledger = await OutboxLedger.open(name);
    const attachments = new AttachmentStore({
      session: options.session,
      onQueuedChange: (queued) => status.setQueuedUploads(queued),
      onError: (message) => (message ? status.reportError('attachments', message) : status.clearError('attachments')),
    });
    const client = new FieldClient(db, ledger, status, attachments, options.session, options.now ?? Date.now, name);
    status.setSignedIn(true);
    status.setQueued(ledger.queued);
    ledger.subscribe(() => status.setQueued(ledger.queued));
    // Only the leading tab replicates; the user's other tabs show its last sync and error.
    client.stopSharingStatus = shareStatusAcrossTabs(`field-status-${name}`, status, () => db.isLeader());
    void db.waitForLeadership().then(() => status.clearError(otherTabSource));
    for (const collectionName of options.collections) {
      client.replications.push(new CollectionReplication({
        name: collectionName, collection: getFieldCollection(db, collectionName), session: options.session, ledger, status, identifier: name,
      }));
    }
    window.addEventListener('online', client.onOnline);
    attachments.uploadPending();
    return client;
  }

  get user() {
    return this.session.session?.user;
  }

  /** Inserts a new document: durable in IndexedDB (and queued in the ledger) when this resolves. */
  async insertDocument(name: CollectionName, doc: FieldDocument): Promise<void> {
    const editedAt = nextEditedAt(undefined, this.now());
    await this.write(async () => {
      await this.ledger.recordWrite(name, doc.id, editedAt);
      await getFieldCollection(this.db, name).insert({ ...doc, editedAt });
    });
  }

  /** Applies a local edit to the latest stored version (so pulled changes are never clobbered). */
  async updateDocument(name: CollectionName, id: string, mutate: (draft: FieldDocument) => void): Promise<void> {
    await this.write(async () => {
      const doc = await getFieldCollection(this.db, name).findOne(id).exec();
      if (!doc) throw new Error(`${name} ${id} is not on this device`);
      const editedAt = nextEditedAt(doc.get('editedAt') as string, this.now());
      await this.ledger.recordWrite(name, id, editedAt);
      await doc.incrementalModify((data) => {
        mutate(data);
        // A pulled version edited "later" (another tablet's clock) still loses to this newer edit.
        data.editedAt = nextEditedAt(data.editedAt, Date.parse(editedAt));
        delete data.syncRefusal;
        return data;
      });
    });
  }

  /** Stops syncing (the data stays). */
  async stop(): Promise<void> {
    FieldClient.running.delete(this.name);
    window.removeEventListener('online', this.onOnline);
    this.stopSharingStatus();
    await Promise.all(this.replications.map((r) => r.stop()));
  }

  /** Logout: stop, then delete this user's database, ledger and attachments from the device. */
  async wipe(): Promise<void> {
    await this.stop();
    await this.db.remove();
    // RxDB's Dexie storage empties its tables but leaves the (empty) IndexedDB databases: delete them too.
    await deleteIndexedDbDatabases(`rxdb-dexie-${this.name}--`);
    await this.ledger.clear();
    await this.attachments.wipe();
    this.status.reset();
  }

  private async write(run: () => Promise<void>): Promise<void> {
    try {
      await run();
      this.status.clearError('storage');
    } catch (error) {
      this.status.reportError('storage', `Not saved on this device: ${describeError(error)}`);
      throw error;
    }
  }
}

async function deleteIndexedDbDatabases(prefix: string): Promise<void> {
  if (typeof indexedDB.databases !== 'function') return;
  const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith(prefix));
  await Promise.all(names.map((name) => new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
    // Still open somewhere (another tab): the browser deletes it once that closes; the data is already cleared.
    request.onblocked = () => resolve();
  })));
}

async function requestPersistentStorage(status: SyncStatusStore): Promise<void> {
  try {
    if (navigator.storage && typeof navigator.storage.persist === 'function') await navigator.storage.persist();
  } catch (error) {
    status.reportError('storage-persist', `Could not ask for persistent storage: ${describeError(error)}`);
  }
}
