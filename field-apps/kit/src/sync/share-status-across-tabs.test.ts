import { afterEach, describe, expect, it } from 'vitest';
import { describeSync } from '../sync-indicator';
import { shareStatusAcrossTabs } from './share-status-across-tabs';
import { SyncStatusStore } from './sync-status-store';

const at = Date.UTC(2026, 10, 23, 10, 0, 0);
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function tab(channel: string, leader: () => boolean): SyncStatusStore {
  const status = new SyncStatusStore(() => at);
  status.setSignedIn(true);
  stops.push(shareStatusAcrossTabs(channel, status, leader));
  return status;
}

describe('sync status shared by the tabs of one user', () => {
  it('shows the syncing tab\'s last sync and error in a tab that does not sync', async () => {
    const leading = tab('status-test-1', () => true);
    const other = tab('status-test-1', () => false);
    expect(describeSync(other.getSnapshot(), true)).toBe('Waiting for first sync');

    leading.reportSuccess('epcrs.pull');
    await expect.poll(() => describeSync(other.getSnapshot(), true)).toMatch(/^Synced /);

    leading.reportError('epcrs.push', 'The server answered 503 (503)');
    await expect.poll(() => other.getSnapshot().lastError).toBe('The server answered 503 (503)');
    leading.reportSuccess('epcrs.push');
    await expect.poll(() => other.getSnapshot().lastError).toBeUndefined();
  });

  it('answers a tab opened later with the current status', async () => {
    const leading = tab('status-test-2', () => true);
    leading.reportSuccess('epcrs.pull');
    const late = tab('status-test-2', () => false);
    await expect.poll(() => late.getSnapshot().lastSyncedAt).toBe(new Date(at).toISOString());
  });

  it('ignores what a tab that does not sync says', async () => {
    const leading = tab('status-test-3', () => true);
    const other = tab('status-test-3', () => false);
    other.reportError('storage', 'This device is out of storage space');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(leading.getSnapshot().lastError).toBeUndefined();
  });
});
