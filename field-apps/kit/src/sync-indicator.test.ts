import { describe, expect, it } from 'vitest';
import { describeSync } from './sync-indicator';

describe('describeSync', () => {
  it('names the error and what is still waiting to be sent', () => {
    const snapshot = { queued: 3, signedIn: true, lastError: 'No connection to the server; changes stay on this device' };
    expect(describeSync(snapshot, true)).toBe('Sync problem: No connection to the server; changes stay on this device — 3 change(s) waiting to send');
  });

  it('names the error alone when nothing waits', () => {
    expect(describeSync({ queued: 0, signedIn: true, lastError: 'The server answered 503 (503)' }, true)).toBe('Sync problem: The server answered 503 (503)');
  });
});
