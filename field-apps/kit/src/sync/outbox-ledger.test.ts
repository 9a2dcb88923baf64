import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { OutboxLedger } from './outbox-ledger';

describe('OutboxLedger (IndexedDB)', () => {
  it('survives a reload: the queued count is read back from storage', async () => {
    const store = createStore('outbox-test-1', 'ledger');
    const ledger = await OutboxLedger.open('user-a', store);
    await Promise.all([
      ledger.recordWrite('epcrs', 'c1', '2026-11-23T10:00:00.000Z'),
      ledger.recordWrite('epcrs', 'c2', '2026-11-23T10:00:01.000Z'),
      ledger.recordWrite('epcrs', 'c1', '2026-11-23T10:00:02.000Z'),
    ]);
    expect(ledger.queued).toBe(2);
    const reopened = await OutboxLedger.open('user-a', store);
    expect(reopened.queued).toBe(2);
    await reopened.acknowledge('epcrs', [{ id: 'c1', editedAt: '2026-11-23T10:00:00.000Z' }, { id: 'c2', editedAt: '2026-11-23T10:00:01.000Z' }]);
    expect(reopened.queued).toBe(1);
    expect((await OutboxLedger.open('user-b', store)).queued).toBe(0);
  });

  it('notifies listeners and forgets everything on clear', async () => {
    const ledger = await OutboxLedger.open('user-c', createStore('outbox-test-2', 'ledger'));
    let calls = 0;
    ledger.subscribe(() => (calls += 1));
    await ledger.recordWrite('epcrs', 'c1', '2026-11-23T10:00:00.000Z');
    await ledger.clear();
    expect(calls).toBe(2);
    expect(ledger.queued).toBe(0);
  });
});
