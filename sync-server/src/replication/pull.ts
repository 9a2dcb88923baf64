import type { CollectionDefinition, ReplicatedDocument } from '@field/shared-model';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { encodeCheckpoint, type Checkpoint } from './checkpoint';
import { readChangesSince, type StoredDocument } from './document-store';
import { toWire, type WireDocument } from './push';

export interface PullResult {
  documents: WireDocument[];
  /** Where the next pull continues; undefined when nothing has ever been read. */
  checkpoint: Checkpoint | undefined;
}

/**
 * What the caller may see of a stored version: the document itself, a tombstone of the version it
 * could see when the document has just left its scope (so the device drops it), or nothing.
 */
export function visibleVersion(caller: Caller, definition: CollectionDefinition, stored: StoredDocument): WireDocument | undefined {
  const wire = toWire(stored);
  if (definition.canRead(caller, wire as unknown as ReplicatedDocument)) return wire;
  const before = stored.previousData;
  if (before && definition.canRead(caller, before as unknown as ReplicatedDocument)) {
    return { ...before, updatedAt: stored.data.updatedAt, _deleted: true };
  }
  return undefined;
}

/**
 * Reads changes after `since`, filtered to the caller's scope. The checkpoint advances past rows
 * the caller may not see, so a page of invisible rows is never re-read.
 */
export async function pullChanges(
  db: Db, caller: Caller, definition: CollectionDefinition, since: Checkpoint | undefined, limit: number,
): Promise<PullResult> {
  const documents: WireDocument[] = [];
  let checkpoint = since;
  // Keep reading while whole pages are invisible to the caller: a short answer tells the client it
  // has caught up, so it must not be short just because of scope filtering.
  for (;;) {
    const rows = await readChangesSince(db, caller.agencyId, definition.name, checkpoint, limit);
    for (const row of rows) {
      checkpoint = { txid: row.txid, id: row.id };
      const visible = visibleVersion(caller, definition, row);
      if (visible) documents.push(visible);
      if (documents.length >= limit) return { documents, checkpoint };
    }
    if (rows.length < limit) return { documents, checkpoint };
  }
}

export function checkpointText(cp: Checkpoint | undefined): string | null {
  return cp ? encodeCheckpoint(cp) : null;
}
