import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A connected, migrated database: drizzle for queries plus the LISTEN side of change fan-out. */
export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Subscribe to a NOTIFY channel; resolves to an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Postgres URL; undefined = embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database; undefined = in memory. */
  dataDir?: string | undefined;
  /** Maximum pool size for Postgres. */
  maxConnections?: number;
}

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Opens Postgres (DATABASE_URL) or embedded PGlite and applies the committed migrations. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: 'field-sync-server' },
    });
    const db = drizzlePostgres(client, { schema });
    await migratePostgres(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      kind: 'postgres',
      async listen(channel, onPayload) {
        const sub = await client.listen(channel, onPayload);
        return () => sub.unlisten();
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = join(options.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  const pg = await PGlite.create(dataDir ? { dataDir } : {});
  const db = drizzlePglite(pg, { schema });
  await migratePglite(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => pg.close(),
  };
}
