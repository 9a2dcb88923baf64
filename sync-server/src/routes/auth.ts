import { and, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { decoyPasswordHash, verifyPassword } from '../auth/passwords';
import { issueSession, patientFromAccount, rotateSession, userFromRow, type SessionDeps } from '../auth/sessions';
import { portalAccounts, users } from '../db/schema';
import { ApiError } from '../errors';
import { readJsonBody, requireStringFields } from '../http/read-json';
import { clientAddressOf, createRateLimiter } from '../http/rate-limit';
import { recordAudit } from '../audit';

/** POST /api/v1/auth/login, /refresh and /portal. */
/** Sign-in attempts allowed per minute: per client address, and per account from one address. */
export interface AuthRateLimits {
  perAddress: number;
  perAccount: number;
  /** Reverse proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES); none by default. */
  trustedProxies?: readonly string[];
}

export const defaultAuthRateLimits: AuthRateLimits = { perAddress: 30, perAccount: 10 };

export function authRoutes(deps: SessionDeps, limits: AuthRateLimits = defaultAuthRateLimits) {
  const app = new Hono();
  const clientAddress = clientAddressOf(limits.trustedProxies);
  const perAddress = createRateLimiter({ limit: limits.perAddress, windowMs: 60_000, clock: deps.clock, addressOf: clientAddress }).byAddress;
  const perAccount = createRateLimiter({ limit: limits.perAccount, windowMs: 60_000, clock: deps.clock });

  app.post('/login', perAddress, async (c) => {
    const body = requireStringFields(await readJsonBody(c), ['agency', 'username', 'password']);
    perAccount.hit(`${clientAddress(c)}|${body.agency}/${body.username}`);
    const [row] = await deps.db.select().from(users)
      .where(and(eq(users.agencyId, body.agency), eq(users.username, body.username)));
    const ok = await verifyPassword(body.password, row?.passwordHash ?? decoyPasswordHash);
    if (!row || !ok || row.disabled) throw new ApiError('unauthorized', 'unknown agency, username or password');
    return c.json(await issueSession(deps, userFromRow(row), 'user'));
  });

  app.post('/refresh', perAddress, async (c) => {
    const body = requireStringFields(await readJsonBody(c), ['refreshToken'], 8192);
    return c.json(await rotateSession(deps, body.refreshToken));
  });

  app.post('/portal', perAddress, async (c) => {
    const body = requireStringFields(await readJsonBody(c), ['accountNumber', 'dateOfService', 'lastName']);
    const day = /^\d{4}-\d{2}-\d{2}$/.test(body.dateOfService) ? new Date(`${body.dateOfService}T00:00:00Z`) : undefined;
    if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== body.dateOfService || day.getUTCFullYear() < 1) {
      throw new ApiError('bad_request', '"dateOfService" must be a date like 2026-11-01');
    }
    perAccount.hit(`${clientAddress(c)}|portal/${body.accountNumber}`);
    const [account] = await deps.db.select().from(portalAccounts).where(and(
      eq(portalAccounts.accountNumber, body.accountNumber),
      eq(portalAccounts.dateOfService, body.dateOfService),
      sql`lower(${portalAccounts.lastName}) = lower(${body.lastName})`,
    ));
    if (!account) throw new ApiError('unauthorized', 'no statement matches that account, date of service and last name');
    const patient = patientFromAccount(account);
    await recordAudit(deps.db, { caller: { ...patient, kind: 'patient' }, action: 'portal.login', documentIds: [] });
    return c.json(await issueSession(deps, patient, 'patient'));
  });
  return app;
}
