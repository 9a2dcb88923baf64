import { randomInt } from 'node:crypto';
import { roles as allRoles, type Role } from '@field/shared-model';
import { and, asc, desc, eq, gte, isNull, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { hashPassword } from '../auth/passwords';
import type { Db } from '../db/connect';
import { agencies, auditLog, refreshTokens, users } from '../db/schema';

/**
 * Agency and staff account administration for an agency's IT person (the `pnpm -s admin` command):
 * agencies, users with roles and units, passwords, disabling. Every change is written to the audit
 * log with who ran it. Portal (patient) accounts come from billing and are not managed here.
 */

/** A refusal with a message for the person at the keyboard (the CLI prints it and exits 1). */
export class AdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminError';
  }
}

/** Who runs the command, for the audit log (`admin-cli:<operating-system user>`). */
export interface AdminActor {
  id: string;
}

export const staffRoles: readonly Role[] = allRoles.filter((role) => role !== 'patient');
export const minPasswordLength = 12;

const agencyIdPattern = /^[a-z0-9][a-z0-9-]{0,31}$/;
const usernamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const unitPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,31}$/;

function check(ok: boolean, message: string): void {
  if (!ok) throw new AdminError(message);
}

function checkAgencyId(agencyId: string): void {
  check(agencyIdPattern.test(agencyId), `agency id "${agencyId}" must be 1-32 lowercase letters, digits or "-", starting with a letter or digit`);
}

function checkUsername(username: string): void {
  check(usernamePattern.test(username), `username "${username}" must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit`);
}

function checkDisplayName(name: string): void {
  check(name.trim().length > 0 && name.length <= 120, 'the name must be 1-120 characters');
}

function checkPassword(password: string): void {
  check(password.length >= minPasswordLength, `a password needs at least ${minPasswordLength} characters`);
  check(password.length <= 1024, 'a password may have at most 1024 characters');
}

/** Roles from a comma-separated list: every one must be a staff role. */
export function parseRoles(text: string): Role[] {
  const names = [...new Set(text.split(',').map((r) => r.trim()).filter(Boolean))];
  check(names.length > 0, `give at least one role: ${staffRoles.join(', ')}`);
  for (const name of names) {
    check((staffRoles as readonly string[]).includes(name), `unknown role "${name}": use ${staffRoles.join(', ')}`);
  }
  return names as Role[];
}

const passwordAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random password to hand to a new user (20 characters, about 117 bits). */
export function generatePassword(): string {
  let out = '';
  for (let i = 0; i < 20; i++) out += passwordAlphabet[randomInt(passwordAlphabet.length)];
  return out;
}

async function audit(db: Db, actor: AdminActor, agencyId: string, action: string, detail: Record<string, unknown>): Promise<void> {
  await recordAudit(db, { caller: { id: actor.id, agencyId, kind: 'user' }, action, documentIds: [], detail });
}

async function requireAgency(db: Db, agencyId: string): Promise<void> {
  checkAgencyId(agencyId);
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
  check(row !== undefined, `there is no agency "${agencyId}" (add it first: agency add ${agencyId} --name "...")`);
}

async function requireUser(db: Db, agencyId: string, username: string) {
  await requireAgency(db, agencyId);
  checkUsername(username);
  const [row] = await db.select().from(users).where(and(eq(users.agencyId, agencyId), eq(users.username, username)));
  if (!row) throw new AdminError(`agency "${agencyId}" has no user "${username}"`);
  return row;
}

/**
 * Signs a user out everywhere: every refresh token still valid is revoked, and access tokens issued
 * until `now` are refused (within `accountStatusTtlMs`). Returns how many sessions were revoked.
 */
