import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { makePatientCareReport } from '@field/shared-model/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords';
import { rowsOf } from '../db/rows';
import { users } from '../db/schema';
import { demoPassword } from '../demo-data';
import { createTestApp, type TestApp } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

let testDb: TestDatabase;
let t: TestApp;
const tokens: Record<'medic' | 'emt' | 'supervisor' | 'dispatcher' | 'northMedic' | 'otherUnitMedic', string> = {
  medic: '', emt: '', supervisor: '', dispatcher: '', northMedic: '', otherUnitMedic: '',
};

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A real, decodable RGB PNG of `width` x 1 pixels whose colour depends on `seed`. */
function makePng(seed: number, width = 2): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, deflate, no filter, no interlace
  const scanline = Buffer.from([0, ...Array.from({ length: width * 3 }, (_, i) => (seed * 37 + i * 11) % 256)]);
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(scanline)), pngChunk('IEND', Buffer.alloc(0)),
  ]));
}

/** A JFIF header (SOI, APP0) followed by `payload` and EOI: what the magic-byte check sees of a camera JPEG. */
function makeJpeg(payload: string): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  return new Uint8Array([0xff, 0xd8, ...app0, ...Buffer.from(payload), 0xff, 0xd9]);
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function put(token: string, hash: string, bytes: Uint8Array, contentType: string): Promise<Response> {
  return t.app.request(`/api/v1/attachments/${hash}`, {
    method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body: bytes,
  });
}

async function get(token: string, hash: string): Promise<Response> {
  return t.app.request(`/api/v1/attachments/${hash}`, { headers: { authorization: `Bearer ${token}` } });
}

async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

async function auditReaders(hash: string): Promise<string[]> {
  const rows = rowsOf<{ actor_id: string }>(await testDb.database.db.execute(sql`
    SELECT actor_id FROM audit_log WHERE action = 'attachment.read' AND ${hash} = ANY(document_ids) ORDER BY id`));
  return rows.map((r) => r.actor_id);
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  t = await createTestApp(testDb.database);
  // A medic of another unit of the same agency (the demo data has none).
  await testDb.database.db.insert(users).values({
    agencyId: 'demo', id: 'u-medic-m2', username: 'medic-m2', displayName: 'Mo Medic', roles: ['medic'], unitId: 'M2',
    passwordHash: await hashPassword(demoPassword),
  });
  tokens.medic = (await t.login('demo', 'medic')).accessToken;
  tokens.emt = (await t.login('demo', 'emt')).accessToken;
  tokens.supervisor = (await t.login('demo', 'supervisor')).accessToken;
  tokens.dispatcher = (await t.login('demo', 'dispatcher')).accessToken;
  tokens.northMedic = (await t.login('north', 'medic')).accessToken;
  tokens.otherUnitMedic = (await t.login('demo', 'medic-m2')).accessToken;
});
afterAll(async () => {
  await testDb.drop();
});

