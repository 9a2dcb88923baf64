import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../db/connect';

export interface TestDatabase {
  database: Database;
  /** Opens another connection pool to the same database (a second server instance). */
  openSecond(): Promise<Database>;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a new database on the PostgreSQL of DATABASE_URL
 * when set, otherwise an in-memory PGlite. The same tests run both ways.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    return { database, openSecond: async () => database, drop: () => database.close() };
  }
  const name = `field_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString() });
  const extra: Database[] = [];
  return {
    database,
    async openSecond() {
      const second = await openDatabase({ databaseUrl: target.toString() });
      extra.push(second);
      return second;
    },
    async drop() {
      for (const d of extra) await d.close();
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export const usingPostgres = (): boolean => Boolean(process.env.DATABASE_URL);
