import fc from 'fast-check';

/**
 * Generators of hostile requests for the fuzz test. Everything is plain data (method, path, headers,
 * body) so a failing case can be printed and replayed by hand.
 */
export interface FuzzRequest {
  label: string;
  method: string;
  path: string;
  /** Which token to send: a name the runner resolves, or a literal Authorization header. */
  auth: { token: TokenName } | { header: string } | { none: true };
  contentType?: string;
  body?: string | Uint8Array;
}

export type TokenName = 'medic' | 'supervisor' | 'dispatcher' | 'northMedic' | 'patient' | 'expired' | 'forged'
  | 'refresh' | 'tampered';

const validTokens: TokenName[] = ['medic', 'supervisor', 'dispatcher', 'northMedic', 'patient'];
const brokenTokens: TokenName[] = ['expired', 'forged', 'refresh', 'tampered'];

/** Values a replaced number sentinel turns into in the body text (not expressible through JSON.stringify). */
export const rawNumbers = ['1e999', '-1e999', '1e-999', '123456789012345678901234567890', '-0', '0.0000000000000000000001'];
const numberSentinel = (i: number): string => `__RAW_NUMBER_${i}__`;

/** Replaces number sentinels by raw number literals, e.g. `"__RAW_NUMBER_0__"` -> `1e999`. */
export function insertRawNumbers(text: string): string {
  return text.replace(/"__RAW_NUMBER_(\d)__"/g, (_, i: string) => rawNumbers[Number(i)] ?? '0');
}

function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = kind === 'array' ? [value] : { d: value };
  return value;
}

/** An object that really owns a `__proto__` (or other) key, as JSON.parse would build it. */
function withOwnKey(key: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const weirdStrings = fc.constantFrom(
  '', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\ud83d', '\u202e\u0000', '%00', '\\u0000', 'null', '__proto__',
  '<script>alert(1)</script>', "'; DROP TABLE documents; --", '\uffff', '\ufeff', 'é'.repeat(3000),
);

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 4 },
  { arbitrary: weirdStrings, weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: rawNumbers.length - 1 }).map(numberSentinel), weight: 2 },
  { arbitrary: fc.constantFrom(50_000, 300_000).map((n) => 'x'.repeat(n)), weight: 1 },
  { arbitrary: fc.tuple(fc.integer({ min: 20, max: 3000 }), fc.constantFrom('array' as const, 'object' as const)).map(([d, k]) => nested(d, k)), weight: 1 },
  { arbitrary: fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 })).map(([k, v]) => withOwnKey(k, v)), weight: 2 },
  { arbitrary: fc.constantFrom(withOwnKey('__proto__', { isAdmin: true, agencyId: 'north' }), { constructor: { prototype: { polluted: 1 } } }), weight: 1 },
);

export interface FuzzSeeds {
  /** A valid document per collection (the runner fills them in) that mutations start from. */
  documents: Record<'epcrs' | 'incidents', Record<string, unknown>>;
}

function mutate(doc: Record<string, unknown>, field: string, value: unknown, drop: boolean): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
  if (drop) {
    delete copy[field];
    return copy;
  }
  Object.defineProperty(copy, field, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const collectionName = fc.oneof(
  { arbitrary: fc.constantFrom('epcrs', 'incidents'), weight: 6 },
  { arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'EPCRS', 'epcrs ', '%00', '..', 'raw:%ZZ', 'raw:%', 'raw:%c0%ae', 'raw:%00', 'raw:ep%63rs'), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), weight: 1 },
);
const schemaVersion = fc.oneof(
  { arbitrary: fc.constant('0'), weight: 6 },
  { arbitrary: fc.constantFrom('-1', '1', '999999', '1e3', '0x0', '00', '0.0', ' 0', '9'.repeat(30), 'NaN', 'Infinity'), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }), weight: 1 },
);
const checkpoint = fc.oneof(
  fc.constant(undefined),
  fc.bigInt({ min: 0n, max: 99999999999999999999n }).map((n) => `${n}.`),
  fc.tuple(fc.bigInt({ min: 0n, max: 2n ** 64n }), fc.uint8Array({ maxLength: 40 }))
    .map(([n, id]) => `${n}.${Buffer.from(id).toString('base64url')}`),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 30 })).map(([n, id]) => `${n}.${Buffer.from(id).toString('base64url')}`),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('{"cp":"1.YQ"}', '[object Object]', '0.', '-1.', '1.AA', '1.AAAA', '1._-_-', `1.${'A'.repeat(390)}`),
);
const limit = fc.oneof(fc.constant(undefined), fc.integer({ min: -5, max: 100_000 }).map(String),
  fc.constantFrom('1e3', '0', '', 'abc', '99999999999999999999', '-0', '1.5', '1000'));

