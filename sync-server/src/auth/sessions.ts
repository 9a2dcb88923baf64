import { randomUUID } from 'node:crypto';
import { and, eq, gte, isNull, ne } from 'drizzle-orm';
import type { AuthUser } from '@field/shared-model';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import { portalAccounts, refreshTokens, users } from '../db/schema';
import { ApiError } from '../errors';
import type { SigningKeys } from './keys';
import { accessTokenSeconds, signAccessToken, signRefreshToken, verifyRefreshToken } from './tokens';

/** What login, refresh and portal login answer. */
export interface SessionResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: AuthUser;
}

export interface SessionDeps {
  db: Db;
  keys: SigningKeys;
  clock: Clock;
  /** Access token lifetime in seconds (default `accessTokenSeconds`, 15 minutes). */
  accessTokenSeconds?: number | undefined;
}

/** Issues an access token and a new refresh token in `familyId` (a new family when absent). */
export async function issueSession(
  deps: SessionDeps, user: AuthUser, kind: 'user' | 'patient', familyId: string = randomUUID(),
): Promise<SessionResponse> {
  const lifetime = deps.accessTokenSeconds ?? accessTokenSeconds;
  const accessToken = await signAccessToken(user, kind, deps.keys, deps.clock, lifetime);
  const subject = kind === 'patient' ? `patient:${user.accountNumber ?? ''}` : user.id;
  const refresh = await signRefreshToken(subject, user.agencyId, kind, familyId, deps.keys, deps.clock);
  await deps.db.insert(refreshTokens).values({
    agencyId: user.agencyId, id: refresh.id, familyId, subject, subjectKind: kind, expiresAt: refresh.expiresAt,
  });
  return { accessToken, refreshToken: refresh.token, expiresIn: lifetime, user };
}

export function userFromRow(row: typeof users.$inferSelect): AuthUser {
  const user: AuthUser = {
    id: row.id, agencyId: row.agencyId, roles: row.roles as AuthUser['roles'], displayName: row.displayName,
  };
  if (row.unitId) user.unitId = row.unitId;
  return user;
}

export function patientFromAccount(row: typeof portalAccounts.$inferSelect): AuthUser {
  return {
    id: `patient:${row.accountNumber}`, agencyId: row.agencyId, roles: ['patient'], displayName: row.displayName,
    accountNumber: row.accountNumber,
  };
}

/**
 * Spends a refresh token and issues the next one in its family. Presenting a token that was
 * already spent means it was stolen or replayed: the whole family is revoked.
 */
export async function rotateSession(deps: SessionDeps, token: string): Promise<SessionResponse> {
  const verified = await verifyRefreshToken(token, deps.keys, deps.clock);
  const now = new Date(deps.clock.now());
  const outcome = await deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(refreshTokens)
      .where(and(eq(refreshTokens.agencyId, verified.agencyId), eq(refreshTokens.id, verified.id)))
      .for('update');
    if (!row || row.revokedAt) return { kind: 'invalid' as const };
    if (row.usedAt) {
      if (await isLostAnswerRetry(tx, row, now)) {
        // The answer to the first use never reached the device (network drop, tab closed mid-request):
        // spend the pair it was given and issue another. Should that pair turn up later after all, it
        // is a spent token like any other and, past the grace period, revokes the family.
        await tx.update(refreshTokens).set({ usedAt: now })
          .where(and(eq(refreshTokens.agencyId, row.agencyId), eq(refreshTokens.familyId, row.familyId),
            isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt)));
        return { kind: 'ok' as const, row };
      }
      await tx.update(refreshTokens).set({ revokedAt: now })
        .where(and(eq(refreshTokens.agencyId, row.agencyId), eq(refreshTokens.familyId, row.familyId),
          isNull(refreshTokens.revokedAt)));
      return { kind: 'reused' as const };
    }
    await tx.update(refreshTokens).set({ usedAt: now })
      .where(and(eq(refreshTokens.agencyId, row.agencyId), eq(refreshTokens.id, row.id)));
    return { kind: 'ok' as const, row };
  });
  if (outcome.kind === 'reused') {
    throw new ApiError('unauthorized', 'refresh token already used; every session of this login was signed out');
  }
  if (outcome.kind === 'invalid') throw new ApiError('unauthorized', 'refresh token revoked or unknown');
  const user = await loadSubject(deps.db, verified.agencyId, verified.subject, verified.kind);
  if (!user) throw new ApiError('unauthorized', 'the account no longer exists or is disabled');
  return issueSession(deps, user, verified.kind, verified.familyId);
}

/** How long a just-spent refresh token may be presented again because its answer was lost. */
export const refreshRetryGraceMs = 30_000;

/**
 * A spent refresh token presented again within the grace period, while nothing in its family has
 * been used since: the device most likely never received the answer to its first use. Anything
 * else (late, or after the family moved on) is a replay.
 */
async function isLostAnswerRetry(tx: Pick<Db, 'select'>, row: typeof refreshTokens.$inferSelect, now: Date): Promise<boolean> {
  if (!row.usedAt || now.getTime() - row.usedAt.getTime() > refreshRetryGraceMs) return false;
  const later = await tx.select({ id: refreshTokens.id }).from(refreshTokens).where(and(
    eq(refreshTokens.agencyId, row.agencyId), eq(refreshTokens.familyId, row.familyId), ne(refreshTokens.id, row.id),
    gte(refreshTokens.usedAt, row.usedAt),
  )).limit(1);
  return later.length === 0;
}

async function loadSubject(db: Db, agencyId: string, subject: string, kind: 'user' | 'patient') {
  if (kind === 'patient') {
    const [account] = await db.select().from(portalAccounts).where(and(
      eq(portalAccounts.agencyId, agencyId), eq(portalAccounts.accountNumber, subject.replace(/^patient:/, '')),
    ));
    return account ? patientFromAccount(account) : undefined;
  }
  const [row] = await db.select().from(users).where(and(eq(users.agencyId, agencyId), eq(users.id, subject)));
  return row && !row.disabled ? userFromRow(row) : undefined;
}
