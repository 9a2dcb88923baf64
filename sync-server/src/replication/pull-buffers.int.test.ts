import { mkdtempSync, rmSync } from 'node:fs';
import http, { type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdaptorServer, type Http2Bindings, type HttpBindings, type ServerType } from '@hono/node-server';
import { makePatientCareReport } from '@field/shared-model/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

/**
 * Pull answers are written into reused buffers (page-buffers.ts, ADR 0008). A buffer handed out
 * again while Node is still sending the answer it held would send one agency's charts inside
 * another's answer. Through a real Node server, with pages of megabytes and a device that stops
 * reading half-way: every device gets exactly its own charts, and the buffers do come back.
 * The server listens on a Unix socket: loopback TCP takes a whole 4 MB answer into its buffers at
 * once, so an answer would never still be on its way when the route is done with it.
 */
const epcrs = '/api/v1/sync/epcrs/0';
const perAgency = 480;
const limit = 240;

let testDb: TestDatabase;
let t: TestApp;
let server: ServerType;
let socketDir: string;
let socketPath: string;
const tokens: Record<'demo' | 'north', string> = { demo: '', north: '' };
const pushed: Record<'demo' | 'north', string[]> = { demo: [], north: [] };

interface Page {
  documents: { id: string; agencyId: string }[];
  checkpoint: string | null;
}

/** Devices that keep their connection open between pulls (as browsers do), and devices that do not. */
const keepAlive = new http.Agent({ keepAlive: true });

/** One GET through node:http; the device reads nothing for `stallMs` after the headers arrive. */
function get(path: string, token: string, stallMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const agent = stallMs > 0 ? false : keepAlive;
    const req = http.get({ socketPath, path, headers: { authorization: `Bearer ${token}` }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.pause();
      setTimeout(() => res.resume(), stallMs);
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** A pull the device gives up on after the first bytes of the answer (a tablet going out of range). */
function abandonedPull(token: string): Promise<void> {
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: `${epcrs}/pull?limit=${limit}`, headers: { authorization: `Bearer ${token}` }, agent: false }, (res) => {
      res.once('data', () => {
        req.destroy();
        resolve();
      });
    });
    req.on('error', () => resolve());
  });
}

async function pullEverything(agency: 'demo' | 'north', stallMs: number): Promise<string[]> {
  const ids: string[] = [];
  let checkpoint: string | null = null;
  for (;;) {
    const query = new URLSearchParams({ limit: String(limit), ...(checkpoint ? { checkpoint } : {}) });
    const res = await get(`${epcrs}/pull?${query.toString()}`, tokens[agency], stallMs);
    expect(res.status).toBe(200);
    const page = JSON.parse(res.text) as Page;
    for (const doc of page.documents) {
      expect(doc.agencyId).toBe(agency);
      ids.push(doc.id);
    }
    checkpoint = page.checkpoint;
    if (page.documents.length < limit) return ids;
  }
}

/** Buffers whose answer Node is still sending, and what went wrong or was seen. */
const sending = new Set<ArrayBufferLike>();
const answered = new Set<ArrayBufferLike>();
const seen = { givenBackWhileSending: 0, answersStillSendingAfterEnd: 0, answers: 0, answersGivenBack: 0 };

/** Notes each answer body from `end()` until its response closes. */
function watchAnswers(req: Request, env: HttpBindings | Http2Bindings): Response | Promise<Response> {
  if (!('outgoing' in env) || !(env.outgoing instanceof http.ServerResponse)) throw new Error('an HTTP/1 server is expected');
  const outgoing: ServerResponse = env.outgoing;
  const end = outgoing.end.bind(outgoing) as (...args: unknown[]) => ServerResponse;
  outgoing.end = ((...args: unknown[]) => {
    const [chunk] = args;
    if (chunk instanceof Uint8Array && chunk.byteLength > 100_000) {
      sending.add(chunk.buffer);
      answered.add(chunk.buffer);
      seen.answers++;
      // Before the route's own close listener, which gives the buffer back.
      outgoing.prependListener('close', () => sending.delete(chunk.buffer));
      const result = end(...args);
      if (outgoing.writableLength > 0) seen.answersStillSendingAfterEnd++;
      return result;
    }
    return end(...args);
  }) as typeof outgoing.end;
  return t.app.fetch(req, env);
}

