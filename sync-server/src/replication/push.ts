import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import {
  attachmentReferencesOf, hasErrors, mergeDocuments, type CollectionDefinition, type FieldConflict, type ReplicatedDocument,
  type SyncRefusalCode,
} from '@field/shared-model';
import { recordAudit } from '../audit';
import type { Caller } from '../auth/tokens';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import { conflicts as conflictsTable, refusedDocuments } from '../db/schema';
import {
  applyAttachmentReferenceChanges, lockDocuments, notifyChange, writeDocuments, type AttachmentReferenceChange, type DocumentData,
  type DocumentWrite, type StoredDocument,
} from './document-store';
import { checkSchema } from './schema-validator';
import { sameJson } from './stable-json';
import { validationGates } from './validation-gate';

/** Why a pushed document was not committed; travels back on the document as `syncRefusal`. */
export interface SyncRefusal {
  code: SyncRefusalCode;
  reason: string;
  at: string;
}

export type WireDocument = DocumentData & { _deleted: boolean };

export interface PushResult {
  /** Current server documents for the rows that did not commit as sent (the RxDB conflict answer). */
  answer: WireDocument[];
  written: string[];
  refused: number;
  conflicts: number;
}

export interface PushContext {
  caller: Caller;
  definition: CollectionDefinition;
  clock: Clock;
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** Absent or an empty list: what a device may send in a server-only field. */
function isEmpty(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toWire(stored: Pick<StoredDocument, 'data' | 'deleted'>): WireDocument {
  return { ...stored.data, _deleted: stored.deleted };
}

function withoutWireFields(doc: Record<string, unknown>): DocumentData {
  const { _deleted: _d, _meta: _m, _rev: _r, _attachments: _a, syncRefusal: _s, ...data } = doc;
  return data as DocumentData;
}

function nextUpdatedAt(clock: Clock, previous: unknown): string {
  const prev = typeof previous === 'string' ? Date.parse(previous) : Number.NaN;
  const now = clock.now();
  return new Date(Number.isFinite(prev) && prev >= now ? prev + 1 : now).toISOString();
}

/** How many rows of a push are checked before their documents are sent to Postgres (ADR 0009). */
const writeGroupRows = 20;

/** What each write changes in `document_attachments`, against the references the document had before the push. */
function referenceChangesOf(
  writes: readonly DocumentWrite[], referencesBefore: ReadonlyMap<string, readonly string[]>,
): AttachmentReferenceChange[] {
  const changes: AttachmentReferenceChange[] = [];
  for (const write of writes) {
    const before = new Set(referencesBefore.get(write.data.id));
    const after = attachmentReferencesOf(write.data);
    const added = after.filter((sha256) => !before.has(sha256));
    const removed = [...before].filter((sha256) => !after.includes(sha256));
    if (added.length > 0 || removed.length > 0) changes.push({ id: write.data.id, added, removed });
  }
  return changes;
}

/**
 * Applies one push batch inside a transaction. Each row either commits (possibly merged with the
 * server's version), or is refused and kept in `refused_documents`; one bad row never blocks the rest.
 * The push is recorded in the audit log in the same transaction.
 */
export async function applyPush(tx: Db, ctx: PushContext, rows: readonly unknown[]): Promise<PushResult> {
  const { caller, definition } = ctx;
  const result: PushResult = { answer: [], written: [], refused: 0, conflicts: 0 };
  const now = new Date(ctx.clock.now()).toISOString();
  const ids = rows.map((r) => (isRecord(r) && isRecord(r.newDocumentState) ? r.newDocumentState.id : undefined))
    .filter((id): id is string => typeof id === 'string' && idPattern.test(id));
  const current = await lockDocuments(tx, caller.agencyId, definition.name, ids);
  // Documents to write, not yet sent; a later row with the same id replaces the earlier one.
  const writes = new Map<string, DocumentWrite>();
  // The attachment references each written document had before this push.
  const referencesBefore = new Map<string, readonly string[]>();
  // The last row of each id: a document is written once, after the last row that can change it.
  const lastRowOf = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    const id = isRecord(row) && isRecord(row.newDocumentState) ? row.newDocumentState.id : undefined;
    if (typeof id === 'string') lastRowOf.set(id, index);
  }
  // Statements sent while later rows are still being checked. Each gets a handler at once: one that
  // fails before the final await must not be an unhandled rejection (the final await still throws).
  const sent: Promise<unknown>[] = [];
  const send = (statement: Promise<unknown>) => {
    statement.catch(() => undefined);
    sent.push(statement);
  };
  /** Sends the writes whose last row is at or before `index`, with their attachment reference changes. */
  const sendWrites = (index: number) => {
    const ready = [...writes.values()].filter((write) => (lastRowOf.get(write.data.id) ?? -1) <= index);
    if (ready.length === 0) return;
    for (const write of ready) writes.delete(write.data.id);
    send(writeDocuments(tx, caller.agencyId, definition.name, ready));
    for (const statement of applyAttachmentReferenceChanges(tx, caller.agencyId, definition.name, referenceChangesOf(ready, referencesBefore))) {
      send(statement);
    }
  };

  const refuse = async (client: Record<string, unknown> | undefined, code: SyncRefusal['code'], reason: string) => {
    result.refused += 1;
    const documentId = typeof client?.id === 'string' ? client.id.slice(0, 200) : null;
    await tx.insert(refusedDocuments).values({
      agencyId: caller.agencyId, id: randomUUID(), collection: definition.name, documentId, userId: caller.id,
      code, reason, document: client ?? null,
    });
    if (client && documentId && idPattern.test(documentId)) {
      const refusal: SyncRefusal = { code, reason, at: now };
      result.answer.push({ ...withoutWireFields(client), _deleted: client._deleted === true, syncRefusal: refusal });
    }
  };

  for (const [index, row] of rows.entries()) {
    // Postgres writes one group of documents while the next group is checked and merged here: the
    // statements queue on the transaction's connection and run in order (ADR 0009). A statement of
    // a few hundred KB reaches the socket only in part while JavaScript keeps running; one turn of
    // the event loop lets Node write the rest before the next group is checked.
    if (index > 0 && index % writeGroupRows === 0) {
      sendWrites(index - 1);
      await nextTurnOfEventLoop();
    }
    if (!isRecord(row) || !isRecord(row.newDocumentState)) {
      await refuse(undefined, 'malformed', 'each row must be {assumedMasterState?, newDocumentState}');
      continue;
    }
    const client = row.newDocumentState;
    const base = isRecord(row.assumedMasterState) ? row.assumedMasterState : undefined;
    if (typeof client.id !== 'string' || !idPattern.test(client.id)) {
      await refuse(client, 'malformed', 'the document needs an "id" of 1-128 letters, digits, "_", ".", ":" or "-"');
      continue;
    }
    if (client.agencyId !== caller.agencyId) {
      await refuse(client, 'foreign-agency', 'the document belongs to another agency than your login');
      continue;
    }
    const stored = current.get(client.id);
    const serverWire = stored ? toWire(stored) : undefined;
    // A value the device had from the server (the current one, or the one its base says it last saw)
    // is not an edit; with no server version there is nothing it can have seen.
    const touched = definition.serverOnlyFields.find((f) => f !== 'updatedAt' && !isEmpty(client[f])
      && !sameJson(client[f], serverWire?.[f]) && !(serverWire && sameJson(client[f], base?.[f])));
    if (touched) {
      await refuse(client, 'server-only-field', `"${touched}" is set by the server and cannot be changed from a device`);
      continue;
    }
    const clientDoc = { ...client, _deleted: client._deleted === true } as unknown as ReplicatedDocument;
    const upToDate = serverWire !== undefined && base !== undefined && sameJson(base, serverWire);
    let next: Record<string, unknown>;
    let fieldConflicts: FieldConflict[] = [];
    if (!serverWire) {
      next = { ...clientDoc } as Record<string, unknown>;
      // A new document may carry empty server-only fields (the schema requires `findings: []`), nothing else.
      for (const f of definition.serverOnlyFields) if (!isEmpty(next[f]) || next[f] === undefined) delete next[f];
    } else {
      const merged = mergeDocuments({
        base: (upToDate ? serverWire : base) as ReplicatedDocument | undefined,
        server: serverWire as unknown as ReplicatedDocument,
        client: clientDoc,
        definition,
      });
      next = merged.merged as unknown as Record<string, unknown>;
      fieldConflicts = merged.conflicts;
    }
    const decision = definition.canWrite(
      caller, next as unknown as ReplicatedDocument, serverWire as unknown as ReplicatedDocument | undefined,
      (base ?? serverWire) as unknown as ReplicatedDocument | undefined,
    );
    if (!decision.allowed) {
      await refuse(client, 'forbidden', decision.reason);
      continue;
    }
    let mustAnswer = !upToDate && serverWire !== undefined;
    const deleted = next._deleted === true;
    const data = withoutWireFields(next);
    data.updatedAt = serverWire ? String(serverWire.updatedAt ?? now) : now;

    if (applyStatusRules(definition, data, serverWire, caller, now)) mustAnswer = true;

    const schemaProblem = checkSchema(definition, data);
    if (schemaProblem) {
      await refuse(client, 'schema', `the document does not match the ${definition.name} schema: ${schemaProblem}`);
      continue;
    }
    const unchanged = stored !== undefined && stored.deleted === deleted
      && sameJson({ ...stored.data, updatedAt: null }, { ...data, updatedAt: null });
    if (!unchanged) {
      const updatedAt = nextUpdatedAt(ctx.clock, stored?.data.updatedAt);
      data.updatedAt = updatedAt;
      if (!referencesBefore.has(data.id)) referencesBefore.set(data.id, attachmentReferencesOf(stored?.data));
      writes.set(data.id, { data, deleted, updatedAt });
      current.set(data.id, { id: data.id, data, deleted, txid: 0n });
      result.written.push(data.id);
    }
    if (fieldConflicts.length > 0) {
      result.conflicts += 1;
      mustAnswer = true;
      await tx.insert(conflictsTable).values({
        agencyId: caller.agencyId, id: randomUUID(), collection: definition.name, documentId: data.id,
        userId: caller.id, detail: fieldConflicts,
      });
    }
    if (mustAnswer) result.answer.push(toWire(current.get(data.id) ?? { data, deleted }));
  }
  sendWrites(rows.length);
  // The last statements go out together (postgres.js pipelines queries issued on one connection
  // without waiting, and runs them in the order issued), so the push pays one round trip for them.
  if (result.written.length > 0) send(notifyChange(tx, caller.agencyId, definition.name));
  if (rows.length > 0) {
    send(recordAudit(tx, {
      caller, action: `${definition.name}.push`, collection: definition.name, documentIds: result.written,
      detail: { rows: rows.length, refused: result.refused, conflicts: result.conflicts },
    }));
  }
  await Promise.all(sent);
  return result;
}

/**
 * Server-side status transitions: the validation gate on `completed` (ERROR findings keep the chart
 * `in_progress` with the findings attached) and the lock stamp on `locked`. True when the document
 * differs from what the device sent, so the device must receive it back.
 */
function applyStatusRules(
  definition: CollectionDefinition, data: DocumentData, previous: WireDocument | undefined, caller: Caller, now: string,
): boolean {
  const gate = validationGates[definition.name];
  let changed = false;
  if (gate && data.status === 'completed' && previous?.status !== 'completed') {
    const findings = gate(data);
    data.findings = findings;
    changed = true;
    if (hasErrors(findings)) data.status = 'in_progress';
  }
  if (definition.serverOnlyFields.includes('lockedAt') && data.status === 'locked' && previous?.status !== 'locked') {
    data.lockedAt = now;
    data.lockedBy = caller.id;
    changed = true;
  }
  return changed;
}
