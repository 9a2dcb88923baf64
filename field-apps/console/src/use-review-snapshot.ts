import { describeError, type SyncSnapshot } from '@field/kit';
import type { QueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useSyncExternalStore } from 'react';

/**
 * The header's sync status for the Console: it queues nothing, so "synced" means the review queues
 * were last loaded at that time; the last failed load is reported as the error.
 */
export function useReviewSnapshot(queryClient: QueryClient, signedIn: boolean): SyncSnapshot {
  const last = useRef<SyncSnapshot>({ queued: 0, signedIn });
  const subscribe = useCallback((listener: () => void) => queryClient.getQueryCache().subscribe(listener), [queryClient]);
  const read = useCallback((): SyncSnapshot => {
    let updatedAt = 0;
    let lastError: string | undefined;
    for (const query of queryClient.getQueryCache().getAll()) {
      const { dataUpdatedAt, errorUpdatedAt, error } = query.state;
      if (dataUpdatedAt > updatedAt) updatedAt = dataUpdatedAt;
      if (error && errorUpdatedAt > dataUpdatedAt) lastError = describeError(error);
    }
    const next: SyncSnapshot = {
      queued: 0, signedIn,
      ...(updatedAt > 0 ? { lastSyncedAt: new Date(updatedAt).toISOString() } : {}),
      ...(lastError ? { lastError } : {}),
    };
    const prev = last.current;
    if (prev.signedIn === next.signedIn && prev.lastSyncedAt === next.lastSyncedAt && prev.lastError === next.lastError) return prev;
    last.current = next;
    return next;
  }, [queryClient, signedIn]);
  return useSyncExternalStore(subscribe, read, read);
}
