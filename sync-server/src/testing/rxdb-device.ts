import { collections, type CollectionName } from '@field/shared-model';
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb/plugins/core';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { Subject } from 'rxjs';
import type { SyncServerApp } from '../app';
import { SseReader } from './sse-reader';

type Doc = Record<string, unknown> & { id: string };
type Checkpoint = { cp: string };
type StreamEvent = { documents: Doc[]; checkpoint: Checkpoint } | 'RESYNC';

/**
 * A simulated tablet: an RxDB database (memory storage, schema-validated like the apps) replicating
 * one collection with RxDB's own replication client against the sync server's wire protocol.
 * `goOffline()` / `goOnline()` cut and restore its network.
 */
export class RxdbDevice {
  online = true;
  private stream: SseReader | undefined;
  private readonly events = new Subject<StreamEvent>();

  private constructor(
    readonly db: RxDatabase,
    readonly collection: RxCollection<Doc>,
    private readonly app: SyncServerApp,
    private readonly token: string,
    private readonly name: CollectionName,
    public replication?: RxReplicationState<Doc, Checkpoint>,
  ) {}

  static async create(app: SyncServerApp, token: string, deviceName: string, name: CollectionName = 'epcrs'): Promise<RxdbDevice> {
    const definition = collections[name];
    const db = await createRxDatabase({
      name: `${deviceName}-${Math.random().toString(36).slice(2)}`,
      storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
      multiInstance: false,
    });
    const added = await db.addCollections({ [name]: { schema: definition.schema as never } });
    const device = new RxdbDevice(db, added[name] as unknown as RxCollection<Doc>, app, token, name);
    const base = `/api/v1/sync/${name}/${definition.schemaVersion}`;
    device.replication = replicateRxCollection<Doc, Checkpoint>({
      collection: device.collection,
      replicationIdentifier: `${name}-${deviceName}`,
      live: true,
      retryTime: 100,
      waitForLeadership: false,
      pull: {
        batchSize: 50,
        handler: async (last, batchSize) => {
          const cp = last?.cp ? `&checkpoint=${encodeURIComponent(last.cp)}` : '';
          const body = (await device.fetchJson('GET', `${base}/pull?limit=${batchSize}${cp}`)) as { documents: Doc[]; checkpoint: string | null };
          return { documents: body.documents as never, checkpoint: body.checkpoint ? { cp: body.checkpoint } : (last as Checkpoint) };
        },
        stream$: device.events.asObservable() as never,
      },
      push: {
        batchSize: 50,
        handler: async (rows) => (await device.fetchJson('POST', `${base}/push`, rows)) as never,
      },
    });
    await device.openStream();
    return device;
  }

  private async fetchJson(method: string, path: string, body?: unknown): Promise<unknown> {
    if (!this.online) throw new Error('network unreachable (device offline)');
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  private async openStream(): Promise<void> {
    const definition = collections[this.name];
    const res = await this.app.request(`/api/v1/sync/${this.name}/${definition.schemaVersion}/stream`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    const reader = new SseReader(res);
    this.stream = reader;
    void (async () => {
      for (;;) {
        let event: unknown;
        try {
          event = await reader.next(60 * 60 * 1000);
        } catch {
          return;
        }
        if (event === 'RESYNC') this.events.next('RESYNC');
        else {
          const e = event as { documents: Doc[]; checkpoint: string };
          this.events.next({ documents: e.documents, checkpoint: { cp: e.checkpoint } });
        }
      }
    })();
  }

  async goOffline(): Promise<void> {
    this.online = false;
    await this.stream?.close();
    this.stream = undefined;
  }

  /** Network back: reopen the stream (the server's first event is RESYNC) and catch up. */
  async goOnline(): Promise<void> {
    this.online = true;
    await this.openStream();
    this.replication?.reSync();
  }

  async awaitInSync(): Promise<void> {
    await this.replication?.awaitInSync();
  }

  async get(id: string): Promise<Doc | undefined> {
    const doc = await this.collection.findOne(id).exec();
    return doc ? (doc.toMutableJSON() as Doc) : undefined;
  }

  async close(): Promise<void> {
    await this.stream?.close();
    await this.replication?.cancel();
    await this.db.close();
  }
}
