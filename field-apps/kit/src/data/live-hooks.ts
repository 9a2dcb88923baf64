import { useEffect, useState, useSyncExternalStore } from 'react';
import type { MangoQuery } from 'rxdb/plugins/core';
import type { SyncSnapshot } from '../sync-indicator';
import type { OutboxEntries } from '../sync/outbox-entries';
import type { OutboxLedger } from '../sync/outbox-ledger';
import type { SyncStatusStore } from '../sync/sync-status-store';
import type { FieldCollection, FieldDocument } from './open-field-database';

export function useSyncSnapshot(store: SyncStatusStore): SyncSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The outbox ledger's entries, re-rendered when they change (per-document "queued" badges). */
export function useOutboxEntries(ledger: OutboxLedger): OutboxEntries {
  return useSyncExternalStore((l) => ledger.subscribe(l), () => ledger.snapshot);
}

/** Documents matching a query, live and read-only (copy before changing). `undefined` while loading. */
export function useLiveDocuments<T extends FieldDocument = FieldDocument>(
  collection: FieldCollection | undefined, query: MangoQuery<FieldDocument>, deps: readonly unknown[] = [],
): T[] | undefined {
  const [docs, setDocs] = useState<T[]>();
  useEffect(() => {
    if (!collection) return;
    // toJSON() is RxDB's stored (frozen) data: no deep copy of every document on each change.
    const sub = collection.find(query).$.subscribe((results) => setDocs(results.map((d) => d.toJSON() as unknown as T)));
    return () => sub.unsubscribe();
  }, [collection, ...deps]);
  return docs;
}

/** One document, live. `undefined` while loading, `null` when it is not on this device. */
export function useLiveDocument<T extends FieldDocument = FieldDocument>(collection: FieldCollection | undefined, id: string): T | null | undefined {
  const [doc, setDoc] = useState<T | null>();
  useEffect(() => {
    if (!collection) return;
    const sub = collection.findOne(id).$.subscribe((found) => setDoc(found ? (found.toMutableJSON() as T) : null));
    return () => sub.unsubscribe();
  }, [collection, id]);
  return doc;
}
