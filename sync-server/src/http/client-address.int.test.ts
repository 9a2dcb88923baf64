import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { generateSigningKeys } from '../auth/keys';
import { ManualClock } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { parseTrustedProxies } from './rate-limit';

const proxy = '10.0.0.5';
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.drop();
});

/** A server allowing 3 sign-in attempts a minute per client address. */
async function serverBehind(trustedProxies: string[]) {
  const app = createApp({
    database: testDb.database, keys: await generateSigningKeys('k'), clock: new ManualClock(),
    authRateLimits: { perAddress: 3, perAccount: 100, trustedProxies },
  });
  /** One failed sign-in from socket peer `peer`, with the given X-Forwarded-For; answers the status. */
  return async (peer: string, forwardedFor?: string): Promise<number> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
    const res = await app.request('/api/v1/auth/login', {
      method: 'POST', headers, body: JSON.stringify({ agency: 'demo', username: 'nobody', password: 'x' }),
    }, { incoming: { socket: { remoteAddress: peer } } });
    return res.status;
  };
}

async function attempts(signIn: () => Promise<number>, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) statuses.push(await signIn());
  return statuses;
}

describe('client address behind a reverse proxy', () => {
  it('limits each forwarded client on its own when the proxy is trusted', async () => {
    const signIn = await serverBehind([proxy]);
    expect(await attempts(() => signIn(proxy, '192.0.2.1'), 4)).toEqual([401, 401, 401, 429]);
    // Another tablet behind the same proxy still gets in.
    expect(await signIn(`::ffff:${proxy}`, '192.0.2.2')).toBe(401);
  });

  it('cannot be dodged by writing a fresh address into X-Forwarded-For', async () => {
    const signIn = await serverBehind([proxy]);
    // The proxy appends the real peer; what the client wrote sits to its left and is never read.
    const spoofed = await attempts(() => signIn(proxy, `198.51.100.${Math.floor(Math.random() * 250)}, 192.0.2.9`), 4);
    expect(spoofed).toEqual([401, 401, 401, 429]);
    // Without a trusted proxy the header is ignored: one peer is one client whatever it claims.
    const direct = await serverBehind([]);
    const claims = await attempts(async () => direct('203.0.113.7', `192.0.2.${Math.floor(Math.random() * 250)}`), 4);
    expect(claims).toEqual([401, 401, 401, 429]);
  });

  it('refuses a TRUSTED_PROXIES entry that is not an IP address', () => {
    expect(parseTrustedProxies(' 10.0.0.5 , ::1 ')).toEqual(['10.0.0.5', '::1']);
    expect(() => parseTrustedProxies('proxy.local')).toThrow(/IP addresses/);
  });
});
