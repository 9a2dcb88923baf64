import type { ReplicatedDocument } from '../documents/replicated-document';
import { deepEqual } from '../merge/json-value';
import { allow, deny, type AccessDecision, type AuthUser } from './auth-user';

/** Refuses any document outside the caller's agency (on either side of a write). */
export function checkSameAgency(
  user: AuthUser,
  next: ReplicatedDocument,
  previous: ReplicatedDocument | undefined,
): AccessDecision {
  if (next.agencyId !== user.agencyId) return deny(`Document belongs to agency ${next.agencyId}, not yours.`);
  if (previous && previous.agencyId !== user.agencyId) return deny('Document belongs to another agency.');
  if (previous && previous.id !== next.id) return deny('Document id does not match the stored document.');
  return allow;
}

/**
 * Top-level fields whose values differ between two documents, ignoring `ignored` fields.
 * Missing and `undefined` count as the same.
 */
export function listChangedFields(
  next: ReplicatedDocument,
  reference: ReplicatedDocument,
  ignored: readonly string[],
): string[] {
  const a = next as unknown as Record<string, unknown>;
  const b = reference as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => !ignored.includes(key) && !deepEqual(a[key], b[key]));
}
