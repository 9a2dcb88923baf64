import { createStore, get, set, type UseStore } from 'idb-keyval';
import { acknowledgePush, countQueued, outboxKey, recordLocalWrite, type OutboxEntries } from './outbox-entries';

/**
 * The persisted outbox ledger of one signed-in user: which local writes the server has not yet
 * acknowledged. Kept in IndexedDB (idb-keyval) so the queued count survives a reload or a crash.
 * Writes are serialised so concurrent records and acknowledgements never lose each other. Other tabs
 * of the same user hear of every change (BroadcastChannel) and re-read, so their queued counts agree.
 */
export class OutboxLedger {
  private entries: OutboxEntries = {};
  private chain: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  private readonly otherTabs: BroadcastChannel | undefined;

  private constructor(private readonly store: UseStore, private readonly storageKey: string) {
    if (typeof BroadcastChannel === 'function') {
      this.otherTabs = new BroadcastChannel(`field-${storageKey}`);
      // Another tab changed the ledger: re-read it (an unchanged update adopts what is stored).
      this.otherTabs.onmessage = () => void this.update((e) => e).catch(() => undefined);
      (this.otherTabs as { unref?: () => void }).unref?.();
    }
  }

  static async open(userKey: string, store: UseStore = createStore('field-outbox', 'ledger')): Promise<OutboxLedger> {
    const ledger = new OutboxLedger(store, `outbox:${userKey}`);
    ledger.entries = (await get<OutboxEntries>(ledger.storageKey, store)) ?? {};
    return ledger;
  }

  get snapshot(): OutboxEntries {
    return this.entries;
  }

  get queued(): number {
    return countQueued(this.entries);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call before (or with) the local write; resolves once the ledger entry is durable. */
  recordWrite(collection: string, id: string, editedAt: string): Promise<void> {
    return this.update((e) => recordLocalWrite(e, outboxKey(collection, id), editedAt));
  }

  /** The server acknowledged a push of these documents (written, merged or refused: the device has its answer). */
  acknowledge(collection: string, pushed: readonly { id: string; editedAt: string }[]): Promise<void> {
    return this.update((e) => pushed.reduce((acc, doc) => acknowledgePush(acc, outboxKey(collection, doc.id), doc.editedAt), e));
  }

  /** Forget everything (logout). */
  clear(): Promise<void> {
    return this.update(() => ({}));
  }

  private adopt(entries: OutboxEntries): void {
    this.entries = entries;
    for (const listener of this.listeners) listener();
  }

  private update(change: (entries: OutboxEntries) => OutboxEntries): Promise<void> {
    const run = this.chain.then(async () => {
      // Re-read first: another tab of the same user may have recorded or acknowledged meanwhile.
      const current = (await get<OutboxEntries>(this.storageKey, this.store)) ?? {};
      const next = change(current);
      if (next === current) {
        if (current !== this.entries) this.adopt(current);
        return;
      }
      await set(this.storageKey, next, this.store);
      this.adopt(next);
      this.otherTabs?.postMessage('changed');
    });
    this.chain = run.catch(() => undefined);
    return run;
  }
}
