import { afterEach, describe, expect, it, vi } from 'vitest';
import { PullReadAhead } from './pull-read-ahead';

const scope = { agencyId: 'demo', collection: 'epcrs' };

/** A stand-in page: the read-ahead never looks inside one. */
interface TestPage {
  ids: string[];
}

function page(...ids: string[]): TestPage {
  return { ids };
}

/** A change feed stand-in: `change()` tells every watcher of the scope; `watching` counts live subscriptions. */
function fakeFeed() {
  const watchers = new Set<() => void>();
  return {
    watch: vi.fn(async (_agencyId: string, _collection: string, onChange: () => void) => {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    }),
    change: () => { for (const w of [...watchers]) w(); },
    get watching() { return watchers.size; },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('PullReadAhead', () => {
  it('hands a page read ahead to the request with its key, once', async () => {
    const feed = fakeFeed();
    const readAhead = new PullReadAhead<TestPage>({ maxBytes: 1000, ttlMs: 10_000, watch: feed.watch });
    const read = vi.fn(async () => page('a', 'b'));
    expect(readAhead.start(scope, 'k', 100, read)).toBe(true);
    expect(await readAhead.take('other')).toBeUndefined();
    expect((await readAhead.take('k'))?.ids).toEqual(['a', 'b']);
    expect(await readAhead.take('k')).toBeUndefined();
    expect(read).toHaveBeenCalledTimes(1);
    expect(readAhead.size).toBe(0);
  });

  it('drops the pages of a collection that changes, and stops watching it', async () => {
    const feed = fakeFeed();
    const readAhead = new PullReadAhead<TestPage>({ maxBytes: 1000, ttlMs: 10_000, watch: feed.watch });
    readAhead.start(scope, 'k1', 100, async () => page('a'));
    readAhead.start({ agencyId: 'north', collection: 'epcrs' }, 'k2', 100, async () => page('n'));
    await Promise.resolve();
    feed.change();
    expect(await readAhead.take('k1')).toBeUndefined();
    expect(await readAhead.take('k2')).toBeUndefined();
    readAhead.start(scope, 'k3', 100, async () => page('b'));
    readAhead.invalidate(scope);
    expect(await readAhead.take('k3')).toBeUndefined();
    await Promise.resolve();
    expect(feed.watching).toBe(0);
  });

  it('starts no read that could hold more than its memory bound, and frees memory as pages go', async () => {
    const feed = fakeFeed();
    const readAhead = new PullReadAhead<TestPage>({ maxBytes: 250, ttlMs: 10_000, watch: feed.watch });
    expect(readAhead.start(scope, 'k1', 200, async () => page('a'))).toBe(true);
    expect(readAhead.start(scope, 'k2', 100, async () => page('b'))).toBe(false);
    await readAhead.take('k1');
    expect(readAhead.start(scope, 'k2', 100, async () => page('b'))).toBe(true);
    expect(new PullReadAhead<TestPage>({ maxBytes: 0, ttlMs: 10_000, watch: feed.watch }).start(scope, 'k', 1, async () => page())).toBe(false);
  });

  it('forgets a page nobody asks for', async () => {
    vi.useFakeTimers();
    const feed = fakeFeed();
    const readAhead = new PullReadAhead<TestPage>({ maxBytes: 1000, ttlMs: 5_000, watch: feed.watch });
    readAhead.start(scope, 'k', 100, async () => page('a'));
    await vi.advanceTimersByTimeAsync(5_001);
    expect(readAhead.size).toBe(0);
    expect(await readAhead.take('k')).toBeUndefined();
    expect(feed.watching).toBe(0);
  });

  it('answers undefined (the route reads afresh) when the read or the watch fails', async () => {
    const feed = fakeFeed();
    const readAhead = new PullReadAhead<TestPage>({ maxBytes: 1000, ttlMs: 10_000, watch: feed.watch });
    readAhead.start(scope, 'k1', 100, async () => { throw new Error('connection lost'); });
    expect(await readAhead.take('k1')).toBeUndefined();
    const broken = new PullReadAhead<TestPage>({ maxBytes: 1000, ttlMs: 10_000, watch: async () => { throw new Error('no LISTEN'); } });
    const read = vi.fn(async () => page('a'));
    broken.start(scope, 'k2', 100, read);
    expect(await broken.take('k2')).toBeUndefined();
    expect(read).not.toHaveBeenCalled();
  });

  it('gives back every page read but not handed over (dropped, expired, cleared), and never one handed over', async () => {
    vi.useFakeTimers();
    const feed = fakeFeed();
    const discarded: string[] = [];
    const readAhead = new PullReadAhead<TestPage>({
      maxBytes: 1000, ttlMs: 5_000, watch: feed.watch, discard: (p) => discarded.push(...p.ids),
    });
    readAhead.start(scope, 'taken', 100, async () => page('t'));
    readAhead.start(scope, 'changed', 100, async () => page('c'));
    readAhead.start({ agencyId: 'north', collection: 'epcrs' }, 'expired', 100, async () => page('e'));
    readAhead.start({ agencyId: 'east', collection: 'epcrs' }, 'failed', 100, async () => { throw new Error('lost'); });
    expect((await readAhead.take('taken'))?.ids).toEqual(['t']);
    readAhead.invalidate(scope);
    await vi.advanceTimersByTimeAsync(1);
    expect(discarded).toEqual(['c']);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(discarded).toEqual(['c', 'e']);
    readAhead.start({ agencyId: 'west', collection: 'epcrs' }, 'cleared', 100, async () => page('x'));
    readAhead.clear();
    await vi.advanceTimersByTimeAsync(1);
    expect(discarded).toEqual(['c', 'e', 'x']);
  });
});
