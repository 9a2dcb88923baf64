import type { CollectionDefinition, ReplicatedDocument } from '@field/shared-model';
import { readScopeOf } from '@field/shared-model';
import type { Caller } from '../auth/tokens';
import type { Db } from '../db/connect';
import { encodeCheckpoint, type Checkpoint } from './checkpoint';
import { readChangesSince, readPreviousVersions, type StoredChange } from './document-store';
import { currentReadScope } from './stored-read-scope';

export interface PullResult {
  /**
   * The visible documents as wire JSON texts, in change order: the stored JSON passed through as
   * Postgres prints it, with `_deleted` appended — never parsed and re-encoded on the way.
   */
  documents: string[];
  /** The ids of `documents`, in the same order (for the audit log). */
  ids: string[];
  /** Where the next pull continues; undefined when nothing has ever been read. */
  checkpoint: Checkpoint | undefined;
}

type Scope = Record<string, unknown>;

function canReadScope(caller: Caller, definition: CollectionDefinition, scope: Scope): boolean {
  // `readScopeFields` promises (and a shared-model test holds) that canRead looks at no other field.
  return definition.canRead(caller, scope as unknown as ReplicatedDocument);
}

/** A stored JSON object text with `"_deleted"` appended (the object always has at least `id`). */
export function wireJson(dataJson: string, deleted: boolean): string {
  const flag = deleted ? 'true' : 'false';
  const body = dataJson.trimEnd();
  if (!body.endsWith('}')) throw new Error('stored document is not a JSON object');
  const inner = body.slice(0, -1).trimEnd();
  return `${inner}${inner.endsWith('{') ? '' : ', '}"_deleted": ${flag}}`;
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
    ?? canReadScope(caller, definition, readScopeOf(definition, JSON.parse(change.dataJson) as object));
  if (readable) return 'send';
  if (!change.hasPrevious) return 'skip';
  if (canReadStored(change.previousReadScope) === false) return 'skip';
  // The document has just left the caller's scope (or its previous version's scope cannot be trusted).
  return 'previous';
}

/**
 * Reads changes after `since`, filtered to the caller's scope: the document itself, a tombstone of
 * the version it could see when the document has just left its scope (so the device drops it), or
 * nothing. The checkpoint advances past rows the caller may not see, so a page of invisible rows is
 * never re-read.
 */
export async function pullChanges(
  db: Db, caller: Caller, definition: CollectionDefinition, since: Checkpoint | undefined, limit: number,
): Promise<PullResult> {
  const result: PullResult = { documents: [], ids: [], checkpoint: since };
  const canReadStored = scopeJudge(caller, definition);
  // Keep reading while whole pages are invisible to the caller: a short answer tells the client it
  // has caught up, so it must not be short just because of scope filtering.
  for (;;) {
    const rows = await readChangesSince(db, caller.agencyId, definition.name, result.checkpoint, limit);
    const verdicts = rows.map((row) => judge(caller, definition, row, canReadStored));
    const tombstones = await readTombstones(db, caller, definition, rows.filter((_, i) => verdicts[i] === 'previous'));
    for (const [i, row] of rows.entries()) {
      result.checkpoint = { txid: row.txid, id: row.id };
      const json = verdicts[i] === 'send' ? wireJson(row.dataJson, row.deleted) : tombstones.get(row.id);
      if (json === undefined) continue;
      result.documents.push(json);
      result.ids.push(row.id);
      if (result.documents.length >= limit) return result;
    }
    if (rows.length < limit) return result;
  }
}

/** Tombstones of the previous versions the caller could read, by document id. */
async function readTombstones(
  db: Db, caller: Caller, definition: CollectionDefinition, rows: readonly StoredChange[],
): Promise<Map<string, string>> {
  const tombstones = new Map<string, string>();
  for (const version of await readPreviousVersions(db, caller.agencyId, definition.name, rows)) {
    if (!canReadScope(caller, definition, readScopeOf(definition, version.previousData))) continue;
    tombstones.set(version.id, JSON.stringify({ ...version.previousData, updatedAt: version.updatedAt, _deleted: true }));
  }
  return tombstones;
}

export function checkpointText(cp: Checkpoint | undefined): string | null {
  return cp ? encodeCheckpoint(cp) : null;
}

/** The text of a pull answer `{documents, checkpoint}` before and after its comma-separated documents. */
const answerHead = '{"documents":[';
function answerTail(result: PullResult): string {
  return `],"checkpoint":${JSON.stringify(checkpointText(result.checkpoint))}}`;
}

/** A pull answer as JSON text, from the documents' wire texts (the stream's events). */
export function pullAnswerJson(result: PullResult): string {
  return `${answerHead}${result.documents.join(',')}${answerTail(result)}`;
}

/** A pull answer ready to send: the UTF-8 body and what the route needs besides (audit, next page). */
export interface PullPage {
  body: Uint8Array<ArrayBuffer>;
  ids: string[];
  count: number;
  checkpoint: Checkpoint | undefined;
}

/**
 * Encodes a pull result at once. A page read ahead waits as these bytes, outside the JavaScript heap,
 * rather than as megabytes of document strings that every young-generation collection would copy.
 */
export function encodePullPage(result: PullResult): PullPage {
  return { body: pullAnswerBytes(result), ids: result.ids, count: result.documents.length, checkpoint: result.checkpoint };
}

/**
 * The same answer as `pullAnswerJson`, encoded as UTF-8 straight into one buffer: each document text
 * is encoded once where it belongs. A page is megabytes; as one joined string it would be copied by
 * the join, scanned for its byte length and encoded again on the socket.
 */
export function pullAnswerBytes(result: PullResult): Uint8Array<ArrayBuffer> {
  const tail = answerTail(result);
  let characters = answerHead.length + tail.length;
  for (const json of result.documents) characters += json.length + 1;
  // Sized for mostly one-byte text plus a margin, not for the worst case of 3 bytes per character:
  // an allocation is external memory to V8, and three times the page per pull made it collect
  // garbage far more often. A page that needs more grows the buffer.
  let out = Buffer.allocUnsafe(Math.ceil(characters * 1.1) + 64);
  let at = 0;
  const put = (text: string): void => {
    if (out.length - at < text.length * 3) {
      const needed = Buffer.byteLength(text, 'utf8');
      if (out.length - at < needed) {
        const grown = Buffer.allocUnsafe(Math.max(out.length * 2, at + needed + 64));
        out.copy(grown, 0, 0, at);
        out = grown;
      }
    }
    at += out.write(text, at, 'utf8');
  };
  put(answerHead);
  for (const [i, json] of result.documents.entries()) {
    if (i > 0) out[at++] = 0x2c; // ','
    put(json);
  }
  put(tail);
  return out.subarray(0, at);
}
