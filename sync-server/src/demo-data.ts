import { sql } from 'drizzle-orm';
import { hashPassword } from './auth/passwords';
import type { Database } from './db/connect';
import { agencies, portalAccounts, portalStatements, users } from './db/schema';
import { writeDocument } from './replication/document-store';

export const demoPassword = 'demo-password';

/** The demo logins, listed in the README. */
export const demoUsers = [
  { agencyId: 'demo', id: 'u-medic', username: 'medic', displayName: 'Alex Medic', roles: ['medic'], unitId: 'M1' },
  { agencyId: 'demo', id: 'u-emt', username: 'emt', displayName: 'Sam EMT', roles: ['emt'], unitId: 'M1' },
  { agencyId: 'demo', id: 'u-dispatcher', username: 'dispatcher', displayName: 'Dana Dispatcher', roles: ['dispatcher'], unitId: null },
  { agencyId: 'demo', id: 'u-inspector', username: 'inspector', displayName: 'Ira Inspector', roles: ['inspector'], unitId: null },
  { agencyId: 'demo', id: 'u-pilot', username: 'pilot', displayName: 'Pat Pilot', roles: ['pilot'], unitId: 'AIR1' },
  { agencyId: 'demo', id: 'u-supervisor', username: 'supervisor', displayName: 'Sky Supervisor', roles: ['supervisor'], unitId: null },
  { agencyId: 'demo', id: 'u-admin', username: 'admin', displayName: 'Ada Admin', roles: ['admin'], unitId: null },
  { agencyId: 'north', id: 'u-north-medic', username: 'medic', displayName: 'Noor North', roles: ['medic'], unitId: 'N1' },
] as const;

/**
 * Seeds the demo agencies, users, portal account and a dispatch assignment. Idempotent: rows that
 * exist are left alone, so restarting with DEMO on never duplicates or overwrites anything.
 */
export async function seedDemoData(database: Database, now: Date = new Date()): Promise<void> {
  const { db } = database;
  const hash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    await tx.insert(agencies).values([
      { id: 'demo', name: 'Demo County EMS & Fire' },
      { id: 'north', name: 'North Valley Ambulance' },
    ]).onConflictDoNothing();
    await tx.insert(users).values(demoUsers.map((u) => ({
      agencyId: u.agencyId, id: u.id, username: u.username, displayName: u.displayName,
      roles: [...u.roles], unitId: u.unitId, passwordHash: hash,
    }))).onConflictDoNothing();
    await tx.insert(portalAccounts).values({
      agencyId: 'demo', accountNumber: 'A-1001', lastName: 'Rivera', dateOfService: '2026-11-01', displayName: 'Maria Rivera',
    }).onConflictDoNothing();
    await tx.insert(portalStatements).values({
      agencyId: 'demo', id: 'st-A-1001-1', accountNumber: 'A-1001',
      data: {
        statementDate: '2026-11-10', dateOfService: '2026-11-01', description: 'ALS emergency transport, 12 miles',
        lines: [
          { code: 'A0427', description: 'ALS1 emergency base rate', amountCents: 145000 },
          { code: 'A0425', description: 'Ground mileage (12 mi)', amountCents: 21600 },
          { code: 'INS', description: 'Insurance payment', amountCents: -120000 },
        ],
        balanceCents: 46600, dueDate: '2026-12-10',
      },
    }).onConflictDoNothing();
    const existing = await tx.execute(sql`SELECT 1 FROM documents WHERE agency_id = 'demo' AND collection = 'incidents' AND id = 'inc-demo-1'`);
    if ((Array.isArray(existing) ? existing.length : (existing as { rows: unknown[] }).rows.length) === 0) {
      const at = now.toISOString();
      await writeDocument(tx, 'demo', 'incidents', {
        id: 'inc-demo-1', agencyId: 'demo', updatedAt: at, editedAt: at, incidentNumber: '2026-000123',
        status: 'dispatched', nature: 'Fall, elderly female, hip pain', priority: 2,
        address: { street: '400 Oak Street', city: 'Springfield', state: 'IL', postalCode: '62701', latitude: 39.7817, longitude: -89.6501 },
        unitIds: ['M1'], receivedAt: at, dispatchedAt: at, notes: [], callerName: 'J. Rivera', callerPhone: '555-0100',
      }, false, at);
    }
  });
}
