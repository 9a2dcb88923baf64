import type { CollectionDefinition, ReplicatedDocument } from '@field/shared-model';
import { readScopeOf } from '@field/shared-model';
import type { Caller } from '../auth/tokens';
import type { Database, Db } from '../db/connect';
import type { Checkpoint } from './checkpoint';
import { forEachChangeSince, readPreviousVersions, storedText, type StoredChange } from './document-store';
import type { PageBuffers } from './page-buffers';
import { PullAnswerWriter, type PullPage } from './pull-answer-writer';
import { currentReadScope } from './stored-read-scope';

type Scope = Record<string, unknown>;

function canReadScope(caller: Caller, definition: CollectionDefinition, scope: Scope): boolean {
  // `readScopeFields` promises (and a shared-model test holds) that canRead looks at no other field.
  return definition.canRead(caller, scope as unknown as ReplicatedDocument);
}

/** What a pull does with one stored change: send it, judge its previous version, or skip it. */
type Verdict = 'send' | 'previous' | 'skip';

/** Whether the caller may read a stored scope; undefined when it cannot be trusted. Shared scope objects are judged once. */
type ScopeJudge = (stored: Record<string, unknown> | null) => boolean | undefined;

function scopeJudge(caller: Caller, definition: CollectionDefinition): ScopeJudge {
  const verdicts = new Map<Record<string, unknown>, boolean | undefined>();
  return (stored) => {
    if (!stored) return undefined;
    if (verdicts.has(stored)) return verdicts.get(stored);
    const scope = currentReadScope(definition, stored);
    const verdict = scope ? canReadScope(caller, definition, scope) : undefined;
    verdicts.set(stored, verdict);
    return verdict;
  };
}

function judge(caller: Caller, definition: CollectionDefinition, change: StoredChange, canReadStored: ScopeJudge): Verdict {
  // A row whose stored scope is missing or was taken for another access rule is judged on the document itself.
  const readable = canReadStored(change.readScope)
    ?? canReadScope(caller, definition, readScopeOf(definition, JSON.parse(storedText(change.data) ?? '') as object));
  if (readable) return 'send';
  if (!change.hasPrevious) return 'skip';
  if (canReadStored(change.previousReadScope) === false) return 'skip';
  // The document has just left the caller's scope (or its previous version's scope cannot be trusted).
  return 'previous';
}

/**
 * One page of changes after `since`, filtered to the caller's scope: the document itself, a
 * tombstone of the version it could see when the document has just left its scope (so the device
 * drops it), or nothing. The checkpoint advances past rows the caller may not see, so a page of
 * invisible rows is never re-read. Documents go from Postgres's bytes into the answer as they
 * arrive (`PullAnswerWriter`); the caller must `release()` the page once it has been sent.
 */
export async function pullPage(
  database: Pick<Database, 'db' | 'streamRows'>, buffers: PageBuffers, caller: Caller, definition: CollectionDefinition,
  since: Checkpoint | undefined, limit: number,
): Promise<PullPage> {
  const writer = new PullAnswerWriter(buffers);
  const canReadStored = scopeJudge(caller, definition);
  let checkpoint = since;
  try {
    // Keep reading while rows are invisible to the caller: a short answer tells the client it has
    // caught up, so it must not be short just because of scope filtering.
    for (;;) {
      const slotted: { id: string; txid: bigint }[] = [];
      let leftOver = false;
      const rows = await forEachChangeSince(database, caller.agencyId, definition.name, checkpoint, limit, (change) => {
        // Rows after a full page are left for the next pull: the checkpoint stays before them.
        if (writer.count >= limit) {
          leftOver = true;
          return;
        }
        checkpoint = { txid: change.txid, id: change.id };
        const verdict = judge(caller, definition, change, canReadStored);
        if (verdict === 'send') writer.addStored(change.id, change.data, change.deleted);
        else if (verdict === 'previous') {
          writer.addSlot(change.id);
          slotted.push({ id: change.id, txid: change.txid });
        }
      });
      if (writer.hasSlots) {
        const tombstones = await readTombstones(database.db, caller, definition, slotted);
        writer.fillSlots((id) => tombstones.get(id));
      }
      if (writer.count >= limit) return writer.finish(checkpoint);
      // Caught up only when the read came back short and no row of it was left over (a page filled
      // by a slot whose tombstone was then not due is short again: read on from the checkpoint).
      if (rows < limit && !leftOver) return writer.finish(checkpoint);
    }
  } catch (error) {
    writer.abandon();
    throw error;
  }
}

/** Tombstones of the previous versions the caller could read, by document id. */
async function readTombstones(
  db: Db, caller: Caller, definition: CollectionDefinition, rows: readonly { id: string; txid: bigint }[],
): Promise<Map<string, string>> {
  const tombstones = new Map<string, string>();
  for (const version of await readPreviousVersions(db, caller.agencyId, definition.name, rows)) {
    if (!canReadScope(caller, definition, readScopeOf(definition, version.previousData))) continue;
    tombstones.set(version.id, JSON.stringify({ ...version.previousData, updatedAt: version.updatedAt, _deleted: true }));
  }
  return tombstones;
}
