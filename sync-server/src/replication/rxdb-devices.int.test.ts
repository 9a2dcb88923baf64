import { makeIncident, makePatientCareReport } from '@field/shared-model/testing';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/rows';
import { RxdbDevice } from '../testing/rxdb-device';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

let testDb: TestDatabase;
let t: TestApp;
const devices: RxdbDevice[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  t = await createTestApp(testDb.database);
});
afterEach(async () => {
  for (const d of devices.splice(0)) await d.close();
});
afterAll(async () => {
  await t.app.feed.close();
  await testDb.drop();
});

async function device(username: string, collection: 'epcrs' | 'incidents' = 'epcrs') {
  const { accessToken } = await t.login('demo', username);
  const d = await RxdbDevice.create(t.app, accessToken, username, collection);
  devices.push(d);
  await d.awaitInSync();
  return d;
}

/** Polls until `check` passes (replication is asynchronous); fails with the last error after `ms`. */
async function eventually(check: () => Promise<void>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function newChart(seed: number) {
  const { updatedAt: _u, ...doc } = makePatientCareReport({ seed, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' });
  return { ...doc, updatedAt: '2026-11-23T10:00:00.000Z', editedAt: '2026-11-23T10:00:00.000Z' };
}

describe('devices replicating through RxDB', () => {
  it('a chart written on one tablet appears on the partner\'s tablet through the live stream', async () => {
    const a = await device('medic');
    const b = await device('emt');
    const chart = newChart(700);
    await a.collection.insert(chart);
    await eventually(async () => expect((await b.get(chart.id))?.id).toBe(chart.id));
  });

  it('two tablets editing one chart offline converge, keeping both crews\' work', async () => {
    const a = await device('medic');
    const b = await device('emt');
    const chart = newChart(701);
    await a.collection.insert(chart);
    await eventually(async () => expect(await b.get(chart.id)).toBeDefined());

    await a.goOffline();
    await b.goOffline();
    const onA = await a.collection.findOne(chart.id).exec();
    await onA?.incrementalPatch({ narrative: 'Pt found sitting, alert.', editedAt: '2026-11-23T10:10:00.000Z' });
    const onB = await b.collection.findOne(chart.id).exec();
    await onB?.incrementalPatch({
      vitals: [{ id: 'vital-b-1', takenAt: '2026-11-23T10:09:00.000Z', heartRate: 96, systolic: 142, diastolic: 88 }],
      editedAt: '2026-11-23T10:11:00.000Z',
    });

    await a.goOnline();
    await a.awaitInSync();
    await b.goOnline();
    await b.awaitInSync();
    await eventually(async () => {
      const [docA, docB] = [await a.get(chart.id), await b.get(chart.id)];
      expect(docA?.narrative).toBe('Pt found sitting, alert.');
      expect((docA?.vitals as { id: string }[]).map((v) => v.id)).toEqual(['vital-b-1']);
      expect(docB).toEqual(docA);
    });
  });

  it('a same-field conflict converges on the later edit and the other value is kept for review', async () => {
    const a = await device('medic');
    const b = await device('emt');
    const chart = newChart(702);
    await a.collection.insert(chart);
    await eventually(async () => expect(await b.get(chart.id)).toBeDefined());
    await a.goOffline();
    await b.goOffline();
    await (await a.collection.findOne(chart.id).exec())?.incrementalPatch({ narrative: 'Version from A (later)', editedAt: '2026-11-23T10:30:00.000Z' });
    await (await b.collection.findOne(chart.id).exec())?.incrementalPatch({ narrative: 'Version from B (earlier)', editedAt: '2026-11-23T10:20:00.000Z' });
    await b.goOnline();
    await b.awaitInSync();
    await a.goOnline();
    await a.awaitInSync();
    await eventually(async () => {
      expect((await a.get(chart.id))?.narrative).toBe('Version from A (later)');
      expect((await b.get(chart.id))?.narrative).toBe('Version from A (later)');
    });
    const kept = rowsOf<{ detail: unknown }>(await testDb.database.db.execute(
      sql`SELECT detail FROM conflicts WHERE agency_id = 'demo' AND document_id = ${chart.id}`));
    expect(JSON.stringify(kept)).toContain('Version from B (earlier)');
  });

  it('a deleted chart disappears from the other tablet', async () => {
    const a = await device('medic');
    const b = await device('emt');
    const chart = newChart(703);
    await a.collection.insert(chart);
    await eventually(async () => expect(await b.get(chart.id)).toBeDefined());
    await (await a.collection.findOne(chart.id).exec())?.remove();
    await eventually(async () => expect(await b.get(chart.id)).toBeUndefined());
  });

  it('an assignment moved to another unit is removed from the crew\'s tablet', async () => {
    const crew = await device('medic', 'incidents');
    const dispatch = await device('dispatcher', 'incidents');
    const { updatedAt: _u, ...incident } = makeIncident({ seed: 704, agencyId: 'demo', unitIds: ['M1'] });
    await dispatch.collection.insert({ ...incident, updatedAt: '2026-11-23T10:00:00.000Z' });
    await eventually(async () => expect(await crew.get(incident.id)).toBeDefined());
    await (await dispatch.collection.findOne(incident.id).exec())?.incrementalPatch({ unitIds: ['M7'], editedAt: '2026-11-23T10:05:00.000Z' });
    await eventually(async () => expect(await crew.get(incident.id)).toBeUndefined());
    expect((await dispatch.get(incident.id))?.unitIds).toEqual(['M7']);
  });
});
