import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePatientCareReport } from '@field/shared-model/testing';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { demoPassword } from '../demo-data';
import { createScratchPostgres, startChildServer, type ChildServer } from './child-server';

/**
 * The real server in a child process: SIGTERM lets an in-flight push finish and exits 0; SIGKILL in
 * the middle of a push leaves all of the batch or none of it, and the server starts again on the same data.
 * Runs on embedded PGlite (DATA_DIR) or, with DATABASE_URL, on a fresh Postgres database.
 */
const batchSize = 1000;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Storage {
  dataDir: string;
  databaseUrl: string | undefined;
}

async function createStorage(): Promise<Storage> {
  const dataDir = mkdtempSync(join(tmpdir(), 'field-shutdown-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  if (!process.env.DATABASE_URL) return { dataDir, databaseUrl: undefined };
  const scratch = await createScratchPostgres(process.env.DATABASE_URL);
  cleanups.push(() => scratch.drop());
  return { dataDir, databaseUrl: scratch.url };
}

async function start(storage: Storage): Promise<ChildServer> {
  const server = await startChildServer(storage);
  cleanups.push(async () => {
    if (server.process.exitCode === null && server.process.signalCode === null) {
      server.process.kill('SIGKILL');
      await server.exited;
    }
  });
  return server;
}

async function login(server: ChildServer, username: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agency: 'demo', username, password: demoPassword }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** `batchSize` charts in one push body: full ~8 KB charts (8.7 MB) or minimal drafts (0.6 MB). */
function batch(firstSeed: number, realistic = true): { ids: string[]; body: Buffer } {
  const docs = Array.from({ length: batchSize }, (_, i) => ({
    ...makePatientCareReport({ seed: firstSeed + i, realistic, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }),
    _deleted: false,
  }));
  return { ids: docs.map((d) => d.id), body: Buffer.from(JSON.stringify(docs.map((d) => ({ newDocumentState: d })))) };
}

/** A push whose body we write by hand, so the test decides when the request is in flight. */
function openPush(server: ChildServer, token: string, length: number) {
  const req = http.request(`${server.baseUrl}/api/v1/sync/epcrs/0/push`, {
    method: 'POST', agent: false,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(length) },
  });
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  const write = (chunk: Buffer) => new Promise<void>((resolve, reject) => {
    req.write(chunk, (err) => (err ? reject(err) : resolve()));
  });
  return { req, response, write };
}

async function pulledIds(server: ChildServer, token: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let checkpoint = '';
  for (;;) {
    const res = await fetch(`${server.baseUrl}/api/v1/sync/epcrs/0/pull?limit=1000&checkpoint=${encodeURIComponent(checkpoint)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { documents: { id: string; _deleted: boolean }[]; checkpoint: string | null };
    for (const d of body.documents) if (!d._deleted) ids.add(d.id);
    if (body.documents.length < 1000) return ids;
    checkpoint = body.checkpoint ?? '';
  }
}

/** A fresh connection (no keep-alive pool): rejects when nothing listens any more. */
function probeHealth(server: ChildServer): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(`${server.baseUrl}/health`, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

async function stopGracefully(server: ChildServer): Promise<void> {
  server.process.kill('SIGTERM');
  expect((await server.exited).code).toBe(0);
}

describe('shutdown', () => {
  it('SIGTERM lets an in-flight push of 1000 drafts finish with 200, refuses new connections and exits 0', async () => {
    const storage = await createStorage();
    const server = await start(storage);
    const token = await login(server, 'medic');
    // Minimal drafts: the push must finish within the server's 10 s drain grace even on a loaded machine.
    const { ids, body } = batch(1, false);
    const push = openPush(server, token, body.length);
    const half = Math.floor(body.length / 2);
    await push.write(body.subarray(0, half));
    expect(await probeHealth(server)).toBe(200); // the server has the push's headers by now

    server.process.kill('SIGTERM');
    await server.waitForOutput('SIGTERM: draining');
    await expect(probeHealth(server)).rejects.toThrow();
    await push.write(body.subarray(half));
    push.req.end();
    const sigtermAt = performance.now();
    const res = await push.response.catch((err: unknown) => {
      throw new Error(`${String(err)} ${Math.round(performance.now() - sigtermAt)} ms after SIGTERM; server output:\n${server.output()}`);
    });
    console.info(`SIGTERM drain: the in-flight push answered ${Math.round(performance.now() - sigtermAt)} ms after SIGTERM`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual([]);
    expect(await server.exited).toEqual({ code: 0, signal: null });

    const again = await start(storage);
    const all = await pulledIds(again, await login(again, 'supervisor'));
    expect(ids.filter((id) => !all.has(id))).toEqual([]);
    await stopGracefully(again);
  }, 240_000);

  it('SIGKILL during a push leaves all of the batch or none of it, and the server restarts on the same data', async () => {
    const storage = await createStorage();
    const server = await start(storage);
    const token = await login(server, 'medic');
    // PGlite runs a transaction without yielding to the event loop, so nothing can be observed from
    // outside while it runs: time an identical push first and kill the second one halfway through it.
    let calibrationMs = 0;
    if (!storage.databaseUrl) {
      const calibration = batch(9001);
      const push = openPush(server, token, calibration.body.length);
      await push.write(calibration.body);
      const sentAt = performance.now();
      push.req.end();
      expect((await push.response).status).toBe(200);
      calibrationMs = performance.now() - sentAt;
    }
    const { ids, body } = batch(5001);
    const push = openPush(server, token, body.length);
    push.response.catch(() => undefined);
    await push.write(body);
    push.req.end();
    if (storage.databaseUrl) {
      // Kill while the push transaction holds its per-document locks: it is certainly open, not committed.
      const watcher = postgres(storage.databaseUrl, { max: 1, onnotice: () => {} });
      for (;;) {
        const [row] = await watcher<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`;
        if ((row?.n ?? 0) >= batchSize / 2) break;
      }
      server.process.kill('SIGKILL');
      await watcher.end();
    } else {
      await new Promise((resolve) => setTimeout(resolve, calibrationMs / 2));
      server.process.kill('SIGKILL');
    }
    expect((await server.exited).signal).toBe('SIGKILL');
    // On Postgres the kill certainly lands inside the transaction. On PGlite it is timed, and on a
    // loaded machine the push may finish first: the all-or-nothing check below holds either way.
    if (storage.databaseUrl) await expect(push.response).rejects.toThrow();

    const again = await start(storage);
    const present = await pulledIds(again, await login(again, 'supervisor'));
    const written = ids.filter((id) => present.has(id)).length;
    console.info(`after SIGKILL mid-push (${storage.databaseUrl ? 'postgres' : `pglite, push takes ${Math.round(calibrationMs)} ms`}): ${written} of ${batchSize} charts present`);
    expect([0, batchSize]).toContain(written);
    if (storage.databaseUrl) expect(written).toBe(0);

    // The restarted server is fully usable: the same batch pushed again commits completely.
    const retry = await fetch(`${again.baseUrl}/api/v1/sync/epcrs/0/push`, {
      method: 'POST', headers: { authorization: `Bearer ${await login(again, 'medic')}`, 'content-type': 'application/json' }, body,
    });
    expect(retry.status).toBe(200);
    const afterRetry = await pulledIds(again, await login(again, 'supervisor'));
    expect(ids.filter((id) => !afterRetry.has(id))).toEqual([]);
    await stopGracefully(again);
  }, 300_000);
});
