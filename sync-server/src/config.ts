import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { parseTrustedProxies } from './http/rate-limit';

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
  /** Sign-in attempts allowed per minute per client address (AUTH_RATE_LIMIT_PER_ADDRESS, default 30). */
  authRateLimitPerAddress: number;
  /** Sign-in attempts allowed per minute per account and address (AUTH_RATE_LIMIT_PER_ACCOUNT, default 10). */
  authRateLimitPerAccount: number;
  /** Postgres connections the server keeps open (DATABASE_POOL_SIZE, default 10); one push holds one for its transaction. */
  databasePoolSize: number;
  /** Reverse proxies (IP addresses) whose X-Forwarded-For names the client (TRUSTED_PROXIES, default none). */
  trustedProxies: string[];
  /** Access token lifetime in seconds (ACCESS_TOKEN_SECONDS, default 900); tests shorten it to see streams close. */
  accessTokenSeconds: number;
  /** Prepared statements on Postgres (DATABASE_PREPARED_STATEMENTS, default on; off for PgBouncer in transaction mode). */
  databasePreparedStatements: boolean;
  /** Memory for pull pages read ahead, in MiB (PULL_READ_AHEAD_MB, default 64; 0 turns read-ahead off). */
  pullReadAheadMb: number;
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

function parseNonNegative(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number from 0, got "${value}"`);
  return n;
}

function parsePositive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number from 1, got "${value}"`);
  return n;
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
    authRateLimitPerAddress: parsePositive('AUTH_RATE_LIMIT_PER_ADDRESS', env.AUTH_RATE_LIMIT_PER_ADDRESS, 30),
    authRateLimitPerAccount: parsePositive('AUTH_RATE_LIMIT_PER_ACCOUNT', env.AUTH_RATE_LIMIT_PER_ACCOUNT, 10),
    accessTokenSeconds: parsePositive('ACCESS_TOKEN_SECONDS', env.ACCESS_TOKEN_SECONDS, 15 * 60),
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES),
    databasePoolSize: parsePositive('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, 10),
    databasePreparedStatements: parseBoolean(env.DATABASE_PREPARED_STATEMENTS, true),
    pullReadAheadMb: parseNonNegative('PULL_READ_AHEAD_MB', env.PULL_READ_AHEAD_MB, 64),
  };
}
