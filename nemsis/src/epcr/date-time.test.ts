import { describe, expect, it } from 'vitest';
import { formatNemsisDateTime, parseNemsisDateTime } from './date-time';

describe('NEMSIS dateTimes', () => {
  it('reads any offset back to the UTC instant the ePCR stores', () => {
    expect(parseNemsisDateTime('2024-10-07T20:22:01-04:00')).toBe('2024-10-08T00:22:01.000Z');
    expect(parseNemsisDateTime('2026-11-23T10:05:00+00:00')).toBe('2026-11-23T10:05:00.000Z');
    expect(parseNemsisDateTime(' 2026-11-23T10:05:00.5+05:30 ')).toBe('2026-11-23T04:35:00.500Z');
  });

  it('refuses text that is not a NEMSIS dateTime instead of guessing', () => {
    for (const bad of ['', 'yesterday', '2026-11-23', '2026-11-23T10:05:00', '2026-13-45T99:00:00+00:00']) {
      expect(parseNemsisDateTime(bad)).toBeUndefined();
    }
  });

  it('writes an offset in a half-hour zone and nothing for a non-date', () => {
    expect(formatNemsisDateTime('2026-11-23T04:35:00.000Z', 'Asia/Kolkata')).toBe('2026-11-23T10:05:00+05:30');
    expect(formatNemsisDateTime('not a time', 'Asia/Kolkata')).toBeUndefined();
  });

  it('falls back to UTC for an unknown zone name rather than failing', () => {
    expect(formatNemsisDateTime('2026-11-23T04:35:00.000Z', 'Mars/Olympus_Mons')).toBe('2026-11-23T04:35:00+00:00');
  });
});
