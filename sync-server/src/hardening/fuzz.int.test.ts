import { createHash } from 'node:crypto';
import { makeIncident, makePatientCareReport } from '@field/shared-model/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSigningKeys } from '../auth/keys';
import type { SessionResponse } from '../auth/sessions';
import { signAccessToken } from '../auth/tokens';
import { createTestApp, ManualClock, type TestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import {
  attachmentRequests, authRequests, pullRequests, pushRequests, type FuzzRequest, type FuzzSeeds, type TokenName,
} from './fuzz-inputs';

/**
 * Seeded fuzzing through `app.request()`: thousands of malformed requests must each get a 2xx/3xx/4xx
 * answer, never a 5xx, and every error must have the `{error: {code, message}}` shape.
 * Same seed, same requests: a failure prints the request so it can be replayed.
 */
const seed = 20261123;
const runs = { pull: 1500, push: 1200, attachment: 500, auth: 300 };

interface Failure {
  label: string;
  method: string;
  path: string;
  status: number;
  problem: string;
  request: string;
}

let testDb: TestDatabase;
let t: TestApp;
let authApp: TestApp;
const tokens = {} as Record<TokenName, string>;
const failures: Failure[] = [];
const statuses = new Map<number, number>();
/** What the server logged for the last unhandled error (renderError logs `unhandled error`, method, path, err). */
let lastLogged = '';

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function authorization(request: FuzzRequest): string | undefined {
  if ('token' in request.auth) return `Bearer ${tokens[request.auth.token]}`;
  if ('header' in request.auth) return request.auth.header;
  return undefined;
}

async function send(target: TestApp, request: FuzzRequest): Promise<void> {
  const headers: Record<string, string> = {};
  const auth = authorization(request);
  if (auth !== undefined) headers.authorization = auth;
  if (request.contentType !== undefined) headers['content-type'] = request.contentType;
  lastLogged = '';
  const res = await target.app.request(request.path, { method: request.method, headers, body: request.body });
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const text = await res.text();
  const fail = (problem: string) => failures.push({
    label: request.label, method: request.method, path: request.path.slice(0, 300), status: res.status, problem,
    request: typeof request.body === 'string' ? request.body.slice(0, 600) : `${request.body?.length ?? 0} bytes`,
  });
  if (res.status >= 500) return void fail(`${text.slice(0, 100)} logged: ${lastLogged}`);
  if (res.status < 400) {
    if (request.label === 'push' && !Array.isArray(JSON.parse(text))) fail('push answer is not an array');
    return;
  }
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string' || body.error.message === '') {
      fail(`error body without {error:{code,message}}: ${text.slice(0, 200)}`);
    }
  } catch {
    fail(`error body is not JSON: ${text.slice(0, 200)}`);
  }
}

async function sendAll(target: TestApp, arbitrary: fc.Arbitrary<FuzzRequest>, numRuns: number, onEach?: (i: number) => void) {
  failures.length = 0;
  const requests = fc.sample(arbitrary, { seed, numRuns });
  for (const [i, request] of requests.entries()) {
    onEach?.(i);
    await send(target, request);
  }
}

/** The first failure of each kind (label, status, problem), so one bug does not hide another. */
function reportFailures(): string {
  const kinds = new Map<string, Failure>();
  for (const f of failures) {
    const key = `${f.label} ${f.status} ${f.problem.replace(/\d+/g, 'N').slice(0, 160)}`;
    if (!kinds.has(key)) kinds.set(key, f);
  }
  return `${failures.length} failures\n` + [...kinds.values()].slice(0, 12).map((f) => `${f.label} ${f.method} ${f.path} -> ${f.status}: ${f.problem}\n    body: ${f.request}`).join('\n');
}

