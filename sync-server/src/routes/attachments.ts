import { createHash } from 'node:crypto';
import { getCollection, type ReplicatedDocument } from '@field/shared-model';
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { recordAudit } from '../audit';
import type { SigningKeys } from '../auth/keys';
import { requireCaller } from '../auth/require-caller';
import type { Caller } from '../auth/tokens';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import { attachments } from '../db/schema';
import { ApiError } from '../errors';
import { readDocumentsReferencing } from '../replication/document-store';

export const maxAttachmentBytes = 10 * 1024 * 1024;

/** Allowed types and the leading bytes each file of that type starts with. */
const allowedTypes: Record<string, (b: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/webp': (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  'application/pdf': (b) => ascii(b, 0, 5) === '%PDF-',
};

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

function parseHash(text: string | undefined): string {
  const hash = (text ?? '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new ApiError('bad_request', 'the attachment address must be a SHA-256 in hex (64 characters)');
  return hash;
}

/** True when the caller uploaded it or may read a document that references it. */
async function mayRead(db: Db, caller: Caller, sha256: string, createdBy: string): Promise<boolean> {
  if (createdBy === caller.id) return true;
  const referencing = await readDocumentsReferencing(db, caller.agencyId, sha256);
  return referencing.some((row) => {
    const definition = getCollection(row.collection);
    return definition?.canRead(caller, { ...row.data, _deleted: row.deleted } as unknown as ReplicatedDocument) ?? false;
  });
}

/** PUT|GET /api/v1/attachments/:sha256 — photos and signatures, content-addressed and hash-verified. */
export function attachmentRoutes(deps: { db: Db; keys: SigningKeys; clock: Clock }) {
  const app = new Hono();

  app.put('/:sha256', async (c) => {
    const caller = await requireCaller(c, deps.keys, deps.clock);
    if (caller.kind !== 'user') throw new ApiError('forbidden', 'only crew members upload attachments');
    const sha256 = parseHash(c.req.param('sha256'));
    const contentType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const matches = allowedTypes[contentType];
    if (!matches) throw new ApiError('unsupported_media_type', `attachments must be ${Object.keys(allowedTypes).join(', ')}`);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw new ApiError('bad_request', 'the attachment is empty');
    if (bytes.length > maxAttachmentBytes) throw new ApiError('payload_too_large', `attachments are limited to ${maxAttachmentBytes} bytes`);
    if (!matches(bytes)) throw new ApiError('unsupported_media_type', `the bytes are not a ${contentType} file`);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) throw new ApiError('unprocessable', `the content hashes to ${actual}, not ${sha256}`);
    const inserted = await deps.db.insert(attachments).values({
      agencyId: caller.agencyId, sha256, contentType, size: bytes.length, content: bytes, createdBy: caller.id,
    }).onConflictDoNothing().returning({ sha256: attachments.sha256 });
    await recordAudit(deps.db, { caller, action: 'attachment.write', documentIds: [sha256], detail: { size: bytes.length, contentType } });
    return c.json({ sha256, size: bytes.length, contentType }, inserted.length > 0 ? 201 : 200);
  });

  app.get('/:sha256', async (c) => {
    const caller = await requireCaller(c, deps.keys, deps.clock);
    const sha256 = parseHash(c.req.param('sha256'));
    const [row] = await deps.db.select().from(attachments)
      .where(and(eq(attachments.agencyId, caller.agencyId), eq(attachments.sha256, sha256)));
    if (!row || !(await mayRead(deps.db, caller, sha256, row.createdBy))) {
      // A refused read of patient data is audited too: who tried, and for what.
      await recordAudit(deps.db, { caller, action: 'attachment.read-denied', documentIds: [sha256] });
      throw new ApiError('not_found', 'no such attachment, or you may not see it');
    }
    await recordAudit(deps.db, { caller, action: 'attachment.read', documentIds: [sha256] });
    return c.body(new Uint8Array(row.content), 200, {
      'Content-Type': row.contentType, 'Cache-Control': 'private, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff', 'Content-Disposition': 'inline',
    });
  });
  return app;
}
