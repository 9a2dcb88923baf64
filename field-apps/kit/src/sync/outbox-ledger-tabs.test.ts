import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { OutboxLedger } from './outbox-ledger';

describe('OutboxLedger in two tabs of one user', () => {
  it('tells the other tab of every write and acknowledgement, so both show the same queued count', async () => {
    const store = createStore('outbox-tabs-test', 'ledger');
    const first = await OutboxLedger.open('user-tabs', store);
    const second = await OutboxLedger.open('user-tabs', store);
    const counts: number[] = [];
    second.subscribe(() => counts.push(second.queued));

    await first.recordWrite('epcrs', 'c1', '2026-11-23T10:00:00.000Z');
    await first.recordWrite('epcrs', 'c2', '2026-11-23T10:00:01.000Z');
    await expect.poll(() => second.queued).toBe(2);

    await first.acknowledge('epcrs', [{ id: 'c1', editedAt: '2026-11-23T10:00:00.000Z' }]);
    await expect.poll(() => second.queued).toBe(1);
    expect(counts.at(-1)).toBe(1);
  });

  it('leaves another user\'s ledger alone', async () => {
    const store = createStore('outbox-tabs-test-2', 'ledger');
    const mine = await OutboxLedger.open('user-one', store);
    const theirs = await OutboxLedger.open('user-two', store);
    let heard = 0;
    theirs.subscribe(() => (heard += 1));
    await mine.recordWrite('epcrs', 'c1', '2026-11-23T10:00:00.000Z');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toBe(0);
    expect(theirs.queued).toBe(0);
  });
});
