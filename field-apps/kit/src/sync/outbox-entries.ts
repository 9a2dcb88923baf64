import { compareInstants } from '@field/shared-model';

/**
 * The outbox ledger's state: for every document with local changes the server has not yet
 * acknowledged, the `editedAt` of its latest local write. Key: `<collection>/<id>`.
 * RxDB exposes no pending count, so this is what "queued" is counted from.
 */
export type OutboxEntries = Readonly<Record<string, string>>;

export function outboxKey(collection: string, id: string): string {
  return `${collection}/${id}`;
}

/** A local write: the document is queued until a push carrying this edit (or a later one) is acknowledged. */
export function recordLocalWrite(entries: OutboxEntries, key: string, editedAt: string): OutboxEntries {
  const current = entries[key];
  if (current !== undefined && compareInstants(current, editedAt) >= 0) return entries;
  return { ...entries, [key]: editedAt };
}

/**
 * The server answered a push that carried the document as of `pushedEditedAt`: the entry is
 * cleared unless a later local edit happened meanwhile (that one is still queued).
 */
export function acknowledgePush(entries: OutboxEntries, key: string, pushedEditedAt: string): OutboxEntries {
  const current = entries[key];
  if (current === undefined) return entries;
  if (compareInstants(current, pushedEditedAt) > 0) return entries;
  const next = { ...entries };
  delete next[key];
  return next;
}

export function countQueued(entries: OutboxEntries, collection?: string): number {
  const keys = Object.keys(entries);
  return collection === undefined ? keys.length : keys.filter((k) => k.startsWith(`${collection}/`)).length;
}

export function isQueued(entries: OutboxEntries, key: string): boolean {
  return entries[key] !== undefined;
}
