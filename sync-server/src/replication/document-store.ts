import { sql } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { rowsOf } from '../db/rows';
import type { Checkpoint } from './checkpoint';

export type DocumentData = Record<string, unknown> & { id: string };

/** One stored version of a replicated document. */
export interface StoredDocument {
  id: string;
  data: DocumentData;
  previousData: DocumentData | null;
  deleted: boolean;
  txid: bigint;
}

interface RawRow {
  id: string;
  data: DocumentData | string;
  previous_data: DocumentData | string | null;
  deleted: boolean;
  txid: string;
}

function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

function toStored(row: RawRow): StoredDocument {
  return {
    id: row.id,
    data: parseJson(row.data),
    previousData: row.previous_data === null ? null : parseJson(row.previous_data),
    deleted: row.deleted,
    txid: BigInt(row.txid),
  };
}

type Executor = Pick<Db, 'execute'>;

/**
 * Changes after `since`, in commit-safe order. Only rows written by transactions older than the
 * snapshot's xmin are read: every transaction below xmin has finished, so no row can later appear
 * behind the returned checkpoint, however the writers' commits interleave.
 */
export async function readChangesSince(
  db: Executor, agencyId: string, collection: string, since: Checkpoint | undefined, limit: number,
): Promise<StoredDocument[]> {
  const after = since ?? { txid: -1n, id: '' };
  const result = await db.execute(sql`
    SELECT id, data, previous_data, deleted, txid::text AS txid
    FROM documents
    WHERE agency_id = ${agencyId} AND collection = ${collection}
      AND (txid, id) > (${after.txid.toString()}::bigint, ${after.id})
      AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
    ORDER BY txid, id
    LIMIT ${limit}`);
  return rowsOf<RawRow>(result).map(toStored);
}

/** The newest commit-safe position of a collection (where a fresh stream starts listening). */
export async function readHeadCheckpoint(db: Executor, agencyId: string, collection: string): Promise<Checkpoint | undefined> {
  const result = await db.execute(sql`
    SELECT id, txid::text AS txid FROM documents
    WHERE agency_id = ${agencyId} AND collection = ${collection}
      AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
    ORDER BY txid DESC, id DESC LIMIT 1`);
  const [row] = rowsOf<{ id: string; txid: string }>(result);
  return row ? { txid: BigInt(row.txid), id: row.id } : undefined;
}

/**
 * Locks the given documents for this transaction (advisory locks in a fixed order, so two pushes of
 * the same new id serialise instead of overwriting each other) and returns their current versions.
 */
export async function lockDocuments(
  tx: Executor, agencyId: string, collection: string, ids: readonly string[],
): Promise<Map<string, StoredDocument>> {
  const sorted = [...new Set(ids)].sort();
  const found = new Map<string, StoredDocument>();
  if (sorted.length === 0) return found;
  // One round trip: a VALUES scan yields its rows in the listed (sorted) order, so the locks are taken in that order.
  await tx.execute(sql`
    SELECT pg_advisory_xact_lock(hashtextextended(t.k, 0))
    FROM (VALUES ${sql.join(sorted.map((id) => sql`(${`${agencyId}/${collection}/${id}`})`), sql`, `)}) AS t(k)`);
  const result = await tx.execute(sql`
    SELECT id, data, previous_data, deleted, txid::text AS txid FROM documents
    WHERE agency_id = ${agencyId} AND collection = ${collection}
      AND id IN (${sql.join(sorted.map((id) => sql`${id}`), sql`, `)})`);
  for (const row of rowsOf<RawRow>(result)) found.set(row.id, toStored(row));
  return found;
}

/** Writes one document version in the current transaction, stamping the transaction id. */
export async function writeDocument(
  tx: Executor, agencyId: string, collection: string, data: DocumentData, deleted: boolean, updatedAt: string,
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO documents (agency_id, collection, id, data, previous_data, deleted, txid, updated_at)
    VALUES (${agencyId}, ${collection}, ${data.id}, ${JSON.stringify(data)}::jsonb, NULL, ${deleted},
            pg_current_xact_id()::text::bigint, ${updatedAt}::timestamptz)
    ON CONFLICT (agency_id, collection, id) DO UPDATE SET
      previous_data = documents.data, data = excluded.data, deleted = excluded.deleted,
      txid = excluded.txid, updated_at = excluded.updated_at`);
}

/** One version to write with `writeDocuments`. */
export interface DocumentWrite {
  data: DocumentData;
  deleted: boolean;
  updatedAt: string;
}

/**
 * Writes several document versions in one statement (same effect as `writeDocument` for each).
 * Ids must be unique within the call (a statement cannot update one row twice).
 */
export async function writeDocuments(
  tx: Executor, agencyId: string, collection: string, writes: readonly DocumentWrite[],
): Promise<void> {
  if (writes.length === 0) return;
  const rows = writes.map((w) => sql`(${agencyId}, ${collection}, ${w.data.id}, ${JSON.stringify(w.data)}::jsonb, NULL::jsonb,
    ${w.deleted}, pg_current_xact_id()::text::bigint, ${w.updatedAt}::timestamptz)`);
  await tx.execute(sql`
    INSERT INTO documents (agency_id, collection, id, data, previous_data, deleted, txid, updated_at)
    VALUES ${sql.join(rows, sql`, `)}
    ON CONFLICT (agency_id, collection, id) DO UPDATE SET
      previous_data = documents.data, data = excluded.data, deleted = excluded.deleted,
      txid = excluded.txid, updated_at = excluded.updated_at`);
}

/** Tells every server instance (LISTEN field_changes) that a collection of an agency changed, at commit. */
export async function notifyChange(tx: Executor, agencyId: string, collection: string): Promise<void> {
  await tx.execute(sql`SELECT pg_notify('field_changes', ${JSON.stringify({ a: agencyId, c: collection })})`);
}
