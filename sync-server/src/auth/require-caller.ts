import type { Context } from 'hono';
import type { Clock } from '../clock';
import { ApiError } from '../errors';
import { accountStatusOf } from './account-status';
import type { SigningKeys } from './keys';
import { verifyAccessToken, type Caller } from './tokens';

export interface CallerOptions {
  /** Also accept `?access_token=` (EventSource cannot send headers). */
  allowQueryToken?: boolean;
}

/**
 * Verifies the request's bearer token; 401 when it is missing, malformed, forged or expired, or (where
 * the app checks account status) when its account was disabled or signed out everywhere since.
 */
export async function requireCaller(c: Context, keys: SigningKeys, clock: Clock, options: CallerOptions = {}): Promise<Caller> {
  const header = c.req.header('authorization');
  let token: string | undefined;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new ApiError('unauthorized', 'the Authorization header must be "Bearer <access token>"');
    token = match[1];
  } else if (options.allowQueryToken) {
    token = c.req.query('access_token');
  }
  if (!token) throw new ApiError('unauthorized', 'sign in first: no access token was sent');
  const caller = await verifyAccessToken(token, keys, clock);
  await accountStatusOf(c)?.assertActive(caller);
  return caller;
}
