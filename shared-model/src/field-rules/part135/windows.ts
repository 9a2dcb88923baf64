import { HOUR_MS, overlapMs } from '../time';
import type { Interval } from './types';

/**
 * Time-window arithmetic on the UTC time line. All functions are pure, total and work on epoch ms,
 * so results cannot depend on a time zone or on DST.
 */

/** Sum of the parts of `intervals` that fall inside [start, end). */
export function sumWithin(intervals: readonly Interval[], start: number, end: number): number {
  let total = 0;
  for (const i of intervals) total += overlapMs(i.start, i.end, start, end);
  return total;
}

/**
 * The largest total of `intervals` inside any window of `windowMs` consecutive ms, with the window
 * that achieves it. The optimum is attained by a window starting at some interval start or ending at
 * some interval end, so only those candidates are examined (O(n²), n = legs in a log — small).
 */
export function maxWithinAnyWindow(intervals: readonly Interval[], windowMs: number): { total: number; window: Interval } {
  let best = { total: 0, window: { start: 0, end: windowMs } };
  for (const i of intervals) {
    for (const start of [i.start, i.end - windowMs]) {
      const total = sumWithin(intervals, start, start + windowMs);
      if (total > best.total) best = { total, window: { start, end: start + windowMs } };
    }
  }
  return best;
}

/** Gaps (rest) between busy intervals inside [from, to): the complement of their union. */
export function gapsWithin(busy: readonly Interval[], from: number, to: number): Interval[] {
  const sorted = [...busy].filter((b) => b.end > from && b.start < to).sort((a, b) => a.start - b.start);
  const gaps: Interval[] = [];
  let cursor = from;
  for (const b of sorted) {
    if (b.start > cursor) gaps.push({ start: cursor, end: Math.min(b.start, to) });
    cursor = Math.max(cursor, b.end);
    if (cursor >= to) break;
  }
  if (cursor < to) gaps.push({ start: cursor, end: to });
  return gaps;
}

/** Longest single gap (consecutive rest) in [from, to) outside the busy intervals. */
export function longestGapWithin(busy: readonly Interval[], from: number, to: number): number {
  let longest = 0;
  for (const g of gapsWithin(busy, from, to)) longest = Math.max(longest, g.end - g.start);
  return longest;
}

/**
 * For a span [from, to) and rest intervals inside it, the first window of `windowMs` (sliding over the
 * span) that contains no `minRestMs` of consecutive rest, or undefined when every window has one.
 * A rest [a, b) gives a window starting at t at least minRest inside it iff t ∈ [a + minRest − window, b − minRest].
 */
export function firstWindowWithoutRest(
  rests: readonly Interval[],
  from: number,
  to: number,
  windowMs: number,
  minRestMs: number,
): Interval | undefined {
  if (to - from < windowMs) return undefined;
  const lastStart = to - windowMs;
  const covers = rests
    .map((r) => ({ start: Math.max(r.start, from), end: Math.min(r.end, to) }))
    .filter((r) => r.end - r.start >= minRestMs)
    .map((r) => ({ start: r.start + minRestMs - windowMs, end: r.end - minRestMs }))
    .sort((a, b) => a.start - b.start);
  // Good window starts form the union of closed intervals `covers`; walk it (1 ms resolution).
  let t = from;
  for (const c of covers) {
    if (c.start > t) break;
    if (c.end >= t) t = c.end + 1;
    if (t > lastStart) return undefined;
  }
  return t <= lastStart ? { start: t, end: t + windowMs } : undefined;
}

export const hours = (h: number): number => h * HOUR_MS;
