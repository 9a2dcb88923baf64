import { getCollection, type CollectionDefinition } from '@field/shared-model';
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { recordAudit } from '../audit';
import type { SigningKeys } from '../auth/keys';
import { accountStatusOf } from '../auth/account-status';
import { requireCaller } from '../auth/require-caller';
import type { Caller } from '../auth/tokens';
import type { Clock } from '../clock';
import type { Database } from '../db/connect';
import { ApiError } from '../errors';
import { readJsonBody } from '../http/read-json';
import type { Metrics } from '../metrics';
import type { ChangeFeed } from '../replication/change-feed';
import { decodeCheckpoint, encodeCheckpoint, type Checkpoint } from '../replication/checkpoint';
import { readHeadCheckpoint } from '../replication/document-store';
import type { PageBuffers } from '../replication/page-buffers';
import { pullPage } from '../replication/pull';
import type { PullPage } from '../replication/pull-answer-writer';
import type { PullReadAhead } from '../replication/pull-read-ahead';
import { applyPush } from '../replication/push';

export interface SyncDeps {
  database: Database;
  keys: SigningKeys;
  clock: Clock;
  feed: ChangeFeed;
  metrics: Metrics;
  /** Buffers that pull answers are written into, reused once an answer has been sent. */
  pageBuffers: PageBuffers;
  /** Pages read ahead for pulls that page through many changes; undefined = no read-ahead. */
  readAhead?: PullReadAhead<PullPage>;
  /** How often an open stream sends a keep-alive and re-checks its account (default 20 s). */
  streamKeepAliveMs?: number;
}

export const maxPushRows = 1000;
const defaultPullLimit = 100;
const maxPullLimit = 1000;
const keepAliveMs = 20_000;
const stragglerPollMs = 3_000;

/** The collection and schema version named in the URL: 404 unknown, 426 outdated, 400 malformed. */
function resolveCollection(c: Context): CollectionDefinition {
  const name = c.req.param('collection') ?? '';
  const definition = getCollection(name);
  if (!definition) throw new ApiError('not_found', `no replicated collection "${name.slice(0, 64)}"`);
  const versionText = c.req.param('schemaVersion') ?? '';
  if (!/^\d{1,6}$/.test(versionText)) throw new ApiError('bad_request', 'schemaVersion must be a whole number');
  const version = Number(versionText);
  if (version < definition.schemaVersion) {
    throw new ApiError('upgrade_required', `${name} is at schema version ${definition.schemaVersion}; update the app`, {
      currentSchemaVersion: definition.schemaVersion,
    });
  }
  if (version > definition.schemaVersion) {
    throw new ApiError('bad_request', `this server knows ${name} only up to schema version ${definition.schemaVersion}`);
  }
  return definition;
}

function parseLimit(text: string | undefined): number {
  if (text === undefined || text === '') return defaultPullLimit;
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1) throw new ApiError('bad_request', 'limit must be a whole number from 1');
  return Math.min(Number(text), maxPullLimit);
}

/**
 * Who asks, for what: a page read ahead is handed only to a request with the same key. Every claim
 * of the caller counts (access rules may look at any of them), except the token's issue and expiry times.
 */
function readAheadKey(caller: Caller, collection: string, since: Checkpoint | undefined, limit: number): string {
  const { expiresAt: _expiresAt, issuedAt: _issuedAt, ...claims } = caller;
  return JSON.stringify([claims, collection, since ? encodeCheckpoint(since) : '', limit]);
}

async function auditDelivery(deps: SyncDeps, caller: Caller, action: string, collection: string, ids: string[]) {
  if (ids.length === 0) return;
  await recordAudit(deps.database.db, { caller, action, collection, documentIds: ids });
}

/**
 * Gives the page's buffer back once Node has finished with the response (written out, or the
 * connection gone). Without a Node response (`app.request` in tests) the buffer is never reused.
 */
function releaseWhenSent(c: Context, page: PullPage): void {
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
  if (outgoing && !outgoing.destroyed && !outgoing.writableFinished) outgoing.once('close', () => page.release());
}

