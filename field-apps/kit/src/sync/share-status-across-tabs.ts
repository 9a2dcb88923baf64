import type { SyncStatusStore } from './sync-status-store';

/** What the syncing tab tells the others (only one tab of a user replicates: the RxDB leader). */
interface SharedStatus {
  lastSyncedAt?: string;
  lastError?: string;
}

type Message = { kind: 'status'; status: SharedStatus } | { kind: 'ask' };

/** The source under which another tab's sync error shows in this tab. */
export const otherTabSource = 'other-tab';

/**
 * Only the leading tab of a user replicates; the others would say "Waiting for first sync" forever.
 * The leader posts its last sync and last error whenever they change (and when a new tab asks), and
 * the other tabs show them as their own. `channelName` is per user database.
 */
export function shareStatusAcrossTabs(channelName: string, status: SyncStatusStore, isLeader: () => boolean): () => void {
  if (typeof BroadcastChannel !== 'function') return () => undefined;
  const channel = new BroadcastChannel(channelName);
  let sent = '';
  let heardSyncedAt: string | undefined;
  const current = (): SharedStatus => {
    const { lastSyncedAt, lastError } = status.current;
    return { ...(lastSyncedAt ? { lastSyncedAt } : {}), ...(lastError ? { lastError } : {}) };
  };
  const post = (force: boolean) => {
    if (!isLeader()) return;
    const shared = current();
    const text = JSON.stringify(shared);
    if (!force && text === sent) return;
    sent = text;
    channel.postMessage({ kind: 'status', status: shared } satisfies Message);
  };
  const unsubscribe = status.subscribe(() => post(false));
  channel.onmessage = (event: MessageEvent<Message>) => {
    const message = event.data;
    if (message.kind === 'ask') {
      post(true);
      return;
    }
    if (isLeader()) return;
    if (message.status.lastSyncedAt && message.status.lastSyncedAt !== heardSyncedAt) {
      heardSyncedAt = message.status.lastSyncedAt;
      status.reportSuccess(otherTabSource);
    }
    if (message.status.lastError) status.reportError(otherTabSource, message.status.lastError);
    else status.clearError(otherTabSource);
  };
  (channel as { unref?: () => void }).unref?.();
  channel.postMessage({ kind: 'ask' } satisfies Message);
  return () => {
    unsubscribe();
    channel.close();
  };
}
