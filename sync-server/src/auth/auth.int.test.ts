import { makePatientCareReport } from '@field/shared-model/testing';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoPassword, demoUsers } from '../demo-data';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { generateSigningKeys } from './keys';
import { refreshRetryGraceMs, type SessionResponse } from './sessions';
import { signAccessToken } from './tokens';

const loginPath = '/api/v1/auth/login';
const refreshPath = '/api/v1/auth/refresh';
const portalPath = '/api/v1/auth/portal';
const epcrPull = '/api/v1/sync/epcrs/0/pull';
const badCredentials = 'unknown agency, username or password';

let testDb: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  testDb = await createTestDatabase();
  t = await createTestApp(testDb.database);
});
afterAll(async () => {
  await testDb.drop();
});
// app.request() has no socket, so every request shares one client address and its 30-per-minute
// budget: each test starts in a fresh rate-limit window.
beforeEach(() => {
  t.clock.advance(61_000);
});

async function post(path: string, body: unknown): Promise<Response> {
  return t.call('POST', path, undefined, body);
}

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return body.error;
}

async function portalLogin(lastName = 'Rivera', dateOfService = '2026-11-01'): Promise<Response> {
  return post(portalPath, { accountNumber: 'A-1001', dateOfService, lastName });
}

describe('password login', () => {
  it('signs in every demo user with the claims the apps rely on', async () => {
    for (const user of demoUsers) {
      const res = await post(loginPath, { agency: user.agencyId, username: user.username, password: demoPassword });
      expect(res.status, `${user.agencyId}/${user.username}`).toBe(200);
      const session = (await res.json()) as SessionResponse;
      expect(session.expiresIn).toBe(900);
      expect(session.user).toEqual({
        id: user.id, agencyId: user.agencyId, roles: [...user.roles], displayName: user.displayName,
        ...(user.unitId ? { unitId: user.unitId } : {}),
      });
      const claims = decodeJwt(session.accessToken);
      expect(claims).toMatchObject({ sub: user.id, agency: user.agencyId, typ: 'access', iss: 'field-sync', aud: 'field-suite' });
      expect(session.refreshToken).not.toBe(session.accessToken);
    }
  });

  it('answers a wrong password, an unknown user and an unknown agency with the same 401', async () => {
    const attempts = [
      { agency: 'demo', username: 'medic', password: 'not-the-password' },
      { agency: 'demo', username: 'nobody', password: demoPassword },
      { agency: 'nowhere', username: 'medic', password: demoPassword },
      { agency: 'north', username: 'dispatcher', password: demoPassword },
    ];
    for (const attempt of attempts) {
      const res = await post(loginPath, attempt);
      expect(res.status).toBe(401);
      expect(await errorOf(res)).toEqual({ code: 'unauthorized', message: badCredentials });
    }
  });

  it('answers malformed bodies with 400 and other content types with 415', async () => {
    const bad: unknown[] = [
      [], 'medic', 42, null, {}, { agency: 'demo', username: 'medic' }, { agency: 'demo', username: 'medic', password: 7 },
      { agency: 'demo', username: '', password: demoPassword }, { agency: 'demo', username: 'x'.repeat(600), password: 'p' },
    ];
    for (const body of bad) {
      const res = await post(loginPath, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await errorOf(res)).code).toBe('bad_request');
    }
    const notJson = await t.app.request(loginPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"agency":' });
    expect(notJson.status).toBe(400);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const res = await t.app.request(loginPath, {
        method: 'POST', headers: type ? { 'content-type': type } : {}, body: 'agency=demo&username=medic&password=x',
      });
      expect(res.status, type).toBe(415);
      expect((await errorOf(res)).code).toBe('unsupported_media_type');
    }
  });

  it('throttles repeated attempts on one account with 429 and Retry-After until the window passes', async () => {
    const wrong = { agency: 'demo', username: 'emt', password: 'guess' };
    for (let i = 0; i < 10; i += 1) expect((await post(loginPath, wrong)).status).toBe(401);
    t.clock.advance(20_000);
    const limited = await post(loginPath, wrong);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('40');
    expect((await errorOf(limited)).code).toBe('rate_limited');
    // Even the right password waits: the limit is on attempts, not on failures.
    expect((await post(loginPath, { ...wrong, password: demoPassword })).status).toBe(429);
    // Another account is not affected.
    expect((await post(loginPath, { agency: 'demo', username: 'medic', password: demoPassword })).status).toBe(200);

    t.clock.advance(40_000);
    expect((await post(loginPath, { ...wrong, password: demoPassword })).status).toBe(200);
  });

  it('throttles one client address across accounts after 30 requests a minute', async () => {
    for (let i = 0; i < 30; i += 1) {
      expect((await post(loginPath, { agency: 'demo', username: `spray-${i}`, password: 'x' })).status).toBe(401);
    }
    const limited = await post(loginPath, { agency: 'demo', username: 'medic', password: demoPassword });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.advance(60_000);
    expect((await post(loginPath, { agency: 'demo', username: 'medic', password: demoPassword })).status).toBe(200);
  });
});

