import { closedObject, dateTime, identifier, oneOf, text } from './json-schema';

/** Fields every replicated document carries. */
export interface ReplicatedDocument {
  /** Client-generated UUID, primary key. */
  id: string;
  /** Tenant; must equal the caller's agency. */
  agencyId: string;
  /** ISO-8601, set by the server on every commit; a client value is ignored. */
  updatedAt: string;
  /** ISO-8601 device time of the last local edit; decides same-field conflicts. */
  editedAt: string;
  /** On the wire only (RxDB keeps it outside the schema). */
  _deleted?: boolean;
}

/** A document as it travels on the wire: RxDB's `_deleted` flag beside the schema fields. */
export type WireDocument<T extends ReplicatedDocument> = T & { _deleted?: boolean };

/** Reasons the server refuses a pushed document (see docs/sync-protocol.md). */
export const syncRefusalCodes = ['malformed', 'schema', 'forbidden', 'foreign-agency', 'server-only-field'] as const;
export type SyncRefusalCode = (typeof syncRefusalCodes)[number];

/** Schema properties of the {@link ReplicatedDocument} fields, shared by every collection schema. */
export const replicatedDocumentProperties = {
  id: identifier('Primary key: client-generated UUID. Not a NEMSIS element.'),
  agencyId: identifier('Tenant (agency) id; must equal the signed-in user\'s agency. Not a NEMSIS element.'),
  updatedAt: dateTime('Server commit time, set by the server on every commit; a client value is ignored. Not a NEMSIS element.'),
  editedAt: dateTime('Device time of the last local edit; decides same-field conflicts. Not a NEMSIS element.'),
  syncRefusal: closedObject({
    code: oneOf(syncRefusalCodes, 'Why the server refused the last push of this document. Not a NEMSIS element.'),
    reason: text('The refusal in words the crew can act on. Not a NEMSIS element.', 2000),
    at: dateTime('When the server refused it. Not a NEMSIS element.'),
  }, ['code', 'reason', 'at'], 'Set only in a push answer: the server did not commit this version (it keeps it for a supervisor). Never stored. Not a NEMSIS element.'),
} as const;

export const replicatedDocumentRequired = ['id', 'agencyId', 'updatedAt', 'editedAt'] as const;
