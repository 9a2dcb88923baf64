import { collectionNames, collections } from '@field/shared-model';

const error = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: error } } });
const bearer = [{ bearer: [] }];
const session = {
  type: 'object', required: ['accessToken', 'refreshToken', 'expiresIn', 'user'],
  properties: {
    accessToken: { type: 'string' }, refreshToken: { type: 'string' }, expiresIn: { type: 'integer' },
    user: {
      type: 'object', required: ['id', 'agencyId', 'roles', 'displayName'],
      properties: { id: { type: 'string' }, agencyId: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } },
        unitId: { type: 'string' }, displayName: { type: 'string' } },
    },
  },
};

function jsonBody(schema: object) {
  return { required: true, content: { 'application/json': { schema } } };
}

/** The REST API as OpenAPI 3.1, generated from the same collection registry the server runs. */
export function openApiDocument() {
  const paths: Record<string, unknown> = {
    '/health': { get: { summary: 'Liveness and database reachability', responses: { 200: { description: 'ok' }, 503: { description: 'database unreachable' } } } },
    '/metrics': { get: { summary: 'Prometheus metrics', responses: { 200: { description: 'text format 0.0.4' } } } },
    '/.well-known/jwks.json': { get: { summary: 'Public keys that sign access tokens (EdDSA)', responses: { 200: { description: 'JWK set' } } } },
    '/api/v1/auth/login': { post: {
      summary: 'Sign in a crew member', requestBody: jsonBody({ type: 'object', required: ['agency', 'username', 'password'],
        properties: { agency: { type: 'string' }, username: { type: 'string' }, password: { type: 'string' } } }),
      responses: { 200: { description: 'session', content: { 'application/json': { schema: session } } }, 400: errorResponse('malformed'), 401: errorResponse('wrong credentials'), 429: errorResponse('too many attempts') },
    } },
    '/api/v1/auth/refresh': { post: {
      summary: 'Rotate a refresh token (re-use revokes the family)', requestBody: jsonBody({ type: 'object', required: ['refreshToken'], properties: { refreshToken: { type: 'string' } } }),
      responses: { 200: { description: 'session', content: { 'application/json': { schema: session } } }, 401: errorResponse('spent, revoked or invalid') },
    } },
    '/api/v1/auth/portal': { post: {
      summary: 'Patient portal sign-in', requestBody: jsonBody({ type: 'object', required: ['accountNumber', 'dateOfService', 'lastName'],
        properties: { accountNumber: { type: 'string' }, dateOfService: { type: 'string', format: 'date' }, lastName: { type: 'string' } } }),
      responses: { 200: { description: 'patient session', content: { 'application/json': { schema: session } } }, 401: errorResponse('no match') },
    } },
    '/api/v1/review/conflicts': { get: {
      summary: 'Supervisors: values that lost a same-field conflict (newest first, 100 per page)', security: bearer,
      parameters: [{ name: 'documentId', in: 'query', schema: { type: 'string' } }, { name: 'open', in: 'query', schema: { type: 'boolean' } },
        { name: 'before', in: 'query', schema: { type: 'string', format: 'date-time' } }],
      responses: { 200: { description: '{conflicts}' }, 403: errorResponse('not a supervisor') },
    } },
    '/api/v1/review/conflicts/{id}/resolve': { post: {
      summary: 'Supervisors: mark a conflict reviewed', security: bearer,
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: { description: 'resolved' }, 404: errorResponse('no open conflict with that id') },
    } },
    '/api/v1/review/refused-documents': { get: {
      summary: 'Supervisors: pushed documents the server refused, with the reason', security: bearer,
      parameters: [{ name: 'before', in: 'query', schema: { type: 'string', format: 'date-time' } }],
      responses: { 200: { description: '{refusedDocuments}' }, 403: errorResponse('not a supervisor') },
    } },
    '/api/v1/schema': { get: { summary: 'Replicated collections with schema versions and JSON schemas', responses: { 200: { description: 'registry' } } } },
    '/api/v1/attachments/{sha256}': {
      put: { summary: 'Upload a photo or signature (content-addressed, idempotent)', security: bearer,
        parameters: [{ name: 'sha256', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } }],
        requestBody: { required: true, content: { 'image/jpeg': {}, 'image/png': {}, 'image/webp': {}, 'application/pdf': {} } },
        responses: { 201: { description: 'stored' }, 200: { description: 'already stored' }, 413: errorResponse('too large'), 415: errorResponse('type not allowed'), 422: errorResponse('hash mismatch') } },
      get: { summary: 'Download an attachment the caller may see', security: bearer,
        parameters: [{ name: 'sha256', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'the bytes' }, 404: errorResponse('unknown or not visible') } },
    },
  };
  const schemas: Record<string, unknown> = {
    Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } } },
  };
  for (const name of collectionNames) {
    const d = collections[name];
    const docRef = { $ref: `#/components/schemas/${name}` };
    schemas[name] = d.schema;
    const prefix = `/api/v1/sync/${name}/${d.schemaVersion}`;
    paths[`${prefix}/pull`] = { get: {
      summary: `Pull ${name} changes after a checkpoint`, security: bearer,
      parameters: [{ name: 'checkpoint', in: 'query', schema: { type: 'string' } }, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } }],
      responses: { 200: { description: 'changes', content: { 'application/json': { schema: { type: 'object', properties: {
        documents: { type: 'array', items: docRef }, checkpoint: { type: ['string', 'null'] } } } } } },
      400: errorResponse('malformed checkpoint or limit'), 401: errorResponse('no or bad token'), 426: errorResponse('outdated schema version') },
    } };
    paths[`${prefix}/push`] = { post: {
      summary: `Push ${name} writes; answers the server documents of rows that conflicted or were refused`, security: bearer,
      requestBody: jsonBody({ type: 'array', maxItems: 1000, items: { type: 'object', required: ['newDocumentState'],
        properties: { assumedMasterState: docRef, newDocumentState: docRef } } }),
      responses: { 200: { description: 'conflict answer', content: { 'application/json': { schema: { type: 'array', items: docRef } } } },
        400: errorResponse('not a JSON array'), 413: errorResponse('too large'), 426: errorResponse('outdated schema version') },
    } };
    paths[`${prefix}/stream`] = { get: {
      summary: `Server-sent events: {documents, checkpoint} or "RESYNC"`, security: bearer,
      responses: { 200: { description: 'text/event-stream' } },
    } };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Field suite sync server', version: '1.0.0', description: 'See docs/sync-protocol.md' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }, schemas },
    paths,
  };
}
