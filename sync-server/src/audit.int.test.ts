import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from './audit';
import { rowsOf } from './db/rows';
import { createTestDatabase, type TestDatabase } from './testing/test-database';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  await testDb.drop();
});

interface AuditRow {
  agency_id: string;
  actor_id: string;
  actor_kind: string;
  action: string;
  collection: string | null;
  document_ids: string[];
  detail: unknown;
}

async function readAudit(action: string): Promise<AuditRow[]> {
  const result = await testDb.database.db.execute(sql`
    SELECT agency_id, actor_id, actor_kind, action, collection, document_ids, detail FROM audit_log
    WHERE action = ${action} ORDER BY id`);
  return rowsOf<AuditRow>(result).map((row) => ({
    ...row,
    detail: typeof row.detail === 'string' ? JSON.parse(row.detail) as unknown : row.detail,
  }));
}

describe('recordAudit', () => {
  it('keeps every document id as written, in order, whatever characters it holds', async () => {
    // Ids are whatever a client chose: array-literal syntax, quotes, escapes and non-ASCII must survive.
    const ids = ['epcr-2', 'a,b', '{braced}', 'say "hi"', 'back\\slash', 'NULL', ' spaced ', 'Señora Núñez', '救护车', 'epcr-1'];
    await recordAudit(testDb.database.db, {
      caller: { id: 'u-medic', agencyId: 'demo', kind: 'user' }, action: 'test.ids', collection: 'epcrs', documentIds: ids,
    });
    expect(await readAudit('test.ids')).toEqual([{
      agency_id: 'demo', actor_id: 'u-medic', actor_kind: 'user', action: 'test.ids', collection: 'epcrs', document_ids: ids, detail: null,
    }]);
  });

  it('records an entry without documents or collection, with its detail', async () => {
    const detail = { reason: 'signed out everywhere', count: 3, nested: { ok: true } };
    await recordAudit(testDb.database.db, {
      caller: { id: 'p-A-1001', agencyId: 'demo', kind: 'patient' }, action: 'test.detail', documentIds: [], detail,
    });
    expect(await readAudit('test.detail')).toEqual([{
      agency_id: 'demo', actor_id: 'p-A-1001', actor_kind: 'patient', action: 'test.detail', collection: null, document_ids: [], detail,
    }]);
  });
});
