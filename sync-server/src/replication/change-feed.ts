import type { Database } from '../db/connect';
import type { Metrics } from '../metrics';

type Listener = () => void;

/**
 * Fan-out of "collection X of agency Y changed" to this instance's open streams. The signal comes
 * from Postgres LISTEN/NOTIFY, so a push through any instance sharing the database reaches them.
 */
export class ChangeFeed {
  private listeners = new Map<string, Set<Listener>>();
  private unlisten: Promise<() => Promise<void>> | undefined;
  private closed = false;
  private closeHandlers = new Set<() => void>();
  /** Subscribers that are not streams (pull read-ahead), left out of the open-streams gauge. */
  private readonly internal = new Set<Listener>();

  constructor(
    private readonly database: Database,
    private readonly metrics: Metrics,
  ) {
    metrics.gauge('sync_open_streams', () => this.size(), 'Open replication streams on this instance');
  }

  /**
   * Calls `onChange` whenever the collection changes; resolves once listening. Returns an
   * unsubscribe. `stream: false` for a subscriber that is not a device's stream (not counted as one).
   */
  async subscribe(agencyId: string, collection: string, onChange: Listener, options: { stream?: boolean } = {}): Promise<() => void> {
    if (this.closed) throw new Error('change feed closed');
    const counted = options.stream ?? true;
    const key = `${agencyId}\u0000${collection}`;
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    // Each subscription gets its own function, so subscribing the same callback twice needs two unsubscribes.
    const listener: Listener = () => onChange();
    set.add(listener);
    if (!counted) this.internal.add(listener);
    let subscribed = true;
    const unsubscribe = () => {
      if (!subscribed) return;
      subscribed = false;
      set.delete(listener);
      this.internal.delete(listener);
      if (set.size === 0 && this.listeners.get(key) === set) this.listeners.delete(key);
    };
    this.unlisten ??= this.database.listen('field_changes', (payload) => this.dispatch(payload));
    try {
      await this.unlisten;
    } catch (err) {
      unsubscribe();
      throw err;
    }
    return unsubscribe;
  }

  /** Runs `handler` when the feed closes (server shutdown): open streams end themselves. */
  onClose(handler: () => void): () => void {
    this.closeHandlers.add(handler);
    return () => this.closeHandlers.delete(handler);
  }

  /** Open streams subscribed on this instance. */
  size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n - this.internal.size;
  }

  private dispatch(payload: string): void {
    let parsed: { a?: unknown; c?: unknown };
    try {
      parsed = JSON.parse(payload) as { a?: unknown; c?: unknown };
    } catch {
      return;
    }
    this.metrics.count('sync_change_notifications_total');
    const set = this.listeners.get(`${String(parsed.a)}\u0000${String(parsed.c)}`);
    if (!set) return;
    for (const listener of [...set]) listener();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.internal.clear();
    for (const handler of [...this.closeHandlers]) handler();
    this.closeHandlers.clear();
    const unlisten = await this.unlisten?.catch(() => undefined);
    await unlisten?.().catch(() => undefined);
  }
}
