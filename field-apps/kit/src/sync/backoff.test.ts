import { describe, expect, it } from 'vitest';
import { computeBackoffDelay } from './backoff';

describe('computeBackoffDelay', () => {
  it('doubles the ceiling with each attempt, drawing from its upper half', () => {
    expect(computeBackoffDelay(0, { baseMs: 1000, random: () => 0 })).toBe(500);
    expect(computeBackoffDelay(0, { baseMs: 1000, random: () => 0.999999 })).toBe(1000);
    expect(computeBackoffDelay(3, { baseMs: 1000, random: () => 0 })).toBe(4000);
    expect(computeBackoffDelay(3, { baseMs: 1000, random: () => 1 })).toBe(8000);
  });

  it('caps at maxMs however many attempts failed', () => {
    expect(computeBackoffDelay(50, { baseMs: 1000, maxMs: 60_000, random: () => 1 })).toBe(60_000);
    expect(computeBackoffDelay(1e9, { baseMs: 1000, maxMs: 60_000, random: () => 0.5 })).toBe(45_000);
  });

  it('turns bad input into a sane delay, never NaN', () => {
    for (const attempt of [Number.NaN, -3, Number.POSITIVE_INFINITY]) {
      const delay = computeBackoffDelay(attempt, { baseMs: 1000, random: () => Number.NaN });
      expect(Number.isFinite(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(500);
    }
  });
});
