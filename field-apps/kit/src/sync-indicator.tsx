import { useOnline } from './use-online';

/** What the sync indicator knows about replication; supplied by the replication client. */
export interface SyncSnapshot {
  /** Local changes not yet acknowledged by the server. */
  queued: number;
  /** ISO time of the last successful exchange with the server, if any. */
  lastSyncedAt?: string;
  /** The last error, in words a crew member understands. */
  lastError?: string;
  /** False until a session exists; nothing can sync without one. */
  signedIn: boolean;
}

export interface SyncIndicatorProps {
  snapshot: SyncSnapshot;
}

/** Words for the current sync state. Never says "Synced" while anything is queued; an error still says what waits. */
export function describeSync(snapshot: SyncSnapshot, online: boolean): string {
  if (!online) {
    return snapshot.queued > 0 ? `Offline — ${snapshot.queued} change(s) saved on this device` : 'Offline';
  }
  if (!snapshot.signedIn) return 'Online — not signed in';
  if (snapshot.lastError) {
    const waiting = snapshot.queued > 0 ? ` — ${snapshot.queued} change(s) waiting to send` : '';
    return `Sync problem: ${snapshot.lastError}${waiting}`;
  }
  if (snapshot.queued > 0) return `Sending ${snapshot.queued} change(s)…`;
  if (!snapshot.lastSyncedAt) return 'Waiting for first sync';
  return `Synced ${new Date(snapshot.lastSyncedAt).toLocaleTimeString()}`;
}

export function SyncIndicator({ snapshot }: SyncIndicatorProps) {
  const online = useOnline();
  return (
    <output className="fs-sync" aria-live="polite" data-online={online} data-queued={snapshot.queued}>
      {describeSync(snapshot, online)}
    </output>
  );
}
