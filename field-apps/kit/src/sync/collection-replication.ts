import { collections, type CollectionName } from '@field/shared-model';
import type { RxReplicationWriteToMasterRow } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { Subject } from 'rxjs';
import type { FieldCollection, FieldDocument } from '../data/open-field-database';
import { AppOutdatedError, describeError, FieldApiError, NetworkUnavailableError } from '../session/api-errors';
import type { SessionManager } from '../session/session-manager';
import { computeBackoffDelay } from './backoff';
import { buildPullQuery, wrapCheckpoint, type WrappedCheckpoint } from './checkpoint';
import type { OutboxLedger } from './outbox-ledger';
import { SseParser } from './sse-parser';
import type { SyncStatusStore } from './sync-status-store';

type PushRow = RxReplicationWriteToMasterRow<FieldDocument>;

type StreamEvent = { documents: FieldDocument[]; checkpoint: WrappedCheckpoint } | 'RESYNC';

export interface CollectionReplicationOptions {
  name: CollectionName;
  collection: FieldCollection;
  session: SessionManager;
  ledger: OutboxLedger;
  status: SyncStatusStore;
  /** Prefix of replication identifiers (one per user database). */
  identifier: string;
  baseRetryMs?: number;
  maxRetryMs?: number;
}

/**
 * Replicates one collection with RxDB's replication over the sync server's wire protocol:
 * pull/push over HTTP, live changes over SSE (fetch + ReadableStream so the Bearer header can be
 * sent), RESYNC after every stream (re)connect and when the network returns, retries with
 * exponential backoff and jitter, and acknowledgement of pushed edits in the outbox ledger.
 */
export class CollectionReplication {
  readonly state: RxReplicationState<FieldDocument, WrappedCheckpoint>;
  private readonly events = new Subject<StreamEvent>();
  private readonly base: string;
  private failures = 0;
  private streamAbort: AbortController | undefined;
  private stopped = false;
  private wakeStream: (() => void) | undefined;

  constructor(private readonly options: CollectionReplicationOptions) {
    const { name, collection, session } = options;
    this.base = `/api/v1/sync/${name}/${collections[name].schemaVersion}`;
    this.state = replicateRxCollection<FieldDocument, WrappedCheckpoint>({
      collection,
      replicationIdentifier: `${options.identifier}-${name}-v${collections[name].schemaVersion}`,
      live: true,
      retryTime: options.baseRetryMs ?? 1000,
      waitForLeadership: true,
      autoStart: true,
      pull: {
        // Big pages: an initial sync of thousands of charts is dominated by round trips.
        batchSize: 500,
        handler: async (last, batchSize) => this.guard(`${name}.pull`, async () => {
          const response = await session.fetch(`${this.base}/pull?${buildPullQuery(last, batchSize)}`);
          const body = (await response.json()) as { documents: FieldDocument[]; checkpoint: string | null };
          return { documents: body.documents as never, checkpoint: wrapCheckpoint(body.checkpoint, last ?? undefined) as WrappedCheckpoint };
        }),
        stream$: this.events.asObservable() as never,
      },
      push: {
        batchSize: 50,
        handler: async (rows) => this.guard(`${name}.push`, async () => (await this.pushRows(rows)) as never),
      },
    });
    this.state.error$.subscribe((error) => {
      const cause = (error as { parameters?: { errors?: unknown[] } }).parameters?.errors?.[0] ?? error;
      options.status.reportError(`${name}.replication`, describeError(cause));
    });
    void this.runStream();
  }

  /** The network is back: reconnect the stream (its first event is RESYNC) and retry at once. */
  reconnect(): void {
    this.failures = 0;
    this.state.retryTime = this.options.baseRetryMs ?? 1000;
    this.streamAbort?.abort();
    this.wakeStream?.();
    this.state.reSync();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.streamAbort?.abort();
    this.wakeStream?.();
    await this.state.cancel();
  }

  /**
   * Sends push rows and acknowledges them in the outbox ledger. A batch the server refuses as too
   * large (413: many big charts, each within the schema's limits) goes again in halves, down to single
   * documents, so it cannot block the queue (and with it this collection's pulls) for good.
   */
  private async pushRows(rows: readonly PushRow[]): Promise<FieldDocument[]> {
    const { name, session, ledger } = this.options;
    try {
      const response = await session.fetch(`${this.base}/push`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rows),
      });
      const answer = (await response.json()) as FieldDocument[];
      await ledger.acknowledge(name, rows.map((row) => ({ id: row.newDocumentState.id, editedAt: row.newDocumentState.editedAt })));
      return answer;
    } catch (error) {
      if (!(error instanceof FieldApiError && error.status === 413) || rows.length < 2) throw error;
      const half = Math.ceil(rows.length / 2);
      const first = await this.pushRows(rows.slice(0, half));
      return [...first, ...await this.pushRows(rows.slice(half))];
    }
  }

  private async guard<T>(source: string, run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      this.failures = 0;
      this.state.retryTime = this.options.baseRetryMs ?? 1000;
      this.options.status.reportSuccess(source);
      this.options.status.clearError(`${this.options.name}.replication`);
      return result;
    } catch (error) {
      this.failures += 1;
      this.state.retryTime = computeBackoffDelay(this.failures, { baseMs: this.options.baseRetryMs ?? 1000, maxMs: this.options.maxRetryMs ?? 60_000 });
      this.options.status.reportError(source, describeError(error));
      throw error;
    }
  }

  private async runStream(): Promise<void> {
    await this.state.collection.database.waitForLeadership();
    let attempt = 0;
    while (!this.stopped) {
      const abort = new AbortController();
      this.streamAbort = abort;
      const startedAt = Date.now();
      try {
        const response = await this.options.session.fetch(`${this.base}/stream`, { headers: { accept: 'text/event-stream' }, signal: abort.signal });
        await this.readStream(response);
      } catch (error) {
        if (error instanceof AppOutdatedError) this.options.status.reportError(`${this.options.name}.stream`, describeError(error));
        else if (!(error instanceof NetworkUnavailableError) && !abort.signal.aborted) {
          this.options.status.reportError(`${this.options.name}.stream`, describeError(error));
        }
      }
      if (this.stopped) return;
      // A stream that lived a while (token expiry) reconnects at once; quick failures back off.
      attempt = Date.now() - startedAt > 10_000 ? 0 : attempt + 1;
      if (attempt > 0) await this.sleep(computeBackoffDelay(attempt - 1, { baseMs: 1000, maxMs: 60_000 }));
    }
  }

  private async readStream(response: Response): Promise<void> {
    const body = response.body;
    if (!body) return;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const data of parser.feed(decoder.decode(value, { stream: true }))) {
        const event = JSON.parse(data) as unknown;
        if (event === 'RESYNC') {
          this.options.status.clearError(`${this.options.name}.stream`);
          this.events.next('RESYNC');
        } else if (typeof event === 'object' && event !== null) {
          const e = event as { documents: FieldDocument[]; checkpoint: string | null };
          const checkpoint = wrapCheckpoint(e.checkpoint);
          if (checkpoint) this.events.next({ documents: e.documents, checkpoint });
          else this.events.next('RESYNC');
        }
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeStream = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