describe('refresh rotation', () => {
  it('issues a new pair and revokes the whole family when a spent token comes back', async () => {
    const first = await t.login('demo', 'medic');
    const second = await post(refreshPath, { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    const rotated = (await second.json()) as SessionResponse;
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect(rotated.user.id).toBe('u-medic');
    expect((await t.call('GET', epcrPull, rotated.accessToken)).status).toBe(200);

    const third = await post(refreshPath, { refreshToken: rotated.refreshToken });
    expect(third.status).toBe(200);
    const newest = (await third.json()) as SessionResponse;

    // The first token, already spent, is presented again (a thief or a replay)...
    const replay = await post(refreshPath, { refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expect((await errorOf(replay)).message).toMatch(/already used/);
    // ...and the newest token of the family no longer works either.
    const afterReplay = await post(refreshPath, { refreshToken: newest.refreshToken });
    expect(afterReplay.status).toBe(401);
  });

  it('lets a device whose refresh answer was lost retry with the same token for a short while', async () => {
    const session = await t.login('demo', 'dispatcher');
    // The first answer is lost on the way (network drop, tab closed mid-request)...
    const lost = (await (await post(refreshPath, { refreshToken: session.refreshToken })).json()) as SessionResponse;
    t.clock.advance(5_000);
    // ...so the device presents the token it still holds: a new pair, no sign-out.
    const retry = await post(refreshPath, { refreshToken: session.refreshToken });
    expect(retry.status).toBe(200);
    const renewed = (await retry.json()) as SessionResponse;
    expect((await t.call('GET', epcrPull, renewed.accessToken)).status).toBe(200);
    // The lost pair is spent; if it shows up later after all, it is a replay and ends the login.
    t.clock.advance(refreshRetryGraceMs + 1000);
    expect((await post(refreshPath, { refreshToken: lost.refreshToken })).status).toBe(401);
    expect((await post(refreshPath, { refreshToken: renewed.refreshToken })).status).toBe(401);
  });

  it('treats the same token presented again after the family moved on as a replay, even within the grace period', async () => {
    const session = await t.login('demo', 'pilot');
    const next = (await (await post(refreshPath, { refreshToken: session.refreshToken })).json()) as SessionResponse;
    expect((await post(refreshPath, { refreshToken: next.refreshToken })).status).toBe(200);
    expect((await post(refreshPath, { refreshToken: session.refreshToken })).status).toBe(401);
  });

  it('leaves another login of the same user alone when one family is revoked', async () => {
    const phone = await t.login('demo', 'emt');
    const tablet = await t.login('demo', 'emt');
    await post(refreshPath, { refreshToken: phone.refreshToken });
    t.clock.advance(refreshRetryGraceMs + 1000);
    expect((await post(refreshPath, { refreshToken: phone.refreshToken })).status).toBe(401);
    expect((await post(refreshPath, { refreshToken: tablet.refreshToken })).status).toBe(200);
  });

  it('refuses an access token, garbage and a missing field as refresh tokens', async () => {
    const session = await t.login('demo', 'supervisor');
    expect((await post(refreshPath, { refreshToken: session.accessToken })).status).toBe(401);
    expect((await post(refreshPath, { refreshToken: 'not.a.jwt' })).status).toBe(401);
    expect((await post(refreshPath, {})).status).toBe(400);
  });
});

describe('patient portal login', () => {
  it('signs in with account, date of service and a case-insensitive last name', async () => {
    for (const lastName of ['Rivera', 'rIVERA']) {
      const res = await portalLogin(lastName);
      expect(res.status, lastName).toBe(200);
      const session = (await res.json()) as SessionResponse;
      expect(session.user).toMatchObject({ id: 'patient:A-1001', agencyId: 'demo', roles: ['patient'], accountNumber: 'A-1001' });
    }
  });

  it('answers a wrong date or name with the same 401, and a malformed date with 400', async () => {
    const wrongDate = await portalLogin('Rivera', '2026-11-02');
    const wrongName = await portalLogin('Rivers');
    expect(wrongDate.status).toBe(401);
    expect(wrongName.status).toBe(401);
    expect(await errorOf(wrongDate)).toEqual(await errorOf(wrongName));
    expect((await portalLogin('Rivera', '11/01/2026')).status).toBe(400);
  });

  it('gives a patient token no chart: no documents on pull, refusal on push, nothing leaked', async () => {
    const medic = await t.login('demo', 'medic');
    const chart = { ...makePatientCareReport({ seed: 1, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }), _deleted: false };
    const pushed = await t.call('POST', '/api/v1/sync/epcrs/0/push', medic.accessToken, [{ newDocumentState: chart }]);
    expect(await pushed.json()).toEqual([]);

    const patient = (await (await portalLogin()).json()) as SessionResponse;
    const pull = await t.call('GET', epcrPull, patient.accessToken);
    expect(pull.status).toBe(200);
    const body = (await pull.json()) as { documents: unknown[] };
    expect(body.documents).toEqual([]);
    expect(JSON.stringify(body)).not.toContain(chart.id);

    const attempt = { ...chart, narrative: 'written by a patient' };
    const push = await t.call('POST', '/api/v1/sync/epcrs/0/push', patient.accessToken, [{ newDocumentState: attempt }]);
    const answer = (await push.json()) as { id: string; narrative?: string; syncRefusal?: { code: string } }[];
    expect(answer).toHaveLength(1);
    expect(answer[0]?.syncRefusal?.code).toBe('forbidden');
    // The refusal echoes the patient's own attempt, never the stored chart.
    expect(answer[0]?.narrative).toBe('written by a patient');
    const medicView = await t.call('GET', epcrPull, medic.accessToken);
    const docs = ((await medicView.json()) as { documents: { id: string; narrative?: string }[] }).documents;
    expect(docs.find((d) => d.id === chart.id)?.narrative).toBe(chart.narrative);
  });
});

describe('access tokens', () => {
  it('verify against the published JWKS', async () => {
    const res = await t.app.request('/.well-known/jwks.json');
    expect(res.status).toBe(200);
    const jwks = (await res.json()) as JSONWebKeySet;
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const session = await t.login('demo', 'dispatcher');
    const { payload, protectedHeader } = await jwtVerify(session.accessToken, createLocalJWKSet(jwks), {
      issuer: 'field-sync', audience: 'field-suite', currentDate: new Date(t.clock.now()),
    });
    expect(protectedHeader.alg).toBe('EdDSA');
    expect(payload.sub).toBe('u-dispatcher');
    expect(payload.exp).toBe(Math.floor(t.clock.now() / 1000) + 900);
  });

  it('stop working after 15 minutes', async () => {
    const session = await t.login('demo', 'medic');
    t.clock.advance(14 * 60_000 + 59_000);
    expect((await t.call('GET', epcrPull, session.accessToken)).status).toBe(200);
    t.clock.advance(1_000);
    const expired = await t.call('GET', epcrPull, session.accessToken);
    expect(expired.status).toBe(401);
    expect(await errorOf(expired)).toEqual({ code: 'unauthorized', message: 'token expired' });
  });

  it('refuse a token signed by another key, even with the same kid', async () => {
    const otherKeys = await generateSigningKeys(t.keys.kid);
    const forged = await signAccessToken(
      { id: 'u-admin', agencyId: 'demo', roles: ['admin'], displayName: 'Mallory' }, 'user', otherKeys, t.clock,
    );
    const res = await t.call('GET', epcrPull, forged);
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('unauthorized');
  });

  it('refuse an unsigned (alg none) token and a refresh token used as an access token', async () => {
    const session = await t.login('demo', 'medic');
    const [, payload] = session.accessToken.split('.');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload ?? ''}.`;
    expect((await t.call('GET', epcrPull, unsigned)).status).toBe(401);
    const asAccess = await t.call('GET', epcrPull, session.refreshToken);
    expect(asAccess.status).toBe(401);
    expect((await errorOf(asAccess)).message).toBe('not an access token');
  });

  it('refuse requests without a token or with a malformed Authorization header', async () => {
    const session = await t.login('demo', 'medic');
    for (const header of ['', 'Bearer', `Basic ${session.accessToken}`, `Bearer ${session.accessToken} extra`, 'Bearer  ']) {
      const res = await t.app.request(epcrPull, { headers: header ? { authorization: header } : {} });
      expect(res.status, header.slice(0, 20)).toBe(401);
    }
    // A token in the query string is only for the SSE stream (EventSource cannot send headers).
    expect((await t.app.request(`${epcrPull}?access_token=${session.accessToken}`)).status).toBe(401);
  });
});
