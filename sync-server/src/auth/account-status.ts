import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import { users } from '../db/schema';
import { ApiError } from '../errors';
import type { Caller } from './tokens';

interface Status {
  active: boolean;
  /** Access tokens issued before this (ms, whole seconds) are refused; 0 = none. */
  notBefore: number;
  checkedAt: number;
}

/** How long an account's status is answered from memory: the longest a disabled user keeps access. */
export const accountStatusTtlMs = 30_000;
const maxEntries = 10_000;

/**
 * Whether a staff account still may use its access tokens: not disabled, and the token issued after
 * the last sign-out-everywhere (new password, disabling). An access token is a signed claim that stays
 * valid for its lifetime (15 minutes); this check shortens that to `accountStatusTtlMs` for an account
 * an administrator has just locked out. One indexed read per user per TTL and server instance.
 * Patient (portal) tokens are not affected.
 */
export class AccountStatus {
  private readonly known = new Map<string, Status>();

  constructor(private readonly db: Db, private readonly clock: Clock, private readonly ttlMs = accountStatusTtlMs) {}

  /** Throws 401 when the caller's account is disabled or the token predates its last sign-out-everywhere. */
  async assertActive(caller: Caller): Promise<void> {
    if (caller.kind !== 'user') return;
    const status = await this.statusOf(caller.agencyId, caller.id);
    if (!status.active) throw new ApiError('unauthorized', 'this account is disabled or no longer exists: sign in again');
    if (caller.issuedAt < status.notBefore) {
      throw new ApiError('unauthorized', 'this session was ended (new password or signed out everywhere): sign in again');
    }
  }

  private async statusOf(agencyId: string, userId: string): Promise<Status> {
    const key = `${agencyId}\u0000${userId}`;
    const now = this.clock.now();
    const cached = this.known.get(key);
    if (cached && now - cached.checkedAt < this.ttlMs) return cached;
    const [row] = await this.db.select({ disabled: users.disabled, tokensNotBefore: users.tokensNotBefore }).from(users)
      .where(and(eq(users.agencyId, agencyId), eq(users.id, userId)));
    const notBefore = row?.tokensNotBefore ? Math.floor(row.tokensNotBefore.getTime() / 1000) * 1000 : 0;
    const status: Status = { active: row !== undefined && !row.disabled, notBefore, checkedAt: now };
    this.known.delete(key);
    if (this.known.size >= maxEntries) this.known.delete(this.known.keys().next().value as string);
    this.known.set(key, status);
    return status;
  }
}

const contextKey = 'accountStatus';

/** Makes `status` available to `requireCaller` for the rest of the request (set by the app for /api/*). */
export function provideAccountStatus(c: Context, status: AccountStatus): void {
  c.set(contextKey as never, status as never);
}

/** The account status check of this app, if it set one. */
export function accountStatusOf(c: Context): AccountStatus | undefined {
  return c.get(contextKey as never) as AccountStatus | undefined;
}
