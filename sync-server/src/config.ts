import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** Server configuration, read once from the environment. */
export interface ServerConfig {
  port: number;
  /** Postgres connection string; undefined = embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Embedded database, signing keys and attachments live here. */
  dataDir: string;
  /** Seed the demo agencies, users and portal account when the database is empty. */
  demo: boolean;
  /** Origins allowed to call the API from a browser (besides same-origin). */
  corsOrigins: string[];
  /** Folder holding the built apps (`<appsDir>/<app>/dist`). */
  appsDir: string;
  /** How long SIGTERM waits for in-flight requests (a large push on a slow disk) before closing. */
  shutdownGraceMs: number;
}

const packageRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const projectRoot = resolve(packageRoot, '..');

function parseBoolean(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

function parseGrace(value: string | undefined): number {
  if (value === undefined || value === '') return 30_000;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`SHUTDOWN_GRACE_MS must be milliseconds, got "${value}"`);
  return ms;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a TCP port number, got "${env.PORT}"`);
  }
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR || resolve(projectRoot, '.data')),
    demo: parseBoolean(env.DEMO, false),
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    appsDir: resolve(env.APPS_DIR || resolve(projectRoot, 'field-apps')),
    shutdownGraceMs: parseGrace(env.SHUTDOWN_GRACE_MS),
  };
}
