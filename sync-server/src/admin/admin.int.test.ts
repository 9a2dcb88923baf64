import { makePatientCareReport } from '@field/shared-model/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { rowsOf } from '../db/rows';
import { SseReader } from '../testing/sse-reader';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { accountStatusTtlMs } from '../auth/account-status';
import { runAdmin } from './run-admin';

/** `pnpm -s admin`: what an agency's IT person does, checked through the real sign-in routes. */
let testDb: TestDatabase;
let t: TestApp;

interface Run {
  code: number;
  out: string;
  err: string;
}

async function admin(argv: string[], stdin = ''): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, {
    db: testDb.database.db,
    actor: { id: 'admin-cli:it-person' },
    io: { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => stdin },
    now: () => new Date(t.clock.now()),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function login(agency: string, username: string, password: string) {
  return t.call('POST', '/api/v1/auth/login', undefined, { agency, username, password });
}

function passwordIn(run: Run): string {
  const match = /password \(shown once; hand it to the user\): (\S+)/.exec(run.out);
  if (!match?.[1]) throw new Error(`no password in: ${run.out}`);
  return match[1];
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  t = await createTestApp(testDb.database);
});
afterAll(async () => {
  await testDb.drop();
});

describe('admin command', () => {
  it('adds an agency and a medic who can then sign in with the password printed once', async () => {
    expect(await admin(['agency', 'add', 'east', '--name', 'East County EMS'])).toMatchObject({ code: 0 });
    expect((await admin(['agency', 'list'])).out).toMatch(/^east\tEast County EMS\t0 user\(s\)$/m);
    const added = await admin(['user', 'add', 'east', 'jdoe', '--role', 'medic', '--unit', 'E1', '--name', 'Jo Doe']);
    expect(added.code).toBe(0);
    const res = await login('east', 'jdoe', passwordIn(added));
    expect(res.status).toBe(200);
    const session = (await res.json()) as { user: { roles: string[]; unitId?: string; agencyId: string } };
    expect(session.user).toMatchObject({ roles: ['medic'], unitId: 'E1', agencyId: 'east' });
    expect((await admin(['user', 'list', 'east'])).out).toBe('jdoe\tJo Doe\tmedic\tE1\tactive');
  });

  it('refuses with a reason, and changes nothing, for bad input', async () => {
    const duplicate = await admin(['agency', 'add', 'east', '--name', 'Again']);
    expect(duplicate).toMatchObject({ code: 1, err: 'agency "east" already exists' });
    expect((await admin(['user', 'add', 'nowhere', 'x', '--role', 'medic', '--name', 'X'])).err).toMatch(/there is no agency "nowhere"/);
    expect((await admin(['user', 'add', 'east', 'x', '--role', 'chief', '--name', 'X'])).err).toMatch(/unknown role "chief"/);
    expect((await admin(['user', 'add', 'east', 'x', '--role', 'patient', '--name', 'X'])).err).toMatch(/unknown role "patient"/);
    expect((await admin(['user', 'add', 'east', 'jdoe', '--role', 'emt', '--name', 'Other'])).err).toMatch(/already has a user "jdoe"/);
    expect((await admin(['user', 'add', 'east', 'short', '--role', 'emt', '--name', 'S', '--password-stdin'], 'too-short'))).toMatchObject({ code: 1 });
    expect((await admin(['user', 'add', 'east', 'bad name', '--role', 'emt', '--name', 'B'])).err).toMatch(/username "bad name"/);
    expect(await admin(['user', 'add', 'east', 'x', '--role', 'medic'])).toMatchObject({ code: 2 });
    expect(await admin(['user', 'frobnicate', 'east'])).toMatchObject({ code: 2 });
    expect(await admin(['user', 'list', 'east', '--colour'])).toMatchObject({ code: 2 });
    expect((await admin(['user', 'list', 'east'])).out.split('\n')).toHaveLength(1);
  });

  it('a new password signs the user out everywhere; the old one no longer works', async () => {
    await admin(['user', 'add', 'east', 'kim', '--role', 'emt', '--name', 'Kim Lee', '--password-stdin'], 'first-password-123\n');
    const before = (await (await login('east', 'kim', 'first-password-123')).json()) as { refreshToken: string };
    const changed = await admin(['user', 'password', 'east', 'kim', '--password-stdin'], 'second-password-456\n');
    expect(changed).toMatchObject({ code: 0 });
    expect(changed.out).toMatch(/1 session\(s\) signed out/);
    expect((await t.call('POST', '/api/v1/auth/refresh', undefined, { refreshToken: before.refreshToken })).status).toBe(401);
    expect((await login('east', 'kim', 'first-password-123')).status).toBe(401);
    expect((await login('east', 'kim', 'second-password-456')).status).toBe(200);
  });

  it('a disabled user can neither sign in nor renew a session until enabled again', async () => {
    const added = await admin(['user', 'add', 'east', 'pat', '--role', 'dispatcher', '--name', 'Pat Doe']);
    const password = passwordIn(added);
    const session = (await (await login('east', 'pat', password)).json()) as { refreshToken: string };
    expect((await admin(['user', 'disable', 'east', 'pat'])).out).toMatch(/disabled; 1 session\(s\) signed out/);
    expect((await login('east', 'pat', password)).status).toBe(401);
    expect((await t.call('POST', '/api/v1/auth/refresh', undefined, { refreshToken: session.refreshToken })).status).toBe(401);
    expect((await admin(['user', 'list', 'east'])).out).toMatch(/^pat\tPat Doe\tdispatcher\t-\tdisabled$/m);
    await admin(['user', 'enable', 'east', 'pat']);
    expect((await login('east', 'pat', password)).status).toBe(200);
  });

  it('an access token issued before the user was disabled stops working within 30 s, and so does its live stream', async () => {
    const added = await admin(['user', 'add', 'east', 'lee', '--role', 'medic', '--unit', 'E2', '--name', 'Lee Park']);
    const password = passwordIn(added);
    const { accessToken } = (await (await login('east', 'lee', password)).json()) as { accessToken: string };
    const pull = () => t.call('GET', '/api/v1/sync/epcrs/0/pull', accessToken);
    expect((await pull()).status).toBe(200);
    t.clock.advance(2000);
    await admin(['user', 'disable', 'east', 'lee']);
    t.clock.advance(accountStatusTtlMs + 1000);
    const refused = await pull();
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/disabled/);
    expect((await t.call('GET', '/api/v1/sync/epcrs/0/stream', accessToken)).status).toBe(401);
    await admin(['user', 'enable', 'east', 'lee']);
    t.clock.advance(accountStatusTtlMs + 1000);
    // Enabling does not bring old tokens back; a new sign-in works.
    expect((await pull()).status).toBe(401);
    const fresh = (await (await login('east', 'lee', password)).json()) as { accessToken: string };
    expect((await t.call('GET', '/api/v1/sync/epcrs/0/pull', fresh.accessToken)).status).toBe(200);
  });

  it('closes the open live stream of a user who is disabled, at its next keep-alive', async () => {
    const streaming = createApp({ database: testDb.database, keys: t.keys, clock: t.clock, streamKeepAliveMs: 50 });
    const added = await admin(['user', 'add', 'east', 'val', '--role', 'medic', '--unit', 'E3', '--name', 'Val Ruiz']);
    const { accessToken } = (await (await login('east', 'val', passwordIn(added))).json()) as { accessToken: string };
    const stream = new SseReader(await streaming.request('/api/v1/sync/epcrs/0/stream', { headers: { authorization: `Bearer ${accessToken}` } }));
    try {
      expect(await stream.next()).toBe('RESYNC');
      t.clock.advance(2000);
      await admin(['user', 'disable', 'east', 'val']);
      t.clock.advance(accountStatusTtlMs + 1000);
      await stream.waitClosed(5000);
      expect(stream.closed).toBe(true);
    } finally {
      await stream.close();
      await streaming.feed.close();
    }
  });

  it('a new password ends the access tokens issued before it (within 30 s); a new sign-in works', async () => {
    await admin(['user', 'add', 'east', 'ray', '--role', 'emt', '--name', 'Ray Cho', '--password-stdin'], 'old-password-1234\n');
    const { accessToken } = (await (await login('east', 'ray', 'old-password-1234')).json()) as { accessToken: string };
    expect((await t.call('GET', '/api/v1/sync/epcrs/0/pull', accessToken)).status).toBe(200);
    t.clock.advance(2000);
    await admin(['user', 'password', 'east', 'ray', '--password-stdin'], 'new-password-5678\n');
    t.clock.advance(accountStatusTtlMs + 1000);
    const refused = await t.call('GET', '/api/v1/sync/epcrs/0/pull', accessToken);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/session was ended/);
    const fresh = (await (await login('east', 'ray', 'new-password-5678')).json()) as { accessToken: string };
    expect((await t.call('GET', '/api/v1/sync/epcrs/0/pull', fresh.accessToken)).status).toBe(200);
  });

  it('a change of roles or unit reaches the user at the next session renewal', async () => {
    const added = await admin(['user', 'add', 'east', 'sam', '--role', 'emt', '--unit', 'E1', '--name', 'Sam Roe']);
    const session = (await (await login('east', 'sam', passwordIn(added))).json()) as { refreshToken: string };
    expect(await admin(['user', 'update', 'east', 'sam', '--role', 'supervisor', '--unit', ''])).toMatchObject({ code: 0 });
    const renewed = (await (await t.call('POST', '/api/v1/auth/refresh', undefined, { refreshToken: session.refreshToken })).json()) as {
      user: { roles: string[]; unitId?: string };
    };
    expect(renewed.user.roles).toEqual(['supervisor']);
    expect(renewed.user.unitId).toBeUndefined();
  });

  it('answers "who saw this chart": every push and delivery of it, newest first', async () => {
    const medic = (await t.login('demo', 'medic')).accessToken;
    const supervisor = (await t.login('demo', 'supervisor')).accessToken;
    const chart = { ...makePatientCareReport({ seed: 77, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }), _deleted: false };
    expect((await t.call('POST', '/api/v1/sync/epcrs/0/push', medic, [{ newDocumentState: chart }])).status).toBe(200);
    expect((await t.call('GET', '/api/v1/sync/epcrs/0/pull?limit=1000', supervisor)).status).toBe(200);
    const trail = await admin(['audit', 'demo', '--document', chart.id]);
    expect(trail.code).toBe(0);
    const lines = trail.out.split('\n').map((line) => line.split('\t'));
    expect(lines.map((l) => [l[1], l[2]])).toEqual([['u-supervisor', 'epcrs.pull'], ['u-medic', 'epcrs.push']]);
    expect((await admin(['audit', 'demo', '--user', 'u-medic', '--limit', '1'])).out.split('\n')).toHaveLength(1);
    expect((await admin(['audit', 'demo', '--since', 'yesterday'])).code).toBe(1);
    expect((await admin(['audit', 'demo', '--limit', 'lots'])).code).toBe(1);
    expect((await admin(['audit', 'nowhere'])).code).toBe(1);
    expect((await admin(['audit'])).code).toBe(2);
  });

  it('writes every change to the audit log with who ran it, never a password', async () => {
    const result = await testDb.database.db.execute(sql`
      SELECT action, detail::text AS detail FROM audit_log WHERE actor_id = 'admin-cli:it-person' AND agency_id = 'east' ORDER BY id`);
    const rows = rowsOf<{ action: string; detail: string }>(result);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining([
      'admin.agency.add', 'admin.user.add', 'admin.user.password', 'admin.user.disable', 'admin.user.enable', 'admin.user.update',
    ]));
    expect(rows.some((r) => /password-123|password-456/.test(r.detail))).toBe(false);
  });
});