describe('PUT /api/v1/attachments/:sha256', () => {
  it('stores a PNG (201), and answers 200 to the same upload again', async () => {
    const png = makePng(1);
    const hash = sha256Of(png);
    const first = await put(tokens.medic, hash, png, 'image/png');
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ sha256: hash, size: png.length, contentType: 'image/png' });
    const again = await put(tokens.medic, hash, png, 'image/png');
    expect(again.status).toBe(200);
    const upper = await put(tokens.emt, hash.toUpperCase(), png, 'image/png');
    expect(upper.status).toBe(200);
  });

  it('stores a JPEG whose content type carries parameters', async () => {
    const jpeg = makeJpeg('scene photo 1');
    expect((await put(tokens.medic, sha256Of(jpeg), jpeg, 'image/jpeg; charset=binary')).status).toBe(201);
  });

  it('refuses a hash that does not match the bytes with 422', async () => {
    const png = makePng(2);
    const res = await put(tokens.medic, sha256Of(makePng(3)), png, 'image/png');
    expect(res.status).toBe(422);
    expect(await errorCode(res)).toBe('unprocessable');
    expect((await get(tokens.medic, sha256Of(makePng(3)))).status).toBe(404);
  });

  it('refuses types outside the allow-list and bytes that are not the declared type with 415', async () => {
    const gif = new Uint8Array([...Buffer.from('GIF89a'), 1, 0, 1, 0, 0, 0, 0]);
    const asGif = await put(tokens.medic, sha256Of(gif), gif, 'image/gif');
    expect(asGif.status).toBe(415);
    expect(await errorCode(asGif)).toBe('unsupported_media_type');
    const html = new Uint8Array(Buffer.from('<html><script>alert(1)</script></html>'));
    expect((await put(tokens.medic, sha256Of(html), html, 'text/html')).status).toBe(415);
    const png = makePng(4);
    const mislabelled = await put(tokens.medic, sha256Of(png), png, 'image/jpeg');
    expect(mislabelled.status).toBe(415);
    expect((await put(tokens.medic, sha256Of(html), html, 'image/png')).status).toBe(415);
    expect((await put(tokens.medic, sha256Of(png), png, '')).status).toBe(415);
  });

  it('refuses an attachment over 10 MB with 413', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(makeJpeg(''), 0);
    const res = await put(tokens.medic, sha256Of(big), big, 'image/jpeg');
    expect(res.status).toBe(413);
    expect(await errorCode(res)).toBe('payload_too_large');
    expect((await get(tokens.medic, sha256Of(big))).status).toBe(404);
  });

  it('answers a malformed hash with 400 and an empty body with 400', async () => {
    const png = makePng(5);
    for (const hash of ['abc', `${sha256Of(png)}0`, 'g'.repeat(64), `${sha256Of(png).slice(0, 63)}%20`]) {
      const res = await put(tokens.medic, hash, png, 'image/png');
      expect(res.status, hash).toBe(400);
      expect(await errorCode(res)).toBe('bad_request');
    }
    const empty = new Uint8Array(0);
    expect((await put(tokens.medic, sha256Of(empty), empty, 'image/png')).status).toBe(400);
  });

  it('requires a crew login', async () => {
    const png = makePng(6);
    expect((await t.app.request(`/api/v1/attachments/${sha256Of(png)}`, {
      method: 'PUT', headers: { 'content-type': 'image/png' }, body: png,
    })).status).toBe(401);
  });
});

