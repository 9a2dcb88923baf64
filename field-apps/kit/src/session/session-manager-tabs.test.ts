import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionManager } from './session-manager';

const user = { id: 'u-medic', agencyId: 'demo', roles: ['medic'], unitId: 'M1', displayName: 'Alex Medic' };

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Refresh tokens rotate as on the sync server: a spent one revokes the login. */
function rotatingServer() {
  let issued = 0;
  const spent = new Set<string>();
  let revoked = false;
  vi.stubGlobal('fetch', vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/auth/login')) {
      issued += 1;
      return json({ accessToken: `access-${issued}`, refreshToken: `refresh-${issued}`, expiresIn: 900, user });
    }
    const { refreshToken } = JSON.parse(String(init?.body)) as { refreshToken: string };
    if (revoked || spent.has(refreshToken)) {
      revoked = true;
      return json({ error: { code: 'unauthorized', message: 'refresh token reused' } }, 401);
    }
    spent.add(refreshToken);
    issued += 1;
    return json({ accessToken: `access-${issued}`, refreshToken: `refresh-${issued}`, expiresIn: 900, user });
  }));
  return { revoked: () => revoked };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SessionManager in two tabs of one browser', () => {
  it('adopts the tokens another tab renewed instead of spending the same refresh token again', async () => {
    const server = rotatingServer();
    const store = createStore('session-tabs-test', 'session');
    const first = await SessionManager.load({ store, now: () => 0 });
    await first.login({ agency: 'demo', username: 'medic', password: 'x' });
    const second = await SessionManager.load({ store, now: () => 0 });

    await first.refresh();
    const renewed = await second.refresh();

    expect(server.revoked()).toBe(false);
    expect(renewed.refreshToken).toBe(first.session?.refreshToken);
    // And the second tab can renew on its own afterwards.
    await second.refresh();
    expect(server.revoked()).toBe(false);
  });
});
