import { makePatientCareReport } from '@field/shared-model/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, maxSyncBodyBytes, type SyncServerApp } from '../app';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

/** What a browser sees of the server: security headers, CORS for the configured origins only, body limits. */
const allowedOrigin = 'https://crewlink.agency.example';
let testDb: TestDatabase;
let t: TestApp;
let withCors: SyncServerApp;
let medic: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  t = await createTestApp(testDb.database);
  withCors = createApp({ database: testDb.database, keys: t.keys, clock: t.clock, corsOrigins: [allowedOrigin] });
  medic = (await t.login('demo', 'medic')).accessToken;
});
afterAll(async () => {
  await withCors.feed.close();
  await testDb.drop();
});

describe('security headers', () => {
  it('are on API answers, errors included', async () => {
    const answers = [
      await t.app.request('/health'),
      await t.app.request('/api/v1/sync/epcrs/0/pull'),
      await t.app.request('/api/v1/no-such-thing'),
      await t.call('GET', '/api/v1/sync/epcrs/0/pull', medic),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 200]);
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-frame-options')).toMatch(/^(DENY|SAMEORIGIN)$/);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    }
  });
});

describe('CORS', () => {
  const preflight = (origin: string) => withCors.request('/api/v1/sync/epcrs/0/pull', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });

  it('answers a preflight from an allowed origin and lets it read the answer', async () => {
    const res = await preflight(allowedOrigin);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');

    const get = await withCors.request('/api/v1/sync/epcrs/0/pull', { headers: { origin: allowedOrigin, authorization: `Bearer ${medic}` } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
  });

  it('marks every API answer as varying by Origin, so a shared cache never hands one origin\'s answer to another', async () => {
    const answers = [
      await preflight(allowedOrigin),
      await preflight('https://evil.example'),
      await withCors.request('/api/v1/sync/epcrs/0/pull', { headers: { origin: allowedOrigin, authorization: `Bearer ${medic}` } }),
      await withCors.request('/api/v1/sync/epcrs/0/pull', { headers: { authorization: `Bearer ${medic}` } }),
      await withCors.request('/api/v1/no-such-thing', { headers: { origin: allowedOrigin } }),
    ];
    for (const res of answers) expect(res.headers.get('vary') ?? '', `${res.status}`).toMatch(/\bOrigin\b/);
    // Secure headers still come with a preflight answer.
    expect(answers[0]!.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('gives any other origin no Access-Control-Allow-Origin', async () => {
    for (const origin of ['https://evil.example', 'null', `${allowedOrigin}.evil.example`, 'http://crewlink.agency.example']) {
      const res = await preflight(origin);
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
      const get = await withCors.request('/api/v1/sync/epcrs/0/pull', { headers: { origin, authorization: `Bearer ${medic}` } });
      expect(get.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
    // With no CORS_ORIGINS configured, no origin is allowed.
    const unconfigured = await t.app.request('/api/v1/sync/epcrs/0/pull', { headers: { origin: allowedOrigin } });
    expect(unconfigured.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('body limits', () => {
  it('accepts a push of 100 charts of 10 KB each', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => {
      const chart = makePatientCareReport({ seed: 100 + i, realistic: true, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' });
      return { newDocumentState: { ...chart, narrative: `${chart.narrative ?? ''}\n${'Additional notes. '.repeat(110)}`, _deleted: false } };
    });
    const body = JSON.stringify(rows);
    expect(body.length).toBeGreaterThan(1_000_000);
    const res = await t.call('POST', '/api/v1/sync/epcrs/0/push', medic, rows);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
  });

  it('answers 413 for a push body over 16 MB, with or without a Content-Length', async () => {
    const body = `[${' '.repeat(maxSyncBodyBytes)}]`;
    const declared = await t.app.request('/api/v1/sync/epcrs/0/push', {
      method: 'POST',
      headers: { authorization: `Bearer ${medic}`, 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: { code: 'payload_too_large' } });

    const streamed = await t.app.request('/api/v1/sync/epcrs/0/push', {
      method: 'POST',
      headers: { authorization: `Bearer ${medic}`, 'content-type': 'application/json' },
      body: new Blob([body]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('answers 413 for a login body over 16 KB', async () => {
    const res = await t.call('POST', '/api/v1/auth/login', undefined, { agency: 'demo', username: 'medic', password: 'x'.repeat(20_000) });
    expect(res.status).toBe(413);
  });
});
