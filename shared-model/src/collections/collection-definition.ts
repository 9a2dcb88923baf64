import type { AccessDecision, AuthUser } from '../access/auth-user';
import type { JsonSchema } from '../documents/json-schema';
import type { ReplicatedDocument } from '../documents/replicated-document';

export type CollectionName = 'epcrs' | 'incidents';

/** Everything the server, the apps and the merge need to know about one replicated collection. */
export interface CollectionDefinition<TDoc extends ReplicatedDocument = ReplicatedDocument> {
  name: CollectionName;
  /** Current version; the URL's :schemaVersion must equal it (else 426). */
  schemaVersion: number;
  /** RxDB-compatible JSON schema (version === schemaVersion, primaryKey 'id'). */
  schema: JsonSchema;
  /** Top-level fields only the server sets (e.g. 'updatedAt', 'findings'). */
  serverOnlyFields: readonly string[];
  /** Top-level arrays of {id,...} merged by id (vitals, medications, ...). */
  idKeyedArrays: readonly string[];
  /** Fields still writable when status === 'locked' (e.g. 'addenda'); new items only. */
  appendOnlyWhenLocked: readonly string[];
  /**
   * The top-level fields `canRead` looks at. A server may judge read access on just these fields
   * (e.g. to stream stored JSON without parsing it); a test holds `canRead` to that promise.
   */
  readScopeFields: readonly string[];
  canRead(user: AuthUser, doc: TDoc): boolean;
  /**
   * May `user` commit `next` over the server's `previous` (undefined = a new document)?
   * `base` (optional) is the push row's assumedMasterState: when given, field-restricted roles
   * are judged on what they changed relative to it (the merge applies exactly those changes),
   * so a stale but untouched field is not mistaken for an edit.
   */
  canWrite(user: AuthUser, next: TDoc, previous: TDoc | undefined, base?: TDoc): AccessDecision;
}

/**
 * The part of `doc` that read access depends on: its `readScopeFields`, as a small object a server can
 * store beside the document and judge `canRead` on without reading the whole document.
 */
export function readScopeOf(definition: Pick<CollectionDefinition, 'readScopeFields'>, doc: object): Record<string, unknown> {
  const record = doc as Record<string, unknown>;
  const scope: Record<string, unknown> = {};
  for (const field of definition.readScopeFields) {
    if (field in record) scope[field] = record[field];
  }
  return scope;
}