beforeAll(async () => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const err = args[3];
    lastLogged = (err instanceof Error ? `${err.name}: ${err.message} ${String((err.cause as Error | undefined)?.message ?? '')}` : String(err)).slice(0, 200);
  });
  testDb = await createTestDatabase();
  t = await createTestApp(testDb.database);
  authApp = await createTestApp(testDb.database, { seed: false, clock: new ManualClock() });
  const medic = await t.login('demo', 'medic');
  tokens.medic = medic.accessToken;
  tokens.refresh = medic.refreshToken;
  tokens.supervisor = (await t.login('demo', 'supervisor')).accessToken;
  tokens.dispatcher = (await t.login('demo', 'dispatcher')).accessToken;
  tokens.northMedic = (await t.login('north', 'medic')).accessToken;
  const portal = await t.call('POST', '/api/v1/auth/portal', undefined, { accountNumber: 'A-1001', dateOfService: '2026-11-01', lastName: 'Rivera' });
  tokens.patient = ((await portal.json()) as SessionResponse).accessToken;
  const admin = { id: 'u-admin', agencyId: 'demo', roles: ['admin' as const], displayName: 'Ada Admin' };
  tokens.expired = await signAccessToken(admin, 'user', t.keys, { now: () => t.clock.now() - 3_600_000 });
  tokens.forged = await signAccessToken(admin, 'user', await generateSigningKeys(t.keys.kid), t.clock);
  const [header, , signature] = medic.accessToken.split('.');
  const claims = JSON.parse(Buffer.from(medic.accessToken.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
  const elevated = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'], agency: 'north' })).toString('base64url');
  tokens.tampered = `${header ?? ''}.${elevated}.${signature ?? ''}`;
});
afterAll(async () => {
  await testDb.drop();
});

describe('fuzzed requests never cause a 5xx and always answer errors in the one shape', () => {
  const seeds: FuzzSeeds = {
    documents: {
      epcrs: { ...makePatientCareReport({ seed: 1, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }), _deleted: false },
      incidents: { ...makeIncident({ seed: 2, agencyId: 'demo', unitIds: ['M1'] }), _deleted: false },
    },
  };

  it(`pull and stream: ${runs.pull} requests with random collections, versions, checkpoints, limits and tokens`, async () => {
    await sendAll(t, pullRequests(), runs.pull);
    expect(failures, reportFailures()).toEqual([]);
  }, 180_000);

  it(`push: ${runs.push} bodies of junk, mutated documents, deep nesting, __proto__ keys, NUL, lone surrogates, 1e999`, async () => {
    await sendAll(t, pushRequests(seeds), runs.push);
    expect(failures, reportFailures()).toEqual([]);
  }, 180_000);

  it(`attachments: ${runs.attachment} PUT/GET with random bytes, types, hashes and tokens`, async () => {
    await sendAll(t, attachmentRequests(sha256), runs.attachment);
    expect(failures, reportFailures()).toEqual([]);
  }, 180_000);

  it(`auth: ${runs.auth} login, refresh and portal bodies`, async () => {
    // Its own app and clock: the rate-limit window moves on every 25 requests without expiring the other tokens.
    await sendAll(authApp, authRequests(), runs.auth, (i) => {
      if (i % 25 === 0) authApp.clock.advance(61_000);
    });
    expect(failures, reportFailures()).toEqual([]);
  }, 180_000);

  it('still answers /health and serves a normal sync afterwards', async () => {
    const health = await t.app.request('/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const chart = { ...makePatientCareReport({ seed: 99, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }), _deleted: false };
    const push = await t.call('POST', '/api/v1/sync/epcrs/0/push', tokens.medic, [{ newDocumentState: chart }]);
    expect(await push.json()).toEqual([]);
    const pull = await t.call('GET', '/api/v1/sync/epcrs/0/pull?limit=1000', tokens.supervisor);
    const ids = ((await pull.json()) as { documents: { id: string }[] }).documents.map((d) => d.id);
    expect(ids).toContain(chart.id);
    // No __proto__ / constructor key in a body reached a shared prototype.
    const probe = {} as Record<string, unknown>;
    expect([probe.isAdmin, probe.agencyId, probe.polluted]).toEqual([undefined, undefined, undefined]);
    console.info('fuzz statuses', JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b))));
    // Every status seen was a deliberate one.
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 401]));
  });
});
