import { describe, expect, it } from 'vitest';
import { describeSync } from '../sync-indicator';
import { SyncStatusStore } from './sync-status-store';

describe('SyncStatusStore and the words it produces', () => {
  const at = Date.UTC(2026, 10, 23, 10, 0, 0);

  it('never says "Synced" while a change or an upload is queued', () => {
    const store = new SyncStatusStore(() => at);
    store.setSignedIn(true);
    store.reportSuccess('epcrs.pull');
    store.setQueued(0, 1);
    expect(describeSync(store.getSnapshot(), true)).toBe('Sending 1 change(s)…');
    store.setQueued(2, 0);
    expect(describeSync(store.getSnapshot(), true)).toBe('Sending 2 change(s)…');
    expect(describeSync(store.getSnapshot(), false)).toBe('Offline — 2 change(s) saved on this device');
    store.setQueued(0, 0);
    expect(describeSync(store.getSnapshot(), true)).toMatch(/^Synced /);
  });

  it('shows the last error in words until that source succeeds again', () => {
    const store = new SyncStatusStore(() => at);
    store.setSignedIn(true);
    store.reportError('epcrs.push', 'This app is out of date — update the app to keep sending charts');
    store.reportSuccess('epcrs.pull');
    expect(describeSync(store.getSnapshot(), true)).toBe('Sync problem: This app is out of date — update the app to keep sending charts');
    store.reportSuccess('epcrs.push');
    expect(store.getSnapshot().lastError).toBeUndefined();
    expect(store.getSnapshot().lastSyncedAt).toBe(new Date(at).toISOString());
  });

  it('waits for the first sync before claiming anything', () => {
    const store = new SyncStatusStore(() => at);
    store.setSignedIn(true);
    expect(describeSync(store.getSnapshot(), true)).toBe('Waiting for first sync');
  });
});
