import { createApp, type SyncServerApp } from '../app';
import { generateSigningKeys, type SigningKeys } from '../auth/keys';
import type { SessionResponse } from '../auth/sessions';
import type { Clock } from '../clock';
import type { Database } from '../db/connect';
import { demoPassword, seedDemoData } from '../demo-data';

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private ms = Date.parse('2026-11-23T10:00:00.000Z')) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
}

export interface TestApp {
  app: SyncServerApp;
  clock: ManualClock;
  keys: SigningKeys;
  /** Logs a demo user in (password `demo-password`). */
  login(agency: string, username: string): Promise<SessionResponse>;
  /** JSON request with a bearer token. */
  call(method: string, path: string, token?: string, body?: unknown): Promise<Response>;
}

let sharedKeys: Promise<SigningKeys> | undefined;

/** The app over `database`, with demo data seeded and a manual clock. */
export async function createTestApp(database: Database, options: { clock?: ManualClock; seed?: boolean } = {}): Promise<TestApp> {
  const clock = options.clock ?? new ManualClock();
  sharedKeys ??= generateSigningKeys('test-key');
  const keys = await sharedKeys;
  if (options.seed ?? true) await seedDemoData(database, new Date(clock.now()));
  const app = createApp({ database, keys, clock });
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  return {
    app, clock, keys, call,
    async login(agency, username) {
      const res = await call('POST', '/api/v1/auth/login', undefined, { agency, username, password: demoPassword });
      if (res.status !== 200) throw new Error(`login ${agency}/${username}: ${res.status} ${await res.text()}`);
      return (await res.json()) as SessionResponse;
    },
  };
}
