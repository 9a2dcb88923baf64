import type { CollectionDefinition, ReplicatedDocument } from '@field/shared-model';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { encodeCheckpoint, type Checkpoint } from './checkpoint';
import { readChangesSince, type ChangeRow } from './document-store';

/** A page of changes, each document already serialised for the wire. */
export interface PullResult {
  /** Wire documents as JSON texts (the stored text with `_deleted` added). */
  documents: string[];
  ids: string[];
  /** Where the next pull continues; undefined when nothing has ever been read. */
  checkpoint: Checkpoint | undefined;
}

/** The stored JSON object text with `"_deleted"` appended, without parsing it. */
function withDeletedFlag(objectText: string, deleted: boolean): string {
  const close = objectText.lastIndexOf('}');
  const body = objectText.slice(0, close).trimEnd();
  return `${body}${body.endsWith('{') ? '' : ','}"_deleted":${deleted}}`;
}

/**
 * What the caller may see of a changed row: the document itself, a tombstone of the version it
 * could see when the document has just left its scope (so the device drops it), or nothing.
 */
export function visibleVersion(caller: Caller, definition: CollectionDefinition, row: ChangeRow): string | undefined {
  if (definition.canRead(caller, row.scope as unknown as ReplicatedDocument)) return withDeletedFlag(row.dataText, row.deleted);
  if (row.previousText === null) return undefined;
  const before = JSON.parse(row.previousText) as Record<string, unknown>;
  if (!definition.canRead(caller, before as unknown as ReplicatedDocument)) return undefined;
  return JSON.stringify({ ...before, updatedAt: row.scope.updatedAt, _deleted: true });
}

/**
 * Reads changes after `since`, filtered to the caller's scope. The checkpoint advances past rows
 * the caller may not see, so a page of invisible rows is never re-read.
 */
export async function pullChanges(
  db: Db, caller: Caller, definition: CollectionDefinition, since: Checkpoint | undefined, limit: number,
): Promise<PullResult> {
  const documents: string[] = [];
  const ids: string[] = [];
  let checkpoint = since;
  // Keep reading while whole pages are invisible to the caller: a short answer tells the client it
  // has caught up, so it must not be short just because of scope filtering.
  for (;;) {
    const rows = await readChangesSince(db, caller.agencyId, definition.name, checkpoint, limit, definition.readScopeFields);
    for (const row of rows) {
      checkpoint = { txid: row.txid, id: row.id };
      const visible = visibleVersion(caller, definition, row);
      if (visible !== undefined) {
        documents.push(visible);
        ids.push(row.id);
      }
      if (documents.length >= limit) return { documents, ids, checkpoint };
    }
    if (rows.length < limit) return { documents, ids, checkpoint };
  }
}

export function checkpointText(cp: Checkpoint | undefined): string | null {
  return cp ? encodeCheckpoint(cp) : null;
}

/** `{"documents":[…],"checkpoint":…}` built from the already-serialised documents. */
export function pullResponseJson(result: PullResult): string {
  return `{"documents":[${result.documents.join(',')}],"checkpoint":${JSON.stringify(checkpointText(result.checkpoint))}}`;
}
