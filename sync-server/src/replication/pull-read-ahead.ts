/**
 * Read-ahead for pulls that page through many changes (a tablet's first sync, a device back after a
 * long shift offline). When a pull answers a full page, the device almost certainly asks for the
 * next page next, with the checkpoint it was just given: the server starts reading that page while
 * the answer is still on its way and the device is parsing it, and hands it over when the request
 * comes.
 *
 * Why a page read ahead is a correct answer (docs/sync-protocol.md, ADR 0005): it holds only rows
 * of transactions that had finished when it was read, and every change committed later has a
 * higher transaction id than the page's checkpoint, so it comes in a later page. On top of that, a
 * page is dropped as soon as its agency's collection changes (a push on this instance, or the
 * change notification every instance listens to), so a pull after a commit reads afresh, as
 * without read-ahead.
 *
 * A page is handed only to a request with the same key (the routes build it from every claim of the
 * caller, the collection, the checkpoint and the limit); that request is authenticated as usual and
 * the delivery is audited when the page is handed over, not when it was read. Each page is handed
 * over at most once and dropped after `ttlMs`. Memory is bounded by `maxBytes` over the estimated
 * sizes of all pages held (a read whose estimate would pass it is not started). All state is per server instance: a request that
 * lands on another instance reads its page itself.
 */
export interface PullReadAheadOptions<Page> {
  /** Upper bound on the bytes held in pages read ahead (0 = off). */
  maxBytes: number;
  /** How long a page read ahead waits for the request it expects. */
  ttlMs: number;
  /**
   * Calls `onChange` whenever a collection of an agency changes (the change feed); resolves, once
   * listening, to an unsubscribe function.
   */
  watch: (agencyId: string, collection: string, onChange: () => void) => Promise<() => void>;
  /** Called with each page that was read but dropped without being handed over (to reuse its memory). */
  discard?: (page: Page) => void;
}

/** Whose changes a page holds: one agency's collection. */
export interface ReadAheadScope {
  agencyId: string;
  collection: string;
}

interface Entry<Page> {
  scope: string;
  page: Promise<Page | undefined>;
  bytes: number;
  timer: ReturnType<typeof setTimeout>;
}

interface Watched {
  keys: Set<string>;
  unwatch: Promise<(() => void) | undefined>;
}

function scopeKey(scope: ReadAheadScope): string {
  return `${scope.agencyId}\u0000${scope.collection}`;
}

export class PullReadAhead<Page> {
  private readonly entries = new Map<string, Entry<Page>>();
  private readonly watched = new Map<string, Watched>();
  private heldBytes = 0;

  constructor(private readonly options: PullReadAheadOptions<Page>) {}

  /** Pages read ahead and neither handed over nor dropped yet. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Starts reading the page for `key`, unless one is already held for it or memory does not allow:
   * `expectedBytes` is an estimate of the page's size (the routes pass the size of the page just
   * answered, which is close for pages of similar documents). True when a read was started.
   */
  start(scope: ReadAheadScope, key: string, expectedBytes: number, read: () => Promise<Page>): boolean {
    if (this.options.maxBytes <= 0 || this.entries.has(key)) return false;
    if (this.heldBytes + expectedBytes > this.options.maxBytes) return false;
    const watched = this.watch(scope);
    // The read starts once changes are being watched, so none can slip in between unnoticed.
    const page = watched.unwatch.then((unwatch) => (unwatch ? read() : undefined)).catch(() => undefined);
    const timer = setTimeout(() => this.drop(key), this.options.ttlMs);
    timer.unref?.();
    this.entries.set(key, { scope: scopeKey(scope), page, bytes: expectedBytes, timer });
    watched.keys.add(key);
    this.heldBytes += expectedBytes;
    return true;
  }

  /** The page read ahead for `key` (waiting for it if it is still being read), at most once. */
  async take(key: string): Promise<Page | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.drop(key, true);
    return entry.page;
  }

  /** Drops every page of the agency's collection: it has changed. */
  invalidate(scope: ReadAheadScope): void {
    const watched = this.watched.get(scopeKey(scope));
    if (!watched) return;
    for (const key of [...watched.keys]) this.drop(key);
  }

  /** Resolves once every page held now has been read (tests wait on it instead of on time). */
  async settled(): Promise<void> {
    await Promise.all([...this.entries.values()].map((entry) => entry.page));
  }

  /** Drops every page (server shutdown). */
  clear(): void {
    for (const key of [...this.entries.keys()]) this.drop(key);
  }

  private watch(scope: ReadAheadScope): Watched {
    const key = scopeKey(scope);
    let watched = this.watched.get(key);
    if (!watched) {
      const unwatch = this.options.watch(scope.agencyId, scope.collection, () => this.invalidate(scope))
        .catch(() => undefined);
      watched = { keys: new Set(), unwatch };
      this.watched.set(key, watched);
    }
    return watched;
  }

  private drop(key: string, handedOver = false): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.entries.delete(key);
    this.heldBytes -= entry.bytes;
    const { discard } = this.options;
    if (!handedOver && discard) void entry.page.then((page) => page && discard(page));
    const watched = this.watched.get(entry.scope);
    if (!watched) return;
    watched.keys.delete(key);
    if (watched.keys.size > 0) return;
    this.watched.delete(entry.scope);
    void watched.unwatch.then((unwatch) => unwatch?.());
  }
}
