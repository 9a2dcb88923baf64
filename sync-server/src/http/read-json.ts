import type { Context } from 'hono';
import { ApiError } from '../errors';

/** Reads a JSON request body; 415 for another content type, 400 for malformed JSON. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(json|[a-z0-9.+-]+\+json)\b/i.test(type)) {
    throw new ApiError('unsupported_media_type', 'send the body as application/json');
  }
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    throw new ApiError('bad_request', 'the request body could not be read');
  }
  if (/\\u0000/i.test(text)) {
    throw new ApiError('bad_request', 'the body contains a NUL character (\\u0000), which cannot be stored');
  }
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch (err) {
    throw new ApiError('bad_request', `the body is not valid JSON: ${(err as Error).message}`);
  }
  checkStorable(body, /\\u[dD][89a-fA-F]/.test(text));
  return body;
}

/** Deeper than any document the apps write; deeper bodies would overflow recursive code (merge, compare, stringify). */
export const maxJsonDepth = 64;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * 400 for JSON that parses but cannot be processed or stored: nesting deeper than `maxJsonDepth`,
 * or (when the text has surrogate escapes) an unpaired UTF-16 surrogate, which Postgres jsonb rejects.
 */
function checkStorable(body: unknown, mayHaveSurrogates: boolean): void {
  // Recursion stops at maxJsonDepth + 1 levels, so it cannot overflow the stack.
  const visit = (value: unknown, depth: number): void => {
    if (typeof value === 'string') {
      if (mayHaveSurrogates && loneSurrogate.test(value)) {
        throw new ApiError('bad_request', 'the body contains an unpaired UTF-16 surrogate (\\ud800-\\udfff), which cannot be stored');
      }
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (depth > maxJsonDepth) throw new ApiError('bad_request', `the body is nested deeper than ${maxJsonDepth} levels`);
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    for (const key in value) {
      if (mayHaveSurrogates) visit(key, depth);
      visit((value as Record<string, unknown>)[key], depth + 1);
    }
  };
  visit(body, 1);
}

/** Narrows an unknown body to an object with the given string fields, or answers 400 naming what is wrong. */
export function requireStringFields<K extends string>(body: unknown, fields: readonly K[], maxLength = 512): Record<K, string> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError('bad_request', `expected a JSON object with ${fields.join(', ')}`);
  }
  const record = body as Record<string, unknown>;
  const out = {} as Record<K, string>;
  for (const field of fields) {
    const value = record[field];
    if (typeof value !== 'string' || value.length === 0) {
      throw new ApiError('bad_request', `"${field}" is required and must be a non-empty string`);
    }
    if (value.length > maxLength) throw new ApiError('bad_request', `"${field}" is longer than ${maxLength} characters`);
    out[field] = value;
  }
  return out;
}