const authChoice: fc.Arbitrary<FuzzRequest['auth']> = fc.oneof(
  { arbitrary: fc.constantFrom(...validTokens).map((token) => ({ token })), weight: 12 },
  { arbitrary: fc.constantFrom(...brokenTokens).map((token) => ({ token })), weight: 3 },
  { arbitrary: fc.constant({ none: true as const }), weight: 1 },
  {
    arbitrary: fc.oneof(
      fc.constantFrom('', 'Bearer', 'Bearer ', 'bearer x', 'Basic YWxhZGRpbjpvcGVuc2VzYW1l', 'Bearer a.b.c', 'Bearer ...', 'Bearer eyJhbGciOiJub25lIn0.e30.'),
      fc.string({ unit: 'binary-ascii', maxLength: 200 }).map((s) => `Bearer ${s}`),
      fc.string({ unit: 'binary-ascii', maxLength: 9000 }).map((s) => `Bearer ${s.replace(/\s/g, 'A')}`),
    ).map((header) => ({ header: header.replace(/[\r\n]/g, ' ').split(String.fromCharCode(0)).join(' ') })),
    weight: 2,
  },
);
const jsonType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 8 },
  { arbitrary: fc.constantFrom('text/plain', '', 'application/merge-patch+json', 'application/json; charset=latin1', 'multipart/form-data; boundary=x', 'application/jsonx'), weight: 1 },
);

/** A path segment: encoded, unless it is one of the raw (malformed percent-encoding) samples marked `raw:`. */
const segment = (s: string): string => (s.startsWith('raw:') ? s.slice(4) : encodeURIComponent(s));

export function pullRequests(): fc.Arbitrary<FuzzRequest> {
  return fc.record({ c: collectionName, v: schemaVersion, cp: checkpoint, l: limit, auth: authChoice, stream: fc.boolean() })
    .map(({ c, v, cp, l, auth, stream }) => {
      const query = new URLSearchParams();
      if (cp !== undefined) query.set('checkpoint', cp);
      if (l !== undefined) query.set('limit', l);
      // A stream with valid parameters stays open: stream only with parameters that must be refused.
      const kind = stream && !('token' in auth && validTokens.includes(auth.token)) ? 'stream' : 'pull';
      return { label: kind, method: 'GET', path: `/api/v1/sync/${segment(c)}/${segment(v)}/${kind}?${query.toString()}`, auth };
    });
}

