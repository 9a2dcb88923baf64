import type { Db } from './db/connect';
import { auditLog } from './db/schema';
import type { Caller } from './auth/tokens';

export interface AuditEntry {
  caller: Pick<Caller, 'id' | 'agencyId' | 'kind'>;
  /** What happened: `epcrs.pull`, `epcrs.push`, `epcrs.stream`, `attachment.read`, `portal.login` … */
  action: string;
  collection?: string;
  documentIds: string[];
  detail?: Record<string, unknown>;
}

type Executor = Pick<Db, 'insert'>;

/** Appends to the audit log (append-only: a trigger refuses UPDATE and DELETE). */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    agencyId: entry.caller.agencyId,
    actorId: entry.caller.id,
    actorKind: entry.caller.kind,
    action: entry.action,
    collection: entry.collection ?? null,
    documentIds: entry.documentIds,
    detail: entry.detail ?? null,
  });
}
