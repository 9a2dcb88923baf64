import { getCollection, type CollectionDefinition } from '@field/shared-model';
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Db } from '../db/connect';
import { rowsOf } from '../db/rows';
import type { Checkpoint } from './checkpoint';
import { storedReadScope } from './stored-read-scope';

export type DocumentData = Record<string, unknown> & { id: string };

/** The current version of a replicated document, as a push merges against it. */
export interface StoredDocument {
  id: string;
  data: DocumentData;
  deleted: boolean;
  txid: bigint;
}

interface RawRow {
  id: string;
  data: DocumentData | string;
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
    deleted: row.deleted,
    txid: BigInt(row.txid),
  };
}

type Executor = Pick<Db, 'execute'>;

/** One stored version as a pull reads it: `data` as the stored JSON text, access judged on `readScope`. */
export interface StoredChange {
  id: string;
  /**
   * `data` exactly as Postgres prints the jsonb, never parsed on the way to the device: UTF-8 bytes
   * (Postgres; valid only during the `forEachChangeSince` callback) or text (PGlite).
   */
  data: Uint8Array | string;
  /** `storedReadScope(data)`, or null on a row written before the column existed. */
  readScope: Record<string, unknown> | null;
  /** `storedReadScope(previous_data)`, or null when there is no previous version or it predates the column. */
  previousReadScope: Record<string, unknown> | null;
  hasPrevious: boolean;
  deleted: boolean;
  txid: bigint;
}

/**
 * Changes after `since`, in commit-safe order. Only rows written by transactions older than the
 * snapshot's xmin are read: every transaction below xmin has finished, so no row can later appear
 * behind the returned checkpoint, however the writers' commits interleave.
 *
 * `data` is read once, as text (`data::text`): each `data->'field'` in the select list would
 * de-TOAST the whole document again, and the server does not need the parsed document. The text
 * casts sit outside the LIMITed subquery: in a plan that sorts, a cast in the same select list
 * would be computed for every matching row before the sort, not just for the page. The outer
 * ORDER BY names the subquery's bigint txid: a bare `txid` would mean the text output column.
 */
const changesSinceStatement = `
  SELECT id, data::text, read_scope::text, previous_read_scope::text, has_previous::text, deleted::text, txid::text
  FROM (
    SELECT id, data, read_scope, previous_read_scope, previous_data IS NOT NULL AS has_previous, deleted, txid
    FROM documents
    WHERE agency_id = $1 AND collection = $2
      AND (txid, id) > ($3::bigint, $4)
      AND txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
    ORDER BY txid, id
    LIMIT $5
  ) AS page
  ORDER BY page.txid, page.id`;

/** A text column of `Database.streamRows` as a string (decoding Postgres's bytes). */
export function storedText(value: Uint8Array | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
}

/**
 * Hands each of up to `limit` changes after `since` to `onChange` as its row arrives (see
 * `changesSinceStatement`); returns how many rows were read. Rows are never collected: a page of
 * megabytes goes from the socket into the caller's answer without becoming strings on the heap.
 */
export async function forEachChangeSince(
  database: Pick<Database, 'streamRows'>, agencyId: string, collection: string, since: Checkpoint | undefined, limit: number,
  onChange: (change: StoredChange) => void,
): Promise<number> {
  const after = since ?? { txid: -1n, id: '' };
  // The scopes come as text and each distinct one is parsed once: a page's documents mostly share a
  // few scopes (a unit, a crew), and callers may then judge each shared scope object once.
  const scopes = new Map<string, Record<string, unknown>>();
  const scopeOf = (value: Uint8Array | string | null | undefined): Record<string, unknown> | null => {
    const text = storedText(value);
    if (text === null) return null;
    let scope = scopes.get(text);
    if (!scope) {
      scope = JSON.parse(text) as Record<string, unknown>;
      scopes.set(text, scope);
    }
    return scope;
  };
  let rows = 0;
  await database.streamRows(changesSinceStatement, [agencyId, collection, after.txid.toString(), after.id, limit], (row) => {
    rows++;
    const [id, data, readScope, previousReadScope, hasPrevious, deleted, txid] = row;
    if (id == null || data == null || txid == null) throw new Error('a stored change without id, data or txid');
    onChange({
      id: storedText(id) ?? '',
      data,
      readScope: scopeOf(readScope),
      previousReadScope: scopeOf(previousReadScope),
      hasPrevious: storedText(hasPrevious) === 'true',
      deleted: storedText(deleted) === 'true',
      txid: BigInt(storedText(txid) ?? ''),
    });
  });
  return rows;
}