describe('GET /api/v1/attachments/:sha256', () => {
  it('serves a photo to its uploader and to those who may read a chart that references it, and audits each read', async () => {
    const jpeg = makeJpeg('ECG strip, ST elevation');
    const hash = sha256Of(jpeg);
    expect((await put(tokens.medic, hash, jpeg, 'image/jpeg')).status).toBe(201);

    const own = await get(tokens.medic, hash);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/jpeg');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(jpeg);

    // Before a chart references it, the unit partner cannot fetch it.
    expect((await get(tokens.emt, hash)).status).toBe(404);

    const chart = {
      ...makePatientCareReport({ seed: 50, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }),
      photos: [{ id: 'photo-1', caption: '12 lead', takenAt: '2026-11-23T10:01:00.000Z', attachmentSha256: hash, contentType: 'image/jpeg' }],
      _deleted: false,
    };
    const pushed = await t.call('POST', '/api/v1/sync/epcrs/0/push', tokens.medic, [{ newDocumentState: chart }]);
    expect(await pushed.json()).toEqual([]);

    const partner = await get(tokens.emt, hash);
    expect(partner.status).toBe(200);
    expect(new Uint8Array(await partner.arrayBuffer())).toEqual(jpeg);
    expect((await get(tokens.supervisor, hash)).status).toBe(200);

    for (const outsider of [tokens.northMedic, tokens.otherUnitMedic, tokens.dispatcher]) {
      const res = await get(outsider, hash);
      expect(res.status).toBe(404);
      const text = await res.text();
      expect(text).not.toContain('ECG');
      expect(JSON.parse(text)).toEqual({ error: { code: 'not_found', message: 'no such attachment, or you may not see it' } });
    }

    expect(await auditReaders(hash)).toEqual(['u-medic', 'u-emt', 'u-supervisor']);
  });

  it('follows the chart: a photo added to a stored chart is served to the partner, and no longer once removed', async () => {
    const jpeg = makeJpeg('scene photo, added later, later removed');
    const hash = sha256Of(jpeg);
    expect((await put(tokens.medic, hash, jpeg, 'image/jpeg')).status).toBe(201);
    const base = { ...makePatientCareReport({ seed: 51, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }), _deleted: false };
    const push = async (rows: unknown[]) => (await t.call('POST', '/api/v1/sync/epcrs/0/push', tokens.medic, rows)).json();
    const serverCopy = async () => ((await (await t.call('GET', '/api/v1/sync/epcrs/0/pull?limit=1000', tokens.medic)).json()) as {
      documents: Record<string, unknown>[];
    }).documents.filter((d) => d.id === base.id).pop();
    expect(await push([{ newDocumentState: base }])).toEqual([]);
    expect((await get(tokens.emt, hash)).status).toBe(404);
    const first = await serverCopy();
    const withPhoto = {
      ...first, editedAt: '2026-11-23T10:03:00.000Z',
      photos: [{ id: 'photo-1', caption: 'scene', takenAt: '2026-11-23T10:01:00.000Z', attachmentSha256: hash, contentType: 'image/jpeg' }],
    };
    expect(await push([{ assumedMasterState: first, newDocumentState: withPhoto }])).toEqual([]);
    expect((await get(tokens.emt, hash)).status).toBe(200);
    const second = await serverCopy();
    expect(await push([{ assumedMasterState: second, newDocumentState: { ...second, photos: [], editedAt: '2026-11-23T10:05:00.000Z' } }])).toEqual([]);
    expect((await get(tokens.emt, hash)).status).toBe(404);
    expect((await get(tokens.medic, hash)).status).toBe(200);
  });

  it('grants reads through documents stored before the reference table existed (migration 0003 fills it)', async () => {
    const jpeg = makeJpeg('photo of a chart stored before 0003');
    const hash = sha256Of(jpeg);
    expect((await put(tokens.medic, hash, jpeg, 'image/jpeg')).status).toBe(201);
    const chart = {
      ...makePatientCareReport({ seed: 52, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic' }),
      signatures: [], photos: [{ id: 'photo-1', caption: 'old', takenAt: '2026-11-23T10:01:00.000Z', attachmentSha256: hash, contentType: 'image/jpeg' }],
    };
    await t.call('POST', '/api/v1/sync/epcrs/0/push', tokens.medic, [{ newDocumentState: { ...chart, _deleted: false } }]);
    // As if stored by a release before 0003: no reference rows.
    await testDb.database.db.execute(sql`DELETE FROM document_attachments WHERE sha256 = ${hash}`);
    expect((await get(tokens.emt, hash)).status).toBe(404);
    const migration = readFileSync(new URL('../../drizzle/0003_document_attachments.sql', import.meta.url), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').find((part) => part.includes('INSERT INTO')) ?? '';
    await testDb.database.db.execute(sql.raw(backfill));
    expect((await get(tokens.emt, hash)).status).toBe(200);
    expect((await get(tokens.otherUnitMedic, hash)).status).toBe(404);
  });

  it('keeps the same bytes separate per agency', async () => {
    const png = makePng(7);
    const hash = sha256Of(png);
    expect((await put(tokens.medic, hash, png, 'image/png')).status).toBe(201);
    expect((await get(tokens.northMedic, hash)).status).toBe(404);
    expect((await put(tokens.northMedic, hash, png, 'image/png')).status).toBe(201);
    expect((await get(tokens.northMedic, hash)).status).toBe(200);
    expect(await auditReaders(hash)).toEqual(['u-north-medic']);
  });

  it('answers 404 for an unknown hash and 400 for a malformed one', async () => {
    expect((await get(tokens.medic, 'f'.repeat(64))).status).toBe(404);
    expect((await get(tokens.medic, 'not-a-hash')).status).toBe(400);
  });
});
