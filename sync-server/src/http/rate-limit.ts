import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../clock';
import { ApiError } from '../errors';

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  windowMs: number;
  clock: Clock;
}

/** Fixed-window rate limiter (per process). A hit over the limit throws a 429 ApiError. */
export function createRateLimiter(options: RateLimitOptions) {
  const windows = new Map<string, { start: number; count: number }>();
  function hit(key: string): void {
    const now = options.clock.now();
    let w = windows.get(key);
    if (!w || now - w.start >= options.windowMs) {
      w = { start: now, count: 0 };
      windows.set(key, w);
      if (windows.size > 10_000) {
        for (const [k, v] of windows) if (now - v.start >= options.windowMs) windows.delete(k);
      }
    }
    w.count += 1;
    if (w.count > options.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((w.start + options.windowMs - now) / 1000));
      throw new ApiError('rate_limited', 'too many attempts; wait and try again', { retryAfterSeconds });
    }
  }
  const byAddress: MiddlewareHandler = async (c, next) => {
    hit(clientAddress(c));
    await next();
  };
  return { hit, byAddress };
}

export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}
