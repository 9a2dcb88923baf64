import { describe, expect, it } from 'vitest';
import { hashPin, isIdleLocked, isValidPin, verifyPin } from './pin';

describe('PIN', () => {
  it('accepts 4 to 6 digits only', () => {
    expect(['1234', '123456'].map(isValidPin)).toEqual([true, true]);
    expect(['123', '1234567', '12a4', ' 1234', ''].map(isValidPin)).toEqual([false, false, false, false, false]);
  });

  it('stores a salted hash, not the PIN, and verifies it', async () => {
    const stored = await hashPin('4821');
    expect(JSON.stringify(stored)).not.toContain('4821');
    expect(await verifyPin('4821', stored)).toBe(true);
    expect(await verifyPin('4822', stored)).toBe(false);
    expect(await verifyPin('abc', stored)).toBe(false);
    expect((await hashPin('4821')).hash).not.toBe(stored.hash);
  });

  it('locks after the idle minutes have passed', () => {
    expect(isIdleLocked(0, 9 * 60_000, 10)).toBe(false);
    expect(isIdleLocked(0, 10 * 60_000, 10)).toBe(true);
  });
});
