import { isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../clock';
import { ApiError } from '../errors';

export interface RateLimitOptions {
  /** Requests allowed per window and key. */
  limit: number;
  windowMs: number;
  clock: Clock;
  /** The client address of a request (default: the socket's peer). */
  addressOf?: (c: Context) => string;
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
    hit((options.addressOf ?? socketAddress)(c));
    await next();
  };
  return { hit, byAddress };
}

/** The TCP peer of a request. */
export function socketAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return normalizeAddress(env?.incoming?.socket?.remoteAddress ?? 'local');
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is `10.0.0.1`. */
function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped?.[1] ?? address).toLowerCase();
}

/** Parses TRUSTED_PROXIES: comma-separated IP addresses of the reverse proxies in front of the server. */
export function parseTrustedProxies(text: string | undefined): string[] {
  const entries = (text ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    if (isIP(entry) === 0) throw new Error(`TRUSTED_PROXIES must list IP addresses separated by commas, got "${entry}"`);
  }
  return entries.map(normalizeAddress);
}

/**
 * How a request's client address is found. Without trusted proxies it is the socket's peer and
 * X-Forwarded-For is ignored (anyone can send it). Behind trusted reverse proxies, the forwarded
 * chain is read from the right and the first address that is not a trusted proxy is the client:
 * what a client writes into the header itself sits further left and is never reached.
 */
export function clientAddressOf(trustedProxies: readonly string[] = []): (c: Context) => string {
  const trusted = new Set(trustedProxies.map(normalizeAddress));
  if (trusted.size === 0) return socketAddress;
  return (c) => {
    let address = socketAddress(c);
    const chain = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
    while (trusted.has(address) && chain.length > 0) {
      const hop = chain.pop() ?? '';
      if (isIP(hop) === 0) break;
      address = normalizeAddress(hop);
    }
    return address;
  };
}
