import { makePatientCareReport } from '@field/shared-model/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { SseReader } from '../testing/sse-reader';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../testing/test-database';

let testDb: TestDatabase;
let instanceA: TestApp;
let instanceB: ReturnType<typeof createApp>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  instanceA = await createTestApp(testDb.database);
  // A second server instance with its own connection pool to the same database (on PGlite: the same engine).
  instanceB = createApp({ database: await testDb.openSecond(), keys: instanceA.keys, clock: instanceA.clock });
});
afterAll(async () => {
  await instanceA.app.feed.close();
  await instanceB.feed.close();
  await testDb.drop();
});

function openStream(app: ReturnType<typeof createApp>, path: string, token: string) {
  return app.request(path, { headers: { authorization: `Bearer ${token}` } });
}

describe(`change fan-out across instances (${usingPostgres() ? 'Postgres' : 'PGlite'})`, () => {
  it('delivers a change pushed through instance A to a stream open on instance B', async () => {
    const { accessToken } = await instanceA.login('demo', 'medic');
    const res = await openStream(instanceB, '/api/v1/sync/epcrs/0/stream', accessToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const stream = new SseReader(res);
    try {
      expect(await stream.next()).toBe('RESYNC');
      const doc = { ...makePatientCareReport({ seed: 500, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }), _deleted: false };
      const pushed = await instanceA.call('POST', '/api/v1/sync/epcrs/0/push', accessToken, [{ newDocumentState: doc }]);
      expect(await pushed.json()).toEqual([]);
      const event = (await stream.next()) as { documents: { id: string }[]; checkpoint: string };
      expect(event.documents.map((d) => d.id)).toEqual([doc.id]);
      expect(typeof event.checkpoint).toBe('string');
    } finally {
      await stream.close();
    }
  });

  it('never streams another agency\'s or another unit\'s charts', async () => {
    const north = (await instanceA.login('north', 'medic')).accessToken;
    const medic = (await instanceA.login('demo', 'medic')).accessToken;
    const stream = new SseReader(await openStream(instanceB, '/api/v1/sync/epcrs/0/stream', north));
    try {
      expect(await stream.next()).toBe('RESYNC');
      const doc = { ...makePatientCareReport({ seed: 501, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }), _deleted: false };
      await instanceA.call('POST', '/api/v1/sync/epcrs/0/push', medic, [{ newDocumentState: doc }]);
      await expect(stream.next(1500)).rejects.toThrow(/no event/);
    } finally {
      await stream.close();
    }
  });

  it('closes a stream when its access token expires, and refuses one without a token', async () => {
    const { accessToken } = await instanceA.login('demo', 'medic');
    expect((await instanceB.request('/api/v1/sync/epcrs/0/stream')).status).toBe(401);
    instanceA.clock.advance(15 * 60 * 1000 - 500);
    const stream = new SseReader(await openStream(instanceB, '/api/v1/sync/epcrs/0/stream', accessToken));
    expect(await stream.next()).toBe('RESYNC');
    await stream.waitClosed(5000);
    expect(stream.closed).toBe(true);
    instanceA.clock.advance(1000);
    expect((await openStream(instanceB, '/api/v1/sync/epcrs/0/stream', accessToken)).status).toBe(401);
  });
});
