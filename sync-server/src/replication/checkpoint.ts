import { ApiError } from '../errors';

/**
 * Position in a collection's change order: the writing transaction id and the document id.
 * On the wire it is an opaque string; clients send it back exactly.
 */
export interface Checkpoint {
  txid: bigint;
  id: string;
}

const maxTxid = 2n ** 63n - 1n;
const pattern = /^(\d{1,20})\.([A-Za-z0-9_-]*)$/;

export function encodeCheckpoint(cp: Checkpoint): string {
  return `${cp.txid.toString()}.${Buffer.from(cp.id, 'utf8').toString('base64url')}`;
}

/** Parses a client-sent checkpoint; absent or empty means "from the start". Malformed: 400. */
export function decodeCheckpoint(text: string | undefined): Checkpoint | undefined {
  if (text === undefined || text === '') return undefined;
  const match = pattern.exec(text);
  if (!match || text.length > 400) {
    throw new ApiError('bad_request', 'checkpoint is not one this server issued; send back the string you received');
  }
  const txid = BigInt(match[1] ?? '0');
  const id = Buffer.from(match[2] ?? '', 'base64url').toString('utf8');
  // Only what encodeCheckpoint can produce: a txid within bigint, an id that round-trips and has no NUL.
  if (txid > maxTxid || encodeCheckpoint({ txid, id }) !== text || id.includes('\u0000')) {
    throw new ApiError('bad_request', 'checkpoint is not one this server issued; send back the string you received');
  }
  return { txid, id };
}
