import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppOutdatedError, SessionExpiredError } from './api-errors';
import { SessionManager } from './session-manager';

const user = { id: 'u-medic', agencyId: 'demo', roles: ['medic'], unitId: 'M1', displayName: 'Alex Medic' };

function tokens(n: number) {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900, user };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A fake sync server: counts refreshes, answers 401 to stale access tokens. */
function fakeServer(options: { validAccess: () => string; refreshStatus?: number; dataStatus?: number }) {
  let issued = 0;
  const calls: string[] = [];
  const fetchMock = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    calls.push(url);
    if (url.endsWith('/auth/login')) return json(tokens(++issued));
    if (url.endsWith('/auth/refresh')) {
      if (options.refreshStatus) return json({ error: { code: 'unauthorized', message: 'revoked' } }, options.refreshStatus);
      return json(tokens(++issued));
    }
    if (options.dataStatus) return json({ error: { code: 'upgrade_required', message: 'update' } }, options.dataStatus);
    const auth = new Headers(init?.headers).get('authorization');
    return auth === `Bearer ${options.validAccess()}` ? json({ ok: true }) : json({ error: { code: 'unauthorized', message: 'expired' } }, 401);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, refreshes: () => calls.filter((c) => c.endsWith('/auth/refresh')).length };
}

let storeCount = 0;
const freshStore = () => createStore(`session-test-${++storeCount}`, 'session');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SessionManager', () => {
  it('keeps the session across a reload (opens offline with it)', async () => {
    fakeServer({ validAccess: () => 'access-1' });
    const store = freshStore();
    const first = await SessionManager.load({ store, now: () => 0 });
    await first.login({ agency: 'demo', username: 'medic', password: 'x' });
    const reloaded = await SessionManager.load({ store, now: () => 0 });
    expect(reloaded.session?.user.displayName).toBe('Alex Medic');
    expect(reloaded.session?.accessToken).toBe('access-1');
  });

  it('renews the token once when many requests meet a 401 at the same time', async () => {
    let valid = 'access-1';
    const server = fakeServer({ validAccess: () => valid });
    const session = await SessionManager.load({ store: freshStore(), now: () => 0 });
    await session.login({ agency: 'demo', username: 'medic', password: 'x' });
    valid = 'access-2';
    const answers = await Promise.all([1, 2, 3, 4].map(() => session.fetch('/api/v1/sync/epcrs/0/pull')));
    expect(answers.every((r) => r.ok)).toBe(true);
    expect(server.refreshes()).toBe(1);
    expect(session.session?.refreshToken).toBe('refresh-2');
  });

  it('renews before the access token expires', async () => {
    let now = 0;
    const server = fakeServer({ validAccess: () => (now < 900_000 ? 'access-1' : 'access-2') });
    const session = await SessionManager.load({ store: freshStore(), now: () => now });
    await session.login({ agency: 'demo', username: 'medic', password: 'x' });
    now = 870_000; // 30 s left, inside the 60 s margin
    expect(await session.getAccessToken()).toBe('access-2');
    expect(server.refreshes()).toBe(1);
  });

  it('renews a short-lived token in its last quarter, not on every request', async () => {
    let now = 0;
    let issued = 0;
    vi.stubGlobal('fetch', vi.fn(async (input: string | URL | Request) => {
      issued += String(input).endsWith('/auth/refresh') ? 1 : 0;
      return json({ ...tokens(issued + 1), expiresIn: 20 });
    }));
    const session = await SessionManager.load({ store: freshStore(), now: () => now });
    await session.login({ agency: 'demo', username: 'medic', password: 'x' });
    now = 10_000; // half of a 20 s token left: no renewal yet, although a minute is the usual margin
    expect(await session.getAccessToken()).toBe('access-1');
    now = 16_000; // the last quarter
    expect(await session.getAccessToken()).toBe('access-2');
    expect(issued).toBe(1);
  });

  it('says "sign in again" when the refresh token is refused, and "update the app" on 426', async () => {
    fakeServer({ validAccess: () => 'never', refreshStatus: 401 });
    const session = await SessionManager.load({ store: freshStore(), now: () => 0 });
    await session.login({ agency: 'demo', username: 'medic', password: 'x' });
    await expect(session.fetch('/api/v1/sync/epcrs/0/pull')).rejects.toBeInstanceOf(SessionExpiredError);

    fakeServer({ validAccess: () => 'access-1', dataStatus: 426 });
    const outdated = await SessionManager.load({ store: freshStore(), now: () => 0 });
    await outdated.login({ agency: 'demo', username: 'medic', password: 'x' });
    await expect(outdated.fetch('/api/v1/sync/epcrs/0/pull')).rejects.toBeInstanceOf(AppOutdatedError);
  });
});
