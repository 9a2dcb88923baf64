/** How long to wait before retry number `attempt` (0 = the first retry). */
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  /** A number in [0, 1); injected in tests. */
  random?: () => number;
}

/**
 * Exponential backoff with jitter: the ceiling doubles with every failed attempt (capped at
 * `maxMs`), and the delay is drawn from the upper half of it so that many tablets coming back
 * online at once do not hit the server in lockstep.
 */
export function computeBackoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = 1000, maxMs = 60_000, random = Math.random } = options;
  const safeAttempt = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(safeAttempt, 30));
  const r = random();
  const jitter = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0.5;
  return Math.round(ceiling / 2 + (ceiling / 2) * jitter);
}