export function pushRequests(seeds: FuzzSeeds): fc.Arbitrary<FuzzRequest> {
  const docOf = fc.constantFrom<'epcrs' | 'incidents'>('epcrs', 'incidents');
  const mutatedDoc = fc.tuple(docOf, fc.string({ maxLength: 12 }), fc.boolean(), nastyValue, fc.nat({ max: 30 }))
    .map(([name, extra, drop, value, pick]) => {
      const base = seeds.documents[name];
      const fields = [...Object.keys(base), '__proto__', 'constructor', '_deleted', '_meta', 'syncRefusal', extra];
      return { name, doc: mutate(base, fields[pick % fields.length] ?? 'id', value, drop && pick % 3 === 0) };
    });
  const row = fc.oneof(
    { arbitrary: mutatedDoc.map(({ doc }) => ({ newDocumentState: doc })), weight: 6 },
    { arbitrary: fc.tuple(mutatedDoc, nastyValue).map(([{ doc }, base]) => ({ assumedMasterState: base, newDocumentState: doc })), weight: 2 },
    { arbitrary: nastyValue, weight: 2 },
    { arbitrary: nastyValue.map((v) => ({ newDocumentState: v })), weight: 1 },
  );
  const body: fc.Arbitrary<string> = fc.oneof(
    { arbitrary: fc.array(row, { maxLength: 4 }).map((rows) => insertRawNumbers(JSON.stringify(rows))), weight: 10 },
    { arbitrary: nastyValue.map((v) => insertRawNumbers(JSON.stringify(v) ?? 'undefined')), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        '', '[', '[{', 'null', '[null]', '[1e999]', '[{"newDocumentState":1e999}]', '[{"newDocumentState":{"id":"\\ud800"}}]',
        `${'['.repeat(200_000)}${']'.repeat(200_000)}`, `[{"newDocumentState":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}]`,
        '[{"newDocumentState":{"__proto__":{"agencyId":"north"},"id":"p-1"}}]', '\ufeff[]', '[]garbage', '{"length":1,"0":{}}',
      ),
      weight: 2,
    },
  );
  return fc.record({ name: docOf, body, auth: authChoice, type: jsonType }).map(({ name, body: text, auth, type }) => ({
    label: 'push', method: 'POST', path: `/api/v1/sync/${name}/0/push`, auth, contentType: type, body: text,
  }));
}

const magic = fc.constantFrom(
  [], [0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [...Buffer.from('RIFF\0\0\0\0WEBP')], [...Buffer.from('%PDF-1.7')],
);

export function attachmentRequests(sha256: (bytes: Uint8Array) => string): fc.Arbitrary<FuzzRequest> {
  const hash = fc.oneof(fc.constant('right'), fc.constantFrom('f'.repeat(64), 'F'.repeat(64), 'abc', '', '%00', '..%2F..%2Fetc%2Fpasswd', 'g'.repeat(64)),
    fc.string({ unit: 'binary', maxLength: 70 }));
  const type = fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'image/gif', 'text/html', '', 'image/PNG; x=y', 'application/json');
  return fc.record({ magic, rest: fc.uint8Array({ maxLength: 2000 }), hash, type, auth: authChoice, put: fc.boolean() })
    .map(({ magic: head, rest, hash: h, type: contentType, auth, put }) => {
      const bytes = new Uint8Array([...head, ...rest]);
      const address = h === 'right' ? sha256(bytes) : encodeURIComponent(h);
      return put
        ? { label: 'attachment put', method: 'PUT', path: `/api/v1/attachments/${address}`, auth, contentType, body: bytes }
        : { label: 'attachment get', method: 'GET', path: `/api/v1/attachments/${address}`, auth };
    });
}

export function authRequests(): fc.Arbitrary<FuzzRequest> {
  const endpoint = fc.constantFrom('login', 'refresh', 'portal');
  const fields = fc.dictionary(
    fc.constantFrom('agency', 'username', 'password', 'refreshToken', 'accountNumber', 'dateOfService', 'lastName', '__proto__'),
    nastyValue, { maxKeys: 4 },
  );
  const body = fc.oneof(
    { arbitrary: fields.map((f) => insertRawNumbers(JSON.stringify(f))), weight: 4 },
    { arbitrary: nastyValue.map((v) => insertRawNumbers(JSON.stringify(v) ?? '')), weight: 2 },
    { arbitrary: fc.constantFrom('', '{', `{"agency":"${'a'.repeat(20_000)}"}`, '{"refreshToken":"a.b.c"}', '{"dateOfService":"2026-02-30","accountNumber":"A-1001","lastName":"x"}',
      '{"dateOfService":"0000-01-01","accountNumber":"A-1001","lastName":"x"}', '{"dateOfService":"2026-13-01","accountNumber":"A-1001","lastName":"x"}'), weight: 1 },
  );
  return fc.record({ endpoint, body, type: jsonType }).map(({ endpoint: e, body: text, type }) => ({
    label: `auth ${e}`, method: 'POST', path: `/api/v1/auth/${e}`, auth: { none: true as const }, contentType: type, body: text,
  }));
}
