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

  constructor(
    private readonly database: Database,
    private readonly metrics: Metrics,
  ) {
    metrics.gauge('sync_open_streams', () => this.size(), 'Open replication streams on this instance');
  }

  /** Calls `onChange` whenever the collection changes; resolves once listening. Returns an unsubscribe. */
  async subscribe(agencyId: string, collection: string, onChange: Listener): Promise<() => void> {
    if (this.closed) throw new Error('change feed closed');
    const key = `${agencyId}\u0000${collection}`;
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(onChange);
    this.unlisten ??= this.database.listen('field_changes', (payload) => this.dispatch(payload));
    await this.unlisten;
    return () => {
      set.delete(onChange);
      if (set.size === 0) this.listeners.delete(key);
    };
  }

  /** Runs `handler` when the feed closes (server shutdown): open streams end themselves. */
  onClose(handler: () => void): () => void {
    this.closeHandlers.add(handler);
    return () => this.closeHandlers.delete(handler);
  }

  size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
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
    for (const handler of [...this.closeHandlers]) handler();
    this.closeHandlers.clear();
    const unlisten = await this.unlisten?.catch(() => undefined);
    await unlisten?.().catch(() => undefined);
  }
}
