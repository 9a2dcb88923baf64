import { canReviewSyncIssues } from '@field/shared-model';
import { and, desc, eq, isNull, lt, type SQL } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { recordAudit } from '../audit';
import type { SigningKeys } from '../auth/keys';
import { requireCaller } from '../auth/require-caller';
import type { Caller } from '../auth/tokens';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import { conflicts, refusedDocuments } from '../db/schema';
import { ApiError } from '../errors';

const pageSize = 100;

async function requireSupervisor(c: Context, keys: SigningKeys, clock: Clock): Promise<Caller> {
  const caller = await requireCaller(c, keys, clock);
  if (caller.kind !== 'user' || !canReviewSyncIssues(caller)) {
    throw new ApiError('forbidden', 'only supervisors and administrators review conflicts and refused documents');
  }
  return caller;
}

function parseBefore(text: string | undefined): Date | undefined {
  if (text === undefined || text === '') return undefined;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw new ApiError('bad_request', '"before" must be an ISO date-time');
  return new Date(ms);
}

/**
 * Supervisor review (the Console's queues): values that lost a same-field conflict, and pushed
 * documents the server refused. Newest first, 100 per page (`?before=<createdAt>` for the next page).
 */
export function reviewRoutes(deps: { db: Db; keys: SigningKeys; clock: Clock }) {
  const app = new Hono();

  app.get('/conflicts', async (c) => {
    const caller = await requireSupervisor(c, deps.keys, deps.clock);
    const before = parseBefore(c.req.query('before'));
    const where: SQL[] = [eq(conflicts.agencyId, caller.agencyId)];
    if (before) where.push(lt(conflicts.createdAt, before));
    if (c.req.query('open') === 'true') where.push(isNull(conflicts.resolvedAt));
    const documentId = c.req.query('documentId');
    if (documentId) where.push(eq(conflicts.documentId, documentId.slice(0, 200)));
    const rows = await deps.db.select().from(conflicts).where(and(...where))
      .orderBy(desc(conflicts.createdAt)).limit(pageSize);
    await recordAudit(deps.db, { caller, action: 'conflicts.read', documentIds: [...new Set(rows.map((r) => r.documentId))] });
    return c.json({ conflicts: rows });
  });

  app.post('/conflicts/:id/resolve', async (c) => {
    const caller = await requireSupervisor(c, deps.keys, deps.clock);
    const id = c.req.param('id').slice(0, 100);
    const updated = await deps.db.update(conflicts)
      .set({ resolvedAt: new Date(deps.clock.now()), resolvedBy: caller.id })
      .where(and(eq(conflicts.agencyId, caller.agencyId), eq(conflicts.id, id), isNull(conflicts.resolvedAt)))
      .returning({ id: conflicts.id, documentId: conflicts.documentId });
    if (updated.length === 0) throw new ApiError('not_found', 'no open conflict with that id');
    await recordAudit(deps.db, { caller, action: 'conflicts.resolve', documentIds: updated.map((u) => u.documentId) });
    return c.json({ id, resolvedBy: caller.id });
  });

  app.get('/refused-documents', async (c) => {
    const caller = await requireSupervisor(c, deps.keys, deps.clock);
    const before = parseBefore(c.req.query('before'));
    const where: SQL[] = [eq(refusedDocuments.agencyId, caller.agencyId)];
    if (before) where.push(lt(refusedDocuments.createdAt, before));
    const rows = await deps.db.select().from(refusedDocuments).where(and(...where))
      .orderBy(desc(refusedDocuments.createdAt)).limit(pageSize);
    await recordAudit(deps.db, {
      caller, action: 'refused-documents.read',
      documentIds: [...new Set(rows.map((r) => r.documentId).filter((id): id is string => id !== null))],
    });
    return c.json({ refusedDocuments: rows });
  });
  return app;
}
