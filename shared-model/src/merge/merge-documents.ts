import type { CollectionDefinition } from '../collections/collection-definition';
import type { ReplicatedDocument } from '../documents/replicated-document';
import { cloneJson, deepEqual, type JsonObject } from './json-value';
import { mergeValue, type MergeContext, type MergeMode, type ValueConflict } from './merge-values';

export interface MergeInput<T> {
  /** The client's assumedMasterState: the server version the client last saw (undefined = none). */
  base: T | undefined;
  /** The current server document. */
  server: T;
  /** The pushed newDocumentState. */
  client: T;
  definition: CollectionDefinition;
}

export interface FieldConflict {
  /** Dotted path; id-keyed array items as `vitals[id=…]`, e.g. `vitals[id=v1].heartRate`. */
  path: string;
  baseValue: unknown;
  serverValue: unknown;
  clientValue: unknown;
  /** The side whose value is in the merged document. */
  winner: 'server' | 'client';
  reason: 'concurrent-edit' | 'locked';
  serverEditedAt: string;
  clientEditedAt: string;
}

export interface MergeResult<T> {
  merged: T;
  conflicts: FieldConflict[];
}

/** Fields that identify the document: always the server's (access checks refuse a client that changes them). */
const identityFields = ['id', 'agencyId'];

/**
 * Three-way merge of a pushed document with the server's current version. Pure and deterministic.
 *
 * - A field changed on one side only takes that side; nested objects merge key by key.
 * - Arrays named in `idKeyedArrays` merge item by item (see merge-values.ts).
 * - The same value changed differently on both sides: the later `editedAt` wins (ties: server), and
 *   the loser is returned as a FieldConflict — nothing is lost silently.
 * - server.status === 'locked': client changes are not applied except new items of the
 *   `appendOnlyWhenLocked` arrays; each refused change is a 'locked' conflict won by the server.
 * - Deletes: a delete on one side loses to content edited on the other side since base (a
 *   paramedic's typing beats a delete); the document is kept and a conflict is recorded on `_deleted`.
 * - `serverOnlyFields`, `id` and `agencyId` always come from the server; `editedAt` is the later one.
 */
export function mergeDocuments<T extends ReplicatedDocument>(input: MergeInput<T>): MergeResult<T> {
  const { definition } = input;
  const server = input.server as unknown as JsonObject;
  const client = input.client as unknown as JsonObject;
  const base = (input.base ?? {}) as unknown as JsonObject;
  const serverEditedAt = input.server.editedAt;
  const clientEditedAt = input.client.editedAt;
  const conflicts: FieldConflict[] = [];
  const context: MergeContext = {
    laterSide: compareInstants(clientEditedAt, serverEditedAt) > 0 ? 'client' : 'server',
    record: (conflict: ValueConflict) => conflicts.push({ ...conflict, serverEditedAt, clientEditedAt }),
  };
  const locked = server['status'] === 'locked';
  const fixedFields = new Set([...definition.serverOnlyFields, ...identityFields]);

  const merged: JsonObject = {};
  const keys = [...Object.keys(server), ...Object.keys(client).filter((key) => !(key in server))];
  for (const key of keys) {
    if (key === '_deleted') continue;
    let value: unknown;
    if (fixedFields.has(key)) value = cloneJson(server[key]);
    else if (key === 'editedAt') value = context.laterSide === 'client' ? clientEditedAt : serverEditedAt;
    else {
      const mode: MergeMode = !locked ? 'merge' : definition.appendOnlyWhenLocked.includes(key) ? 'append-only' : 'locked';
      const idKeyed = definition.idKeyedArrays.includes(key);
      value = mergeValue(base[key], server[key], client[key], { path: key, mode, idKeyed, context });
    }
    if (value !== undefined) merged[key] = value;
  }

  const deleted = resolveDeletion({ base, server, client, locked, fixedFields, context });
  if (deleted !== undefined) merged['_deleted'] = deleted;
  return { merged: merged as unknown as T, conflicts };
}

interface DeletionInput {
  base: JsonObject;
  server: JsonObject;
  client: JsonObject;
  locked: boolean;
  fixedFields: ReadonlySet<string>;
  context: MergeContext;
}

/** The merged `_deleted` flag (undefined when neither side carries one). */
function resolveDeletion({ base, server, client, locked, fixedFields, context }: DeletionInput): boolean | undefined {
  const serverDeleted = server['_deleted'] === true;
  const clientDeleted = client['_deleted'] === true;
  const baseDeleted = base['_deleted'] === true;
  if (!('_deleted' in server) && !('_deleted' in client)) return undefined;
  if (serverDeleted === clientDeleted) return serverDeleted;
  const record = (winner: 'server' | 'client', reason: 'concurrent-edit' | 'locked'): void => {
    context.record({
      path: '_deleted', baseValue: baseDeleted, serverValue: serverDeleted, clientValue: clientDeleted, winner, reason,
    });
  };
  if (clientDeleted) {
    if (baseDeleted) return false; // the server restored it; the client's delete is old news
    if (locked) {
      record('server', 'locked');
      return false;
    }
    if (hasContentChanges(base, server, fixedFields)) {
      record('server', 'concurrent-edit');
      return false;
    }
    return true;
  }
  // Deleted on the server, not on the client.
  if (baseDeleted) return false; // the client restored it
  if (hasContentChanges(base, client, fixedFields)) {
    if (locked) {
      record('server', 'locked'); // a locked chart's deletion is a server decision
      return true;
    }
    record('client', 'concurrent-edit');
    return false;
  }
  return true;
}

/** Did `side` change any content field (not bookkeeping) since `base`? */
function hasContentChanges(base: JsonObject, side: JsonObject, fixedFields: ReadonlySet<string>): boolean {
  const keys = new Set([...Object.keys(base), ...Object.keys(side)]);
  for (const key of keys) {
    if (key === '_deleted' || key === 'editedAt' || fixedFields.has(key)) continue;
    if (!deepEqual(base[key], side[key])) return true;
  }
  return false;
}

/**
 * Orders two ISO-8601 instants (offsets respected). An unparseable time sorts before every valid one,
 * so it never wins a conflict; two unparseable times compare as strings.
 */
export function compareInstants(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) && Number.isNaN(tb)) return a < b ? -1 : a > b ? 1 : 0;
  if (Number.isNaN(ta)) return -1;
  if (Number.isNaN(tb)) return 1;
  return ta - tb;
}
