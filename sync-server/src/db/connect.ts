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
import { TableStatistics } from './table-statistics';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/**
 * A row of `streamRows`: every column as text, as UTF-8 bytes straight from Postgres's wire (never
 * decoded) or as a string (PGlite); null for SQL NULL.
 */
export type TextRow = readonly (Uint8Array | string | null)[];

/** A connected, migrated database: drizzle for queries plus the LISTEN side of change fan-out. */
export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /**
   * Runs a read-only statement whose every column is text-typed (cast with `::text`) and hands each
   * row to `onRow` as it arrives, in order; rows are not collected. On Postgres the columns are
   * views of the bytes received, valid only during the call. After an error thrown by `onRow` the
   * remaining rows are skipped and the returned promise rejects with it.
   */
  streamRows(text: string, params: readonly (string | number)[], onRow: (row: TextRow) => void): Promise<void>;
  /** Planner statistics of the tables pushes grow: tell it how many documents a push wrote. */
  statistics: TableStatistics;
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
  /**
   * Prepared (named) statements on Postgres; default true. Off for a pooler that cannot keep them,
   * such as PgBouncer in transaction mode before 1.21.
   */
  preparedStatements?: boolean;
}

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * drizzle runs every statement unnamed and unprepared, and postgres.js then describes each
 * statement that has parameters in a round trip of its own before it can send the values: two round
 * trips per statement. This client lets postgres.js prepare them instead (named statements, cached
 * per connection by text and parameter types: one round trip, and Postgres plans each once per
 * connection). Every statement the server runs has a fixed text (lists travel as one JSON
 * parameter), so the cache stays small; connections are replaced after 30-60 minutes anyway.
 * Measured: a push of 5 charts 9.0 -> 7.6 ms, a pull of 5 3.9 -> 3.3 ms (median of 400, loopback).
 */
function preparingClient(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params as never, { ...options, prepare: true });
      }
      if (prop === 'begin') {
        // drizzle's transactions run on the client postgres.js hands to the callback: prepare there too.
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const callback = args[last] as (tx: postgres.Sql) => unknown;
          args[last] = (tx: postgres.Sql) => callback(preparingClient(tx));
          return (target.begin as (...a: unknown[]) => unknown)(...args);
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Opens Postgres (DATABASE_URL) or embedded PGlite and applies the committed migrations. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      // Prepared statements are still planned for the parameters of each execution, as the unprepared
      // ones were: only the describe round trip is saved, no plan can go stale as tables grow.
      connection: { application_name: 'field-sync-server', plan_cache_mode: 'force_custom_plan' },
    });
    const db = drizzlePostgres(options.preparedStatements === false ? client : preparingClient(client), { schema });
    await migratePostgres(db, { migrationsFolder });
    const statistics = new TableStatistics(db);
    statistics.start();
    const prepare = options.preparedStatements !== false;
    return {
      db: db as unknown as Db,
      kind: 'postgres',
      statistics,
      async streamRows(text, params, onRow) {
        // `.raw()`: columns arrive as views of the received bytes; `.forEach`: rows are not collected.
        let failure: { error: unknown } | undefined;
        await client.unsafe(text, params as (string | number)[], { prepare }).raw().forEach((row) => {
          if (failure) return;
          try {
            onRow(row as unknown as TextRow);
          } catch (error) {
            failure = { error };
          }
        });
        if (failure) throw failure.error;
      },
      async listen(channel, onPayload) {
        const sub = await client.listen(channel, onPayload);
        return () => sub.unlisten();
      },
      async close() {
        await statistics.close();
        await client.end({ timeout: 5 });
      },
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
  const statistics = new TableStatistics(db);
  statistics.start();
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    statistics,
    async streamRows(text, params, onRow) {
      const result = await pg.query<TextRow>(text, [...params], { rowMode: 'array' });
      for (const row of result.rows) onRow(row);
    },
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return () => unlisten();
    },
    async close() {
      await statistics.close();
      await pg.close();
    },
  };
}