async function revokeSessions(db: Db, agencyId: string, userId: string, now: Date): Promise<number> {
  await db.update(users).set({ tokensNotBefore: now }).where(and(eq(users.agencyId, agencyId), eq(users.id, userId)));
  const revoked = await db.update(refreshTokens).set({ revokedAt: now })
    .where(and(eq(refreshTokens.agencyId, agencyId), eq(refreshTokens.subject, userId),
      eq(refreshTokens.subjectKind, 'user'), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return revoked.length;
}

export async function addAgency(db: Db, actor: AdminActor, agencyId: string, name: string): Promise<void> {
  checkAgencyId(agencyId);
  check(name.trim().length > 0 && name.length <= 200, 'the agency name must be 1-200 characters');
  const inserted = await db.insert(agencies).values({ id: agencyId, name: name.trim() }).onConflictDoNothing().returning({ id: agencies.id });
  check(inserted.length === 1, `agency "${agencyId}" already exists`);
  await audit(db, actor, agencyId, 'admin.agency.add', { name: name.trim() });
}

export interface AgencySummary {
  id: string;
  name: string;
  users: number;
}

export async function listAgencies(db: Db): Promise<AgencySummary[]> {
  const rows = await db.select({
    id: agencies.id, name: agencies.name, users: sql<number>`(SELECT count(*)::int FROM users u WHERE u.agency_id = ${agencies.id})`,
  }).from(agencies).orderBy(asc(agencies.id));
  return rows.map((r) => ({ ...r, users: Number(r.users) }));
}

export interface NewUser {
  agencyId: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId?: string | undefined;
  password: string;
}

export async function addUser(db: Db, actor: AdminActor, user: NewUser): Promise<{ id: string }> {
  await requireAgency(db, user.agencyId);
  checkUsername(user.username);
  checkDisplayName(user.displayName);
  check(user.roles.length > 0, 'give at least one role');
  if (user.unitId !== undefined) check(unitPattern.test(user.unitId), `unit "${user.unitId}" must be 1-32 letters, digits, "_", ".", ":" or "-"`);
  checkPassword(user.password);
  const id = `u-${user.username.toLowerCase()}`;
  const inserted = await db.insert(users).values({
    agencyId: user.agencyId, id, username: user.username, displayName: user.displayName.trim(), roles: user.roles,
    unitId: user.unitId ?? null, passwordHash: await hashPassword(user.password),
  }).onConflictDoNothing().returning({ id: users.id });
  check(inserted.length === 1, `agency "${user.agencyId}" already has a user "${user.username}" (or one whose id is ${id})`);
  await audit(db, actor, user.agencyId, 'admin.user.add', { userId: id, username: user.username, roles: user.roles, unitId: user.unitId ?? null });
  return { id };
}

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  unitId: string | null;
  disabled: boolean;
}

export async function listUsers(db: Db, agencyId: string): Promise<UserSummary[]> {
  await requireAgency(db, agencyId);
  return db.select({
    id: users.id, username: users.username, displayName: users.displayName, roles: users.roles, unitId: users.unitId, disabled: users.disabled,
  }).from(users).where(eq(users.agencyId, agencyId)).orderBy(asc(users.username));
}

/** Sets a new password and signs the user out of every device (their queued changes stay on the devices). */
export async function setPassword(
  db: Db, actor: AdminActor, agencyId: string, username: string, password: string, now = new Date(),
): Promise<{ signedOut: number }> {
  const row = await requireUser(db, agencyId, username);
  checkPassword(password);
  await db.update(users).set({ passwordHash: await hashPassword(password) }).where(and(eq(users.agencyId, agencyId), eq(users.id, row.id)));
  const signedOut = await revokeSessions(db, agencyId, row.id, now);
  await audit(db, actor, agencyId, 'admin.user.password', { userId: row.id, sessionsRevoked: signedOut });
  return { signedOut };
}

/**
 * Disables (or enables) a user. A disabled user cannot sign in or renew a session; every session is
 * revoked at once, and access tokens already issued are refused within 30 s (`accountStatusTtlMs`).
 */
export async function setDisabled(
  db: Db, actor: AdminActor, agencyId: string, username: string, disabled: boolean, now = new Date(),
): Promise<{ signedOut: number }> {
  const row = await requireUser(db, agencyId, username);
  await db.update(users).set({ disabled }).where(and(eq(users.agencyId, agencyId), eq(users.id, row.id)));
  const signedOut = disabled ? await revokeSessions(db, agencyId, row.id, now) : 0;
  await audit(db, actor, agencyId, disabled ? 'admin.user.disable' : 'admin.user.enable', { userId: row.id, sessionsRevoked: signedOut });
  return { signedOut };
}

/** Changes a user's roles and/or unit (takes effect at their next sign-in or token renewal). */
export async function updateUser(
  db: Db, actor: AdminActor, agencyId: string, username: string, change: { roles?: Role[]; unitId?: string | null },
): Promise<void> {
  const row = await requireUser(db, agencyId, username);
  check(change.roles !== undefined || change.unitId !== undefined, 'nothing to change: give --role and/or --unit (--unit "" removes the unit)');
  if (change.unitId) check(unitPattern.test(change.unitId), `unit "${change.unitId}" must be 1-32 letters, digits, "_", ".", ":" or "-"`);
  const set: Partial<typeof users.$inferInsert> = {};
  if (change.roles !== undefined) set.roles = change.roles;
  if (change.unitId !== undefined) set.unitId = change.unitId === '' ? null : change.unitId;
  await db.update(users).set(set).where(and(eq(users.agencyId, agencyId), eq(users.id, row.id)));
  await audit(db, actor, agencyId, 'admin.user.update', { userId: row.id, ...change });
}

export interface AuditQuery {
  agencyId: string;
  /** Only entries that name this document (or attachment hash). */
  documentId?: string | undefined;
  /** Only entries of this actor (user id, `patient:<account>`, `admin-cli:<os user>`). */
  actorId?: string | undefined;
  /** Only entries at or after this time (ISO date or date-time). */
  since?: string | undefined;
  limit: number;
}

export interface AuditRow {
  at: Date;
  actorId: string;
  actorKind: string;
  action: string;
  collection: string | null;
  documentIds: string[];
}

/**
 * The audit trail, newest first: who wrote, pulled, streamed or opened which patient data, and every
 * administrative change (an accounting of disclosures for one chart is `documentId`).
 */
export async function readAuditTrail(db: Db, query: AuditQuery): Promise<AuditRow[]> {
  await requireAgency(db, query.agencyId);
  check(Number.isInteger(query.limit) && query.limit >= 1 && query.limit <= 10_000, 'the limit must be a whole number from 1 to 10000');
  const conditions: SQL[] = [eq(auditLog.agencyId, query.agencyId)];
  if (query.documentId !== undefined) conditions.push(sql`${query.documentId} = ANY (${auditLog.documentIds})`);
  if (query.actorId !== undefined) conditions.push(eq(auditLog.actorId, query.actorId));
  if (query.since !== undefined) {
    const since = new Date(query.since);
    check(/^\d{4}-\d{2}-\d{2}/.test(query.since) && !Number.isNaN(since.getTime()), `--since "${query.since}" is not a date (2026-12-01 or 2026-12-01T08:00:00Z)`);
    conditions.push(gte(auditLog.at, since));
  }
  return db.select({
    at: auditLog.at, actorId: auditLog.actorId, actorKind: auditLog.actorKind, action: auditLog.action,
    collection: auditLog.collection, documentIds: auditLog.documentIds,
  }).from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(query.limit);
}
