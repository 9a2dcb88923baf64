import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

/** One chart as both baselines store it: the same columns as the server's `documents` table. */
export interface RawRow {
  agency_id: string;
  collection: string;
  id: string;
  data: Record<string, unknown>;
  deleted: boolean;
  updated_at: string;
}

/** Keyset position in (txid, id) order, as the server's pull uses. */
export interface RawCursor {
  txid: string;
  id: string;
}

/** The raw baseline: batched INSERT and paged SELECT of the same rows, no HTTP, no server logic. */
export interface RawBaseline {
  label: string;
  insertBatch(rows: readonly RawRow[]): Promise<void>;
  /** One page after `after` in (txid, id) order; returns how many rows came back and the last position. */
  selectPage(after: RawCursor | undefined, limit: number): Promise<{ count: number; last: RawCursor | undefined }>;
  close(): Promise<void>;
}

/** Where the run's server and baseline live. */
export interface BenchDatabase {
  kind: 'postgres' | 'pglite';
  /** What to print about the database. */
  description: string;
  /** DATABASE_URL for the server child; undefined = its embedded PGlite in DATA_DIR. */
  serverUrl: string | undefined;
  /** Opens the baseline; call after the server has migrated (the Postgres baseline copies `documents`). */
  openBaseline(): Promise<RawBaseline>;
  drop(): Promise<void>;
}

const defaultUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const rawTable = 'bench_raw_documents';

async function isReachable(url: string): Promise<boolean> {
  const probe = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await probe`SELECT 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 }).catch(() => undefined);
  }
}

/** Postgres from DATABASE_URL, else the local default if reachable (a fresh database per run), else PGlite. */
export async function chooseBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const candidates = process.env.DATABASE_URL ? [process.env.DATABASE_URL] : [defaultUrl];
  for (const url of candidates) {
    if (await isReachable(url)) return createPostgresDatabase(url);
    log(`Postgres at ${redact(url)} is not reachable.`);
  }
  log('No Postgres reachable: running against embedded PGlite (server) and an in-process PGlite (raw baseline).');
  return createPgliteDatabase();
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function createPostgresDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `field_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  const version = (await admin<{ server_version: string }[]>`SHOW server_version`)[0]?.server_version ?? '?';
  const opened: RawBaseline[] = [];
  return {
    kind: 'postgres',
    description: `PostgreSQL ${version}, fresh database ${name} on ${target.host} (dropped after the run)`,
    serverUrl: target.toString(),
    async openBaseline() {
      const baseline = await openPostgresBaseline(target.toString());
      opened.push(baseline);
      return baseline;
    },
    async drop() {
      for (const baseline of opened) await baseline.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function openPostgresBaseline(url: string): Promise<RawBaseline> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  // Same columns, keys and indexes as the server's table; txid stamped the same way.
  await sql.unsafe(`CREATE TABLE ${rawTable} (LIKE documents INCLUDING ALL)`);
  await sql.unsafe(`ALTER TABLE ${rawTable} ALTER COLUMN txid SET DEFAULT pg_current_xact_id()::text::bigint`);
  let closed = false;
  return {
    label: 'postgres.js',
    async insertBatch(rows) {
      const values = rows as unknown as Record<string, postgres.ParameterOrJSON<never>>[];
      await sql`INSERT INTO ${sql(rawTable)} ${sql(values, 'agency_id', 'collection', 'id', 'data', 'deleted', 'updated_at')}`;
    },
    async selectPage(after, limit) {
      const from = after ?? { txid: '-1', id: '' };
      // ORDER BY names the table's bigint column: a bare `txid` would be the text output column, and
      // Postgres would then read every remaining row of the agency and sort them as text on every page.
      const rows = await sql<{ id: string; data: unknown; previous_data: unknown; deleted: boolean; txid: string }[]>`
        SELECT id, data, previous_data, deleted, txid::text AS txid FROM ${sql(rawTable)}
        WHERE agency_id = 'demo' AND collection = 'epcrs' AND (txid, id) > (${from.txid}::bigint, ${from.id})
        ORDER BY ${sql(rawTable)}.txid, id LIMIT ${limit}`;
      const last = rows[rows.length - 1];
      return { count: rows.length, last: last ? { txid: last.txid, id: last.id } : undefined };
    },
    async close() {
      if (closed) return;
      closed = true;
      await sql.end({ timeout: 5 });
    },
  };
}

async function createPgliteDatabase(): Promise<BenchDatabase> {
  return {
    kind: 'pglite',
    description: 'embedded PGlite (no Postgres reachable); raw baseline through a separate in-process PGlite',
    serverUrl: undefined,
    openBaseline: openPgliteBaseline,
    drop: async () => {},
  };
}

async function openPgliteBaseline(): Promise<RawBaseline> {
  const pg = await PGlite.create();
  await pg.exec(`
    CREATE TABLE ${rawTable} (
      agency_id text NOT NULL, collection text NOT NULL, id text NOT NULL, data jsonb NOT NULL, previous_data jsonb,
      deleted boolean NOT NULL DEFAULT false, txid bigint NOT NULL DEFAULT pg_current_xact_id()::text::bigint,
      updated_at timestamp(3) with time zone NOT NULL, PRIMARY KEY (agency_id, collection, id));
    CREATE INDEX ${rawTable}_pull_order ON ${rawTable} (agency_id, collection, txid, id);`);
  return {
    label: 'PGlite query API (in the bench process)',
    async insertBatch(rows) {
      const params: unknown[] = [];
      const tuples = rows.map((row) => {
        const at = params.length;
        params.push(row.agency_id, row.collection, row.id, JSON.stringify(row.data), row.deleted, row.updated_at);
        return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}::jsonb, $${at + 5}, $${at + 6}::timestamptz)`;
      });
      await pg.query(`INSERT INTO ${rawTable} (agency_id, collection, id, data, deleted, updated_at) VALUES ${tuples.join(', ')}`, params);
    },
    async selectPage(after, limit) {
      const from = after ?? { txid: '-1', id: '' };
      const result = await pg.query<{ id: string; txid: string }>(`
        SELECT id, data, previous_data, deleted, txid::text AS txid FROM ${rawTable}
        WHERE agency_id = 'demo' AND collection = 'epcrs' AND (txid, id) > ($1::bigint, $2)
        ORDER BY ${rawTable}.txid, id LIMIT $3`, [from.txid, from.id, limit]);
      const last = result.rows[result.rows.length - 1];
      return { count: result.rows.length, last: last ? { txid: last.txid, id: last.id } : undefined };
    },
    close: () => pg.close(),
  };
}
