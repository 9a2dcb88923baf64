import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors';

/**
 * 413 for a request body over `maxBytes`, judged from `Content-Length` when the request declares
 * one (Node's parser never hands on more body than that), and by counting while reading only for a
 * body sent without it (chunked), through `hono/body-limit`.
 *
 * Written here rather than using `hono/body-limit` alone because that middleware asks for
 * `c.req.raw.body` on every request. On Node that makes @hono/node-server build a full web
 * `Request` around the incoming message, with the body as a web stream: a GET pays for a
 * `Request`, an `AbortController` and a `Headers` it never uses, and a push body is then read
 * through the web stream chunk by chunk instead of being collected straight from the socket.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw new ApiError('payload_too_large', `the body is larger than ${maxBytes} bytes`);
  };
  const counting = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    if (length !== undefined && !chunked && /^\d+$/.test(length)) {
      if (Number(length) > maxBytes) tooLarge();
      return next();
    }
    // A GET or HEAD that declares no body has none (HTTP/1.1); everything else is counted.
    if (length === undefined && !chunked && (c.req.method === 'GET' || c.req.method === 'HEAD')) return next();
    return counting(c, next);
  };
}