/** GET pull, POST push and GET stream (SSE) for every registered collection. */
export function syncRoutes(deps: SyncDeps) {
  const app = new Hono();
  const { db } = deps.database;

  app.get('/:collection/:schemaVersion/pull', async (c) => {
    const caller = await requireCaller(c, deps.keys, deps.clock);
    const definition = resolveCollection(c);
    const since = decodeCheckpoint(c.req.query('checkpoint'));
    const limit = parseLimit(c.req.query('limit'));
    const readAhead = deps.readAhead;
    const read = (from: Checkpoint | undefined) => pullPage(deps.database, deps.pageBuffers, caller, definition, from, limit);
    const readAheadPage = await readAhead?.take(readAheadKey(caller, definition.name, since, limit));
    if (readAheadPage) deps.metrics.count('sync_pull_read_ahead_used_total', { collection: definition.name });
    const page = readAheadPage ?? await read(since);
    try {
      if (readAhead && page.count >= limit && page.checkpoint) {
        // A full page: the device will very likely ask for the next one as soon as it has this one.
        const next = page.checkpoint;
        const started = readAhead.start({ agencyId: caller.agencyId, collection: definition.name },
          readAheadKey(caller, definition.name, next, limit), page.body.byteLength, () => read(next));
        if (started) deps.metrics.count('sync_pull_read_ahead_started_total', { collection: definition.name });
      }
      await auditDelivery(deps, caller, `${definition.name}.pull`, definition.name, page.ids);
    } catch (error) {
      page.release();
      throw error;
    }
    deps.metrics.count('sync_pulled_documents_total', { collection: definition.name }, page.count);
    releaseWhenSent(c, page);
    return c.body(page.body, 200, { 'content-type': 'application/json' });
  });

  app.post('/:collection/:schemaVersion/push', async (c) => {
    const caller = await requireCaller(c, deps.keys, deps.clock);
    const definition = resolveCollection(c);
    const body = await readJsonBody(c);
    if (!Array.isArray(body)) throw new ApiError('bad_request', 'the push body must be a JSON array of {assumedMasterState?, newDocumentState}');
    if (body.length > maxPushRows) throw new ApiError('payload_too_large', `at most ${maxPushRows} documents per push`);
    const result = await db.transaction((tx) => applyPush(tx, { caller, definition, clock: deps.clock }, body));
    // Committed: pages read ahead for this collection no longer hold every change.
    if (result.written.length > 0) deps.readAhead?.invalidate({ agencyId: caller.agencyId, collection: definition.name });
    deps.database.statistics.noteWrites(result.written.length);
    deps.metrics.count('sync_pushed_documents_total', { collection: definition.name }, result.written.length);
    deps.metrics.count('sync_refused_documents_total', { collection: definition.name }, result.refused);
    deps.metrics.count('sync_conflicts_total', { collection: definition.name }, result.conflicts);
    return c.json(result.answer);
  });

  app.get('/:collection/:schemaVersion/stream', async (c) => {
    const caller = await requireCaller(c, deps.keys, deps.clock, { allowQueryToken: true });
    const accountStatus = accountStatusOf(c);
    const definition = resolveCollection(c);
    let checkpoint: Checkpoint | undefined = await readHeadCheckpoint(db, caller.agencyId, definition.name);
    return streamSSE(c, async (stream) => {
      let pending = Promise.resolve();
      let wake: (() => void) | undefined;
      const closed = new Promise<void>((resolve) => { wake = resolve; });
      const sendChanges = () => {
        pending = pending.then(async () => {
          if (stream.aborted || stream.closed) return;
          for (;;) {
            const page = await pullPage(deps.database, deps.pageBuffers, caller, definition, checkpoint, 200);
            const { body, count, ids } = page;
            const advanced = page.checkpoint !== checkpoint;
            checkpoint = page.checkpoint;
            const text = count > 0 ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') : '';
            page.release();
            if (count > 0) {
              await stream.writeSSE({ data: text });
              await auditDelivery(deps, caller, `${definition.name}.stream`, definition.name, ids);
            }
            if (!advanced || count < 200) break;
          }
        }).catch(() => wake?.());
      };
      const unsubscribe = await deps.feed.subscribe(caller.agencyId, definition.name, () => {
        sendChanges();
        // A transaction older than this change may still hold the snapshot's xmin back: look again shortly.
        setTimeout(sendChanges, stragglerPollMs).unref?.();
      });
      const expiry = setTimeout(() => wake?.(), Math.max(0, caller.expiresAt - deps.clock.now()));
      const keepAlive = setInterval(() => {
        stream.write(': keep-alive\n\n').catch(() => wake?.());
        // An account disabled or signed out everywhere loses its stream too, not only at token expiry.
        void accountStatus?.assertActive(caller).catch(() => wake?.());
        sendChanges();
      }, deps.streamKeepAliveMs ?? keepAliveMs);
      stream.onAbort(() => wake?.());
      const offClose = deps.feed.onClose(() => wake?.());
      deps.metrics.count('sync_streams_opened_total', { collection: definition.name });
      try {
        await stream.writeSSE({ data: JSON.stringify('RESYNC') });
        await closed;
      } finally {
        clearTimeout(expiry);
        clearInterval(keepAlive);
        unsubscribe();
        offClose();
      }
    }, async (err, stream) => {
      console.error('stream error', err);
      await stream.close();
    });
  });

  return app;
}