function watchBufferReturns(): void {
  const { pageBuffers } = t.app;
  const give = pageBuffers.give.bind(pageBuffers);
  pageBuffers.give = (buffer) => {
    if (sending.has(buffer.buffer)) seen.givenBackWhileSending++;
    if (answered.delete(buffer.buffer)) seen.answersGivenBack++;
    give(buffer);
  };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  t = await createTestApp(testDb.database);
  tokens.demo = (await t.login('demo', 'medic')).accessToken;
  tokens.north = (await t.login('north', 'medic')).accessToken;
  const units = { demo: { unitId: 'M1', createdBy: 'u-medic' }, north: { unitId: 'N1', createdBy: 'u-north-medic' } };
  for (const agency of ['demo', 'north'] as const) {
    for (let first = 0; first < perAgency; first += 120) {
      // Long narratives: pages of about 4 MB, more than loopback's socket buffers take at once.
      const docs = Array.from({ length: 120 }, (_, i) => ({
        ...makePatientCareReport({ seed: (agency === 'demo' ? 1 : 50_000) + first + i, realistic: true, agencyId: agency, ...units[agency] }),
        narrative: `${agency} ${first + i} `.padEnd(10_000, 'Pt found supine, GCS 15, c/o chest pain. '),
      }));
      const res = await t.call('POST', `${epcrs}/push`, tokens[agency], docs.map((doc) => ({ newDocumentState: doc })));
      expect(await res.json()).toEqual([]);
      pushed[agency].push(...docs.map((doc) => doc.id));
    }
  }
  watchBufferReturns();
  socketDir = mkdtempSync(join(tmpdir(), 'field-pull-buffers-'));
  socketPath = join(socketDir, 'server.sock');
  server = createAdaptorServer({ fetch: watchAnswers });
  await new Promise<void>((resolve) => server.listen(socketPath, () => resolve()));
}, 120_000);

afterAll(async () => {
  keepAlive.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(socketDir, { recursive: true, force: true });
  await t.app.feed.close();
  await testDb.drop();
});

describe('pull answers in reused buffers', () => {
  it('sends every device exactly its own charts while other devices pull, stall and give up at the same time', async () => {
    const sorted = (ids: string[]) => [...ids].sort();
    for (let round = 0; round < 2; round++) {
      const [slowDemo, fastNorth, slowNorth, fastDemo] = await Promise.all([
        pullEverything('demo', 150),
        pullEverything('north', 0),
        pullEverything('north', 100),
        pullEverything('demo', 0),
        abandonedPull(tokens.demo),
        abandonedPull(tokens.north),
      ]);
      for (const ids of [slowDemo, fastDemo]) expect(sorted(ids ?? [])).toEqual(sorted(pushed.demo));
      for (const ids of [slowNorth, fastNorth]) expect(sorted(ids ?? [])).toEqual(sorted(pushed.north));
    }
    expect(seen.givenBackWhileSending).toBe(0);
    // The test ran the path it is about: answers were still being sent after the route was done
    // with them, and their buffers came back for reuse.
    expect(seen.answersStillSendingAfterEnd).toBeGreaterThan(0);
    await vi.waitFor(() => expect(seen.answersGivenBack).toBe(seen.answers));
    expect(t.app.pageBuffers.pooledBytes).toBeGreaterThan(0);
    expect(t.app.metrics.render()).toMatch(new RegExp(`^sync_pull_buffer_pool_bytes ${t.app.pageBuffers.pooledBytes}$`, 'm'));
  }, 120_000);
});
