import { cloneJson, deepEqual, isPlainObject, type JsonObject } from './json-value';

/** Who wins a same-field conflict, and why. Shared by every level of one document merge. */
export interface MergeContext {
  /** Winner of a same-value concurrent edit: the later `editedAt` (ties: server). */
  laterSide: 'server' | 'client';
  /** Record a conflict at `path`; `winner` is the side whose value was kept. */
  record(conflict: ValueConflict): void;
}

export interface ValueConflict {
  path: string;
  baseValue: unknown;
  serverValue: unknown;
  clientValue: unknown;
  winner: 'server' | 'client';
  reason: 'concurrent-edit' | 'locked';
}

/**
 * How client changes are treated at this level:
 * - 'merge': normal three-way merge;
 * - 'locked': client changes are never applied (each one is a 'locked' conflict);
 * - 'append-only': new id-keyed items from the client are added, any other client change is 'locked'.
 */
export type MergeMode = 'merge' | 'locked' | 'append-only';

export interface MergeValueOptions {
  path: string;
  mode: MergeMode;
  /** Treat arrays of `{id}` objects as id-keyed (merged item by item). */
  idKeyed: boolean;
  context: MergeContext;
}

/** Three-way merge of one JSON value. `undefined` means "absent". */
export function mergeValue(base: unknown, server: unknown, client: unknown, options: MergeValueOptions): unknown {
  if (deepEqual(server, client)) return cloneJson(server);
  if (deepEqual(base, client)) return cloneJson(server);
  if (options.mode === 'merge' && deepEqual(base, server)) return cloneJson(client);
  if (isPlainObject(server) && isPlainObject(client)) {
    return mergeObject(isPlainObject(base) ? base : {}, server, client, options);
  }
  if (options.idKeyed && isIdKeyedArray(server) && isIdKeyedArray(client)) {
    return mergeIdKeyedArray(isIdKeyedArray(base) ? base : [], server, client, options);
  }
  return resolveConflict(base, server, client, options);
}

function resolveConflict(base: unknown, server: unknown, client: unknown, options: MergeValueOptions): unknown {
  const winner = options.mode === 'merge' ? options.context.laterSide : 'server';
  recordConflict(base, server, client, winner, options);
  return cloneJson(winner === 'server' ? server : client);
}

function mergeObject(base: JsonObject, server: JsonObject, client: JsonObject, options: MergeValueOptions): JsonObject {
  const merged: JsonObject = {};
  const keys = [...Object.keys(server), ...Object.keys(client).filter((key) => !(key in server))];
  for (const key of keys) {
    const value = mergeValue(base[key], server[key], client[key], { ...options, path: joinPath(options.path, key) });
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

type IdItem = JsonObject & { id: string };

/** An array whose items are all objects with a distinct string `id`. */
export function isIdKeyedArray(value: unknown): value is IdItem[] {
  if (!Array.isArray(value)) return false;
  const ids = new Set<string>();
  for (const item of value) {
    if (!isPlainObject(item) || typeof item['id'] !== 'string' || ids.has(item['id'])) return false;
    ids.add(item['id']);
  }
  return true;
}

/**
 * Merge by item id: items added on either side are kept; an item removed on one side and untouched
 * on the other is removed; an item removed on one side but edited on the other is kept, edit and all
 * (typing beats a delete), with a conflict record; an item edited on both sides is merged field by
 * field. Order: server order, then client-added items in client order.
 */
function mergeIdKeyedArray(base: IdItem[], server: IdItem[], client: IdItem[], options: MergeValueOptions): IdItem[] {
  const baseById = new Map(base.map((item) => [item.id, item]));
  const clientById = new Map(client.map((item) => [item.id, item]));
  const serverIds = new Set(server.map((item) => item.id));
  const clientMayChange = options.mode === 'merge';
  const merged: IdItem[] = [];

  for (const serverItem of server) {
    const path = itemPath(options.path, serverItem.id);
    const baseItem = baseById.get(serverItem.id);
    const clientItem = clientById.get(serverItem.id);
    if (clientItem !== undefined || baseItem === undefined) {
      const mode: MergeMode = clientMayChange ? 'merge' : 'locked';
      const value = mergeValue(baseItem, serverItem, clientItem, { ...options, mode, path });
      if (isPlainObject(value)) merged.push(value as IdItem);
      continue;
    }
    // Removed on the client.
    if (clientMayChange && deepEqual(baseItem, serverItem)) continue;
    merged.push(cloneJson(serverItem));
    recordConflict(baseItem, serverItem, undefined, 'server', { ...options, path });
  }

  for (const clientItem of client) {
    if (serverIds.has(clientItem.id)) continue;
    const path = itemPath(options.path, clientItem.id);
    const baseItem = baseById.get(clientItem.id);
    if (baseItem === undefined) {
      // Added on the client: refused only when the whole field is locked.
      if (options.mode === 'locked') recordConflict(undefined, undefined, clientItem, 'server', { ...options, path });
      else merged.push(cloneJson(clientItem));
      continue;
    }
    // Removed on the server.
    if (deepEqual(baseItem, clientItem)) continue;
    if (clientMayChange) {
      merged.push(cloneJson(clientItem));
      recordConflict(baseItem, undefined, clientItem, 'client', { ...options, path });
    } else {
      recordConflict(baseItem, undefined, clientItem, 'server', { ...options, path });
    }
  }
  return merged;
}

function recordConflict(
  base: unknown, server: unknown, client: unknown, winner: 'server' | 'client', options: MergeValueOptions,
): void {
  options.context.record({
    path: options.path, baseValue: cloneJson(base), serverValue: cloneJson(server), clientValue: cloneJson(client),
    winner, reason: options.mode === 'merge' ? 'concurrent-edit' : 'locked',
  });
}

function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function itemPath(parent: string, id: string): string {
  return `${parent}[id=${id}]`;
}
