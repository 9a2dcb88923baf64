import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Error codes on the wire; each maps to one HTTP status. */
export type ApiErrorCode =
  | 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'payload_too_large'
  | 'unsupported_media_type' | 'unprocessable' | 'upgrade_required' | 'rate_limited' | 'unavailable' | 'internal';

const statusOf: Record<ApiErrorCode, ContentfulStatusCode> = {
  bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, payload_too_large: 413,
  unsupported_media_type: 415, unprocessable: 422, upgrade_required: 426, rate_limited: 429, unavailable: 503,
  internal: 500,
};

/** An error the client caused or must act on; rendered as `{error: {code, message, details?}}`. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = statusOf[code];
  }
}

export function errorBody(code: ApiErrorCode, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Hono onError handler: every failure leaves as JSON in the one error shape. */
export function renderError(err: Error, c: Context) {
  if (err instanceof ApiError) {
    const retry = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (err.code === 'rate_limited' && retry) c.header('Retry-After', String(retry));
    return c.json(errorBody(err.code, err.message, err.details), err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code: ApiErrorCode = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : 'bad_request';
    return c.json(errorBody(code, err.message || 'bad request'), status);
  }
  console.error('unhandled error', c.req.method, c.req.path, err);
  return c.json(errorBody('internal', 'internal server error'), 500);
}
