import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acknowledgePush, countQueued, outboxKey, recordLocalWrite, type OutboxEntries } from './outbox-entries';

const t = (second: number) => new Date(Date.UTC(2026, 10, 23, 10, 0, second)).toISOString();

describe('outbox entries', () => {
  it('counts a document once however many times it is edited', () => {
    let e: OutboxEntries = {};
    e = recordLocalWrite(e, outboxKey('epcrs', 'a'), t(1));
    e = recordLocalWrite(e, outboxKey('epcrs', 'a'), t(2));
    e = recordLocalWrite(e, outboxKey('incidents', 'b'), t(3));
    expect(countQueued(e)).toBe(2);
    expect(countQueued(e, 'epcrs')).toBe(1);
  });

  it('stays queued when an edit happened after the pushed version', () => {
    let e: OutboxEntries = recordLocalWrite({}, 'epcrs/a', t(5));
    e = acknowledgePush(e, 'epcrs/a', t(4));
    expect(countQueued(e)).toBe(1);
    e = acknowledgePush(e, 'epcrs/a', t(5));
    expect(countQueued(e)).toBe(0);
  });

  it('never moves the recorded edit back in time', () => {
    const e = recordLocalWrite(recordLocalWrite({}, 'epcrs/a', t(9)), 'epcrs/a', t(3));
    expect(e['epcrs/a']).toBe(t(9));
  });

  it('is empty after every edit is acknowledged, whatever the order (property)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 59 })), { minLength: 1, maxLength: 30 }), (edits) => {
      let e: OutboxEntries = {};
      for (const [id, s] of edits) e = recordLocalWrite(e, `epcrs/${id}`, t(s));
      const latest = new Map<string, number>();
      for (const [id, s] of edits) latest.set(id, Math.max(latest.get(id) ?? -1, s));
      // Acknowledging older pushes leaves the entry; the latest one clears it.
      for (const [id, s] of edits) if (s < (latest.get(id) ?? 0)) e = acknowledgePush(e, `epcrs/${id}`, t(s));
      expect(countQueued(e)).toBe(latest.size);
      for (const [id, s] of latest) e = acknowledgePush(e, `epcrs/${id}`, t(s));
      expect(countQueued(e)).toBe(0);
    }));
  });
});
