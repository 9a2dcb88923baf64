import { makePatientCareReport } from '@field/shared-model/testing';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { currentVersionsQuery } from '../replication/document-store';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { rowsOf } from './rows';
import { TableStatistics } from './table-statistics';

let testDb: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  testDb = await createTestDatabase();
  t = await createTestApp(testDb.database);
});
afterAll(async () => {
  await testDb.drop();
});

async function planOfCurrentVersionsRead(ids: string[]): Promise<string> {
  const result = await testDb.database.db.execute(sql`EXPLAIN ${currentVersionsQuery('stats-agency', 'epcrs', JSON.stringify(ids))}`);
  return rowsOf<Record<string, string>>(result).map((row) => Object.values(row)[0]).join('\n');
}

describe('planner statistics for the tables pushes grow', () => {
  it('after a few thousand charts, a push reads the current versions by primary key, not by scanning the agency', async () => {
    // 3,000 charts written at once, as a bulk import or a busy first minute does, before any autovacuum round.
    await testDb.database.db.execute(sql`
      INSERT INTO documents (agency_id, collection, id, data, deleted, txid, updated_at)
      SELECT 'stats-agency', 'epcrs', 'chart-' || g, jsonb_build_object('id', 'chart-' || g, 'narrative', repeat('x', 500)), false, g, now()
      FROM generate_series(1, 3000) AS g`);
    testDb.database.statistics.noteWrites(3000);
    await testDb.database.statistics.settle();
    const plan = await planOfCurrentVersionsRead(Array.from({ length: 50 }, (_, i) => `chart-${i * 37 + 1}`));
    expect(plan).toContain('documents_agency_id_collection_id_pk');
    expect(plan).not.toContain('documents_pull_order');
  });

  it('is told how many documents each push wrote', async () => {
    const medic = (await t.login('demo', 'medic')).accessToken;
    const noted = vi.spyOn(testDb.database.statistics, 'noteWrites');
    const charts = [1, 2, 3].map((seed) => ({ ...makePatientCareReport({ seed: 700 + seed, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }), _deleted: false }));
    const push = await t.call('POST', '/api/v1/sync/epcrs/0/push', medic, charts.map((chart) => ({ newDocumentState: chart })));
    expect(await push.json()).toEqual([]);
    expect(noted).toHaveBeenCalledWith(3);
    noted.mockRestore();
  });
});

describe('TableStatistics', () => {
  const dialect = new PgDialect();
  const recorder = () => {
    const statements: string[] = [];
    let rows = 0;
    const db = {
      execute: async (query: SQL) => {
        const text = dialect.sqlToQuery(query).sql;
        statements.push(text);
        if (text.startsWith('ANALYZE')) rows = 10_000;
        return [{ rows: text.includes('reltuples') ? rows : 0 }];
      },
    };
    return { db, analyses: () => statements.filter((s) => s.startsWith('ANALYZE')).length };
  };

  it('analyses after minChanges writes, then after 10% of the table more, one ANALYZE at a time', async () => {
    const { db, analyses } = recorder();
    const stats = new TableStatistics(db, { minChanges: 500 });
    stats.noteWrites(499);
    await stats.settle();
    expect(analyses()).toBe(0);
    stats.noteWrites(1);
    stats.noteWrites(5000); // while the first ANALYZE runs: counted, not started twice
    await stats.settle();
    expect(analyses()).toBe(1);
    // 10,000 rows now: the next ANALYZE waits for 500 + 1,000 more writes (5,000 arrived during the first).
    stats.noteWrites(1);
    await stats.settle();
    expect(analyses()).toBe(2);
    stats.noteWrites(1400);
    await stats.settle();
    expect(analyses()).toBe(2);
    stats.noteWrites(100);
    await stats.settle();
    expect(analyses()).toBe(3);
  });

  it('keeps counting after a failed ANALYZE and logs it instead of throwing', async () => {
    const lines: string[] = [];
    let fail = true;
    const db = {
      execute: async (query: SQL) => {
        if (fail && dialect.sqlToQuery(query).sql.startsWith('ANALYZE')) throw new Error('canceling statement due to lock timeout');
        return [{ rows: 0 }];
      },
    };
    const stats = new TableStatistics(db, { minChanges: 10, log: (line) => lines.push(line) });
    stats.noteWrites(20);
    await stats.settle();
    expect(lines.join('\n')).toContain('ANALYZE failed');
    fail = false;
    stats.noteWrites(1);
    await stats.settle();
    await stats.close();
    stats.noteWrites(1000);
    await stats.settle();
    expect(lines).toHaveLength(1);
  });
});
