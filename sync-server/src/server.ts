import type { ServerResponse } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type SyncServerApp } from './app';
import { loadSigningKeys, type SigningKeys } from './auth/keys';
import { systemClock, type Clock } from './clock';
import type { ServerConfig } from './config';
import { openDatabase, type Database } from './db/connect';
import { seedDemoData } from './demo-data';
import { warmUpValidationGates } from './replication/validation-gate';

export interface RunningServer {
  app: SyncServerApp;
  database: Database;
  keys: SigningKeys;
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), closes streams and the database. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartServerOptions {
  config: ServerConfig;
  clock?: Clock;
  keys?: SigningKeys;
  log?: (line: string) => void;
}

/** Opens the database, migrates, seeds demo data when asked, and listens. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const database = await openDatabase({
    databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: config.databasePoolSize,
    preparedStatements: config.databasePreparedStatements,
  });
  if (config.demo) await seedDemoData(database);
  const keys = options.keys ?? (await loadSigningKeys(config.dataDir));
  warmUpValidationGates();
  const app = createApp({
    database, keys, clock: options.clock ?? systemClock, corsOrigins: config.corsOrigins, appsDir: config.appsDir,
    authRateLimits: {
      perAddress: config.authRateLimitPerAddress, perAccount: config.authRateLimitPerAccount, trustedProxies: config.trustedProxies,
    },
    accessTokenSeconds: config.accessTokenSeconds,
    pullReadAheadBytes: config.pullReadAheadMb * 1024 * 1024,
  });
  let inFlight = 0;
  let idle: (() => void) | undefined;
  const server: ServerType = serve({
    fetch: (req, env) => {
      inFlight += 1;
      // A request is done when its response has been written out, not when the handler returns:
      // closing connections at that earlier moment would cut the answer of the last request off.
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        inFlight -= 1;
        if (inFlight === 0) idle?.();
      };
      const outgoing = (env as { outgoing?: ServerResponse } | undefined)?.outgoing;
      outgoing?.once('close', finish);
      const response = app.fetch(req, env);
      if (!outgoing) Promise.resolve(response).then(finish, finish);
      return response;
    },
    port: config.port,
    hostname: process.env.HOST ?? '127.0.0.1',
  });
  const port = await new Promise<number>((resolve) => {
    server.once('listening', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : config.port);
    });
  });
  log(`field sync server on http://127.0.0.1:${port} (database: ${database.kind}${config.demo ? ', demo data' : ''})`);

  return {
    app, database, keys, port,
    async stop(graceMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await app.feed.close();
      const closable = server as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
      closable.closeIdleConnections?.();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          idle = resolve;
          setTimeout(resolve, graceMs).unref();
        });
      }
      closable.closeAllConnections?.();
      await closed;
      await database.close();
    },
  };
}
