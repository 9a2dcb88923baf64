import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { SigningKeys } from './auth/keys';
import type { Clock } from './clock';
import type { Database } from './db/connect';
import { renderError } from './errors';
import { limitBody } from './http/body-limit';
import { corsAllowList } from './http/cors';
import { Metrics } from './metrics';
import { appRoutes } from './routes/apps';
import { attachmentRoutes, maxAttachmentBytes } from './routes/attachments';
import { authRoutes, type AuthRateLimits } from './routes/auth';
import { healthRoutes } from './routes/health';
import { reviewRoutes } from './routes/review';
import { schemaRoutes } from './routes/schema';
import { syncRoutes } from './routes/sync';
import { AccountStatus, provideAccountStatus } from './auth/account-status';
import { ChangeFeed } from './replication/change-feed';
import { PageBuffers } from './replication/page-buffers';
import type { PullPage } from './replication/pull-answer-writer';
import { PullReadAhead } from './replication/pull-read-ahead';

export const defaultPullReadAheadBytes = 64 * 1024 * 1024;
export const defaultPullBufferPoolBytes = 32 * 1024 * 1024;
/** How long a page read ahead waits for the device's next pull (it asks within milliseconds). */
const pullReadAheadTtlMs = 10_000;

export interface AppDeps {
  database: Database;
  keys: SigningKeys;
  clock: Clock;
  /** Browser origins allowed to call the API cross-origin. */
  corsOrigins?: string[];
  /** Where the built apps are (`<appsDir>/<app>/dist`); undefined = API only. */
  appsDir?: string;
  metrics?: Metrics;
  /** How often an open stream sends a keep-alive and re-checks its account (default 20 s; tests shorten it). */
  streamKeepAliveMs?: number;
  /** Memory for pull pages read ahead (PULL_READ_AHEAD_MB; 0 = off). Default 64 MiB. */
  pullReadAheadBytes?: number;
  /** Memory kept in free pull-answer buffers for reuse (ADR 0008). Default 32 MiB. */
  pullBufferPoolBytes?: number;
  /** Sign-in rate limits (defaults: 30 a minute per address, 10 per account). */
  authRateLimits?: AuthRateLimits;
  /** Access token lifetime in seconds (default 15 minutes). */
  accessTokenSeconds?: number;
}

export const maxSyncBodyBytes = 16 * 1024 * 1024;

/** Builds the sync server. No port, no globals: tests call `app.request()` directly. */
export function createApp(deps: AppDeps) {
  const metrics = deps.metrics ?? new Metrics();
  const feed = new ChangeFeed(deps.database, metrics);
  const db = deps.database.db;
  const app = new Hono();

  app.onError(renderError);
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404));
  app.use('*', async (c, next) => {
    await next();
    metrics.count('http_requests_total', { method: c.req.method, status: String(c.res.status) });
  });
  app.use('*', secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], workerSrc: ["'self'", 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"], connectSrc: ["'self'"], objectSrc: ["'none'"], frameAncestors: ["'none'"],
    },
    crossOriginEmbedderPolicy: false,
  }));
  app.use('/api/*', corsAllowList({
    origins: deps.corsOrigins ?? [],
    allowHeaders: ['Authorization', 'Content-Type'],
    allowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'],
    maxAgeSeconds: 600,
  }));
  app.use('/api/v1/auth/*', limitBody(16 * 1024));
  app.use('/api/v1/sync/*', limitBody(maxSyncBodyBytes));
  app.use('/api/v1/attachments/*', limitBody(maxAttachmentBytes));

  const accountStatus = new AccountStatus(db, deps.clock);
  app.use('/api/*', async (c, next) => {
    provideAccountStatus(c, accountStatus);
    await next();
  });

  app.route('/', healthRoutes({ database: deps.database, metrics }));
  app.get('/.well-known/jwks.json', (c) => c.json({ keys: [deps.keys.publicJwk] }));
  app.route('/api/v1/auth', authRoutes({ db, keys: deps.keys, clock: deps.clock, accessTokenSeconds: deps.accessTokenSeconds }, deps.authRateLimits));
  app.route('/api/v1', schemaRoutes());
  const pageBuffers = new PageBuffers(deps.pullBufferPoolBytes ?? defaultPullBufferPoolBytes);
  metrics.gauge('sync_pull_buffer_pool_bytes', () => pageBuffers.pooledBytes, 'Free pull-answer buffers kept for reuse, in bytes (ADR 0008)');
  const readAhead = new PullReadAhead<PullPage>({
    maxBytes: deps.pullReadAheadBytes ?? defaultPullReadAheadBytes,
    ttlMs: pullReadAheadTtlMs,
    watch: (agencyId, collection, onChange) => feed.subscribe(agencyId, collection, onChange, { stream: false }),
    discard: (page) => page.release(),
  });
  feed.onClose(() => readAhead.clear());
  app.route('/api/v1/sync', syncRoutes({
    database: deps.database, keys: deps.keys, clock: deps.clock, feed, metrics, pageBuffers, readAhead, streamKeepAliveMs: deps.streamKeepAliveMs,
  }));
  app.route('/api/v1/attachments', attachmentRoutes({ db, keys: deps.keys, clock: deps.clock }));
  app.route('/api/v1/review', reviewRoutes({ db, keys: deps.keys, clock: deps.clock }));
  if (deps.appsDir) app.route('/', appRoutes(deps.appsDir));

  return Object.assign(app, { feed, metrics, pageBuffers, readAhead });
}

export type SyncServerApp = ReturnType<typeof createApp>;
