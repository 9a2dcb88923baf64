import type { SyncSnapshot } from '../sync-indicator';

export interface SyncStatusState {
  /** Local changes (documents) not yet acknowledged. */
  queuedChanges: number;
  /** Attachments stored on the device and not yet uploaded. */
  queuedUploads: number;
  lastSyncedAt?: string;
  lastError?: string;
  signedIn: boolean;
}

/** The indicator's view of the state: everything not yet on the server counts as queued. */
export function toSyncSnapshot(state: SyncStatusState): SyncSnapshot {
  return {
    queued: state.queuedChanges + state.queuedUploads,
    signedIn: state.signedIn,
    ...(state.lastSyncedAt ? { lastSyncedAt: state.lastSyncedAt } : {}),
    ...(state.lastError ? { lastError: state.lastError } : {}),
  };
}

/**
 * The honest sync status: queued counts come from the outbox ledger and the attachment store,
 * "last synced" only from successful exchanges, errors in words. Feeds `SyncIndicator` through
 * `useSyncExternalStore`.
 */
export class SyncStatusStore {
  private state: SyncStatusState = { queuedChanges: 0, queuedUploads: 0, signedIn: false };
  private snapshot: SyncSnapshot = toSyncSnapshot(this.state);
  private readonly listeners = new Set<() => void>();
  private readonly errors = new Map<string, string>();

  constructor(private readonly now: () => number = Date.now) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SyncSnapshot => this.snapshot;

  get current(): SyncStatusState {
    return this.state;
  }

  setQueued(queuedChanges: number, queuedUploads = this.state.queuedUploads): void {
    this.patch({ queuedChanges, queuedUploads });
  }

  setQueuedUploads(queuedUploads: number): void {
    this.patch({ queuedUploads });
  }

  setSignedIn(signedIn: boolean): void {
    this.patch({ signedIn });
  }

  /** A successful exchange by `source` (e.g. `epcrs.push`): clears that source's error. */
  reportSuccess(source: string): void {
    this.errors.delete(source);
    this.patch({ lastSyncedAt: new Date(this.now()).toISOString(), lastError: this.firstError() });
  }

  reportError(source: string, message: string): void {
    this.errors.set(source, message);
    this.patch({ lastError: this.firstError() });
  }

  clearError(source: string): void {
    this.errors.delete(source);
    this.patch({ lastError: this.firstError() });
  }

  reset(): void {
    this.errors.clear();
    this.state = { queuedChanges: 0, queuedUploads: 0, signedIn: false };
    this.emit();
  }

  private firstError(): string | undefined {
    return this.errors.values().next().value;
  }

  private patch(change: Partial<SyncStatusState>): void {
    const next = { ...this.state, ...change };
    if (next.lastError === undefined) delete next.lastError;
    this.state = next;
    this.emit();
  }

  private emit(): void {
    this.snapshot = toSyncSnapshot(this.state);
    for (const listener of this.listeners) listener();
  }
}
