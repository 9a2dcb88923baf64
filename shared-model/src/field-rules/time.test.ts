import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonthsToDate, calendarQuarterOf, parseCalendarDate, parseInstant } from './time';

describe('calendar arithmetic (UTC, month-end clamps)', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-05-31', 24, '2027-05-31'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonthsToDate(date, months)).toBe(expected);
  });

  it('rejects impossible dates and local times without an offset', () => {
    expect(parseCalendarDate('2025-02-30')).toBeUndefined();
    expect(addMonthsToDate('2025-13-01', 1)).toBeUndefined();
    expect(parseInstant('2026-03-08T02:30:00')).toBeUndefined();
    expect(parseInstant('2026-03-08T02:30:00-05:00')).toBe(Date.parse('2026-03-08T07:30:00Z'));
  });

  it('property: adding months yields a valid date whose day never exceeds the original day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), fc.integer({ min: -240, max: 240 }), (ms, months) => {
        const date = new Date(ms).toISOString().slice(0, 10);
        const out = addMonthsToDate(date, months);
        if (out === undefined || parseCalendarDate(out) === undefined) return false;
        return Number(out.slice(8)) <= Number(date.slice(8));
      }),
    );
  });

  it('calendar quarters are UTC', () => {
    expect(calendarQuarterOf(Date.parse('2026-03-31T23:30:00-05:00')).label).toBe('2026-Q2');
    expect(calendarQuarterOf(Date.parse('2026-03-31T23:30:00Z')).label).toBe('2026-Q1');
  });
});
