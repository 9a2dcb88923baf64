import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderError } from '../errors';
import { limitBody } from './body-limit';

/** Through a real Node server: the limit must hold for bodies with and without Content-Length. */
const limit = 64 * 1024;
let server: ServerType;
let port: number;
const reached: string[] = [];

beforeAll(async () => {
  const app = new Hono();
  app.onError(renderError);
  app.use('*', limitBody(limit));
  app.post('/echo', async (c) => {
    reached.push('echo');
    return c.text(await c.req.text());
  });
  app.get('/ping', (c) => c.text('pong'));
  server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Answer {
  status: number;
  text: string;
}

/** Sends `body` in `chunks` writes; `declared` sets Content-Length, otherwise Node sends it chunked. */
function send(method: string, path: string, body: string, options: { declared: boolean; chunks?: number }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.from(body, 'utf8');
    const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
    if (options.declared) headers['content-length'] = String(bytes.length);
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
    });
    // The server may answer 413 and close before the whole body is written.
    req.on('error', (error) => (error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error)));
    const chunks = options.chunks ?? 1;
    const size = Math.ceil(bytes.length / chunks);
    for (let at = 0; at < bytes.length; at += size) req.write(bytes.subarray(at, at + size));
    req.end();
  });
}

describe('limitBody', () => {
  it('refuses a declared body over the limit with 413 before the route sees it', async () => {
    reached.length = 0;
    const answer = await send('POST', '/echo', 'x'.repeat(limit + 1), { declared: true });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(reached).toEqual([]);
  });

  it('refuses a chunked body over the limit with 413, counting what arrives', async () => {
    reached.length = 0;
    const answer = await send('POST', '/echo', 'y'.repeat(limit * 2), { declared: false, chunks: 8 });
    expect(answer.status).toBe(413);
    expect(reached).toEqual([]);
  });

  it('hands the route every byte of a body at the limit, declared or chunked, multi-byte text intact', async () => {
    // 'é' is two bytes: the body is exactly `limit` bytes and spans several socket reads.
    const body = 'é'.repeat(limit / 2);
    expect(Buffer.byteLength(body)).toBe(limit);
    for (const declared of [true, false]) {
      const answer = await send('POST', '/echo', body, { declared, chunks: 5 });
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(body);
    }
  });

  it('lets a GET without a body through', async () => {
    const answer = await new Promise<Answer>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: '/ping', agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (part: string) => (text += part));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      }).on('error', reject);
    });
    expect(answer).toEqual({ status: 200, text: 'pong' });
  });
});