/** The version before `txid` of a document, and the current version's `updatedAt`, if the row is still at `txid`. */
export interface PreviousVersion {
  id: string;
  previousData: DocumentData;
  updatedAt: string | null;
}

/**
 * The previous versions of the given rows, for the few a caller may no longer read (a pull sends
 * such a caller a tombstone of the version it could see). A row that has moved on since it was read
 * is left out: its newer version comes later in the same pull and is judged then.
 */
export async function readPreviousVersions(
  db: Executor, agencyId: string, collection: string, rows: readonly { id: string; txid: bigint }[],
): Promise<PreviousVersion[]> {
  if (rows.length === 0) return [];
  // The keys travel as one JSON parameter, so the statement text is the same for any number of rows.
  const keys = JSON.stringify(rows.map((row) => ({ id: row.id, txid: row.txid.toString() })));
  const result = await db.execute(sql`
    SELECT d.id, d.previous_data, d.data->>'updatedAt' AS updated_at
    FROM documents AS d JOIN jsonb_to_recordset(${keys}::jsonb) AS k(id text, txid text)
      ON d.id = k.id AND d.txid = k.txid::bigint
    WHERE d.agency_id = ${agencyId} AND d.collection = ${collection} AND d.previous_data IS NOT NULL`);
  return rowsOf<{ id: string; previous_data: DocumentData | string; updated_at: string | null }>(result).map((row) => ({
    id: row.id,
    previousData: parseJson(row.previous_data),
    updatedAt: row.updated_at,
  }));
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
 * The current versions of the documents whose ids `idsJson` (a JSON array) lists. It relies on the
 * planner having statistics for `documents` (see `TableStatistics`): without them it was read through
 * the pull-order index, filtering every document of the agency.
 */
export function currentVersionsQuery(agencyId: string, collection: string, idsJson: string): SQL {
  return sql`
    SELECT id, data, deleted, txid::text AS txid FROM documents
    WHERE agency_id = ${agencyId} AND collection = ${collection}
      AND id = ANY (ARRAY(SELECT jsonb_array_elements_text(${idsJson}::jsonb)))`;
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
  // The ids travel as one JSON array parameter (a parameter per id costs the driver a describe of
  // hundreds of parameters). Locks are taken in the sorted order: the volatile lock function is
  // evaluated after the ORDER BY. Both statements go out together (one round trip): Postgres runs
  // them one after the other, so the read's snapshot is still taken after every lock is held.
  const idsJson = JSON.stringify(sorted);
  const [, result] = await Promise.all([
    tx.execute(sql`
      SELECT pg_advisory_xact_lock(hashtextextended(${`${agencyId}/${collection}/`} || t.k, 0))
      FROM jsonb_array_elements_text(${idsJson}::jsonb) WITH ORDINALITY AS t(k, n)
      ORDER BY t.n`),
    tx.execute(currentVersionsQuery(agencyId, collection, idsJson)),
  ]);
  for (const row of rowsOf<RawRow>(result)) found.set(row.id, toStored(row));
  return found;
}

/** The registered collection's definition (documents of unknown collections are never written). */
function definitionOf(collection: string): CollectionDefinition {
  const definition = getCollection(collection);
  if (!definition) throw new Error(`no registered collection "${collection}"`);
  return definition;
}

/** Writes one document version in the current transaction, stamping the transaction id. */
export async function writeDocument(
  tx: Executor, agencyId: string, collection: string, data: DocumentData, deleted: boolean, updatedAt: string,
): Promise<void> {
  await writeDocuments(tx, agencyId, collection, [{ data, deleted, updatedAt }]);
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
  // The whole batch travels as one JSON parameter and Postgres takes it apart: one parameter
  // instead of ten per document for the driver to describe and encode.
  const batch = JSON.stringify(writes.map((w) => ({
    data: w.data, scope: storedReadScope(definitionOf(collection), w.data), deleted: w.deleted, updatedAt: w.updatedAt,
  })));
  await tx.execute(sql`
    INSERT INTO documents (agency_id, collection, id, data, previous_data, read_scope, previous_read_scope, deleted, txid, updated_at)
    SELECT ${agencyId}, ${collection}, w->'data'->>'id', w->'data', NULL, w->'scope', NULL, (w->>'deleted')::boolean,
      pg_current_xact_id()::text::bigint, (w->>'updatedAt')::timestamptz
    FROM jsonb_array_elements(${batch}::jsonb) AS w
    ON CONFLICT (agency_id, collection, id) DO UPDATE SET
      previous_data = documents.data, previous_read_scope = documents.read_scope,
      data = excluded.data, read_scope = excluded.read_scope, deleted = excluded.deleted,
      txid = excluded.txid, updated_at = excluded.updated_at`);
}

/** How a write changes a document's attachment references. */
export interface AttachmentReferenceChange {
  id: string;
  added: readonly string[];
  removed: readonly string[];
}

/**
 * Applies attachment reference changes (table `document_attachments`): removed pairs deleted, added
 * pairs inserted, issued in this order on the transaction's connection (pipelined with the document
 * write). Only the differences travel: a new chart adds its references and deletes nothing, so the
 * bulk path never searches the table (a DELETE by a list of document ids was planned as a nested loop
 * over every row of the agency while the table was not analyzed yet: 105 ms for 100 ids at 3,000 rows).
 */
export function applyAttachmentReferenceChanges(
  tx: Executor, agencyId: string, collection: string, changes: readonly AttachmentReferenceChange[],
): Promise<unknown>[] {
  const pairs = (pick: (c: AttachmentReferenceChange) => readonly string[]) =>
    changes.flatMap((c) => pick(c).map((sha256) => ({ id: c.id, sha256 })));
  const removed = pairs((c) => c.removed);
  const added = pairs((c) => c.added);
  const statements: Promise<unknown>[] = [];
  if (removed.length > 0) {
    statements.push(tx.execute(sql`
      DELETE FROM document_attachments AS d
      USING jsonb_to_recordset(${JSON.stringify(removed)}::jsonb) AS p(id text, sha256 text)
      WHERE d.agency_id = ${agencyId} AND d.sha256 = p.sha256 AND d.collection = ${collection} AND d.document_id = p.id`));
  }
  if (added.length > 0) {
    statements.push(tx.execute(sql`
      INSERT INTO document_attachments (agency_id, sha256, collection, document_id)
      SELECT ${agencyId}, p.sha256, ${collection}, p.id FROM jsonb_to_recordset(${JSON.stringify(added)}::jsonb) AS p(id text, sha256 text)
      ON CONFLICT DO NOTHING`));
  }
  return statements;
}

/** The current, readable candidates for granting an attachment: documents that reference it. */
export async function readDocumentsReferencing(
  db: Executor, agencyId: string, sha256: string,
): Promise<{ collection: string; data: DocumentData; deleted: boolean }[]> {
  const result = await db.execute(sql`
    SELECT d.collection, d.data, d.deleted FROM document_attachments AS r
    JOIN documents AS d ON d.agency_id = r.agency_id AND d.collection = r.collection AND d.id = r.document_id
    WHERE r.agency_id = ${agencyId} AND r.sha256 = ${sha256}
    LIMIT 1000`);
  return rowsOf<{ collection: string; data: DocumentData | string; deleted: boolean }>(result)
    .map((row) => ({ collection: row.collection, data: parseJson(row.data), deleted: row.deleted }));
}

/** Tells every server instance (LISTEN field_changes) that a collection of an agency changed, at commit. */
export async function notifyChange(tx: Executor, agencyId: string, collection: string): Promise<void> {
  await tx.execute(sql`SELECT pg_notify('field_changes', ${JSON.stringify({ a: agencyId, c: collection })})`);
}
