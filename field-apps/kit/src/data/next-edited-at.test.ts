import { describe, expect, it } from 'vitest';
import { nextEditedAt } from './field-client';

describe('nextEditedAt', () => {
  const now = Date.UTC(2026, 10, 23, 10, 0, 0);

  it('is the device time for a fresh or older document', () => {
    expect(nextEditedAt(undefined, now)).toBe(new Date(now).toISOString());
    expect(nextEditedAt(new Date(now - 5000).toISOString(), now)).toBe(new Date(now).toISOString());
  });

  it('always moves forward, even when another tablet\'s clock is ahead', () => {
    const ahead = new Date(now + 60_000).toISOString();
    expect(Date.parse(nextEditedAt(ahead, now))).toBe(now + 60_001);
    expect(nextEditedAt('not a date', now)).toBe(new Date(now).toISOString());
  });
});
