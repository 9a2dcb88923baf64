import type { Incident } from '../documents/incident';
import { allow, deny, hasAnyRole, type AccessDecision, type AuthUser, type Role } from './auth-user';
import { checkSameAgency, listChangedFields } from './document-scope';

/**
 * Who may see and change a dispatch assignment:
 * - dispatcher / supervisor / admin: every incident of their agency, any field;
 * - medic / emt / pilot: incidents whose unitIds include their unit; they may change only `status`
 *   and `notes` (never create or delete);
 * - everyone else: no access; never across agencies.
 */
const dispatchRoles: readonly Role[] = ['dispatcher', 'supervisor', 'admin'];
const unitRoles: readonly Role[] = ['medic', 'emt', 'pilot'];
/** Fields a unit crew may change, plus the bookkeeping fields every write touches. */
const crewWritableFields = ['status', 'notes', 'editedAt', 'updatedAt'];

function isAssigned(user: AuthUser, doc: Incident): boolean {
  return user.unitId !== undefined && doc.unitIds.includes(user.unitId);
}

export function canReadIncident(user: AuthUser, doc: Incident): boolean {
  if (doc.agencyId !== user.agencyId) return false;
  if (hasAnyRole(user, dispatchRoles)) return true;
  return hasAnyRole(user, unitRoles) && isAssigned(user, doc);
}

export function canWriteIncident(
  user: AuthUser,
  next: Incident,
  previous: Incident | undefined,
  base?: Incident,
): AccessDecision {
  const scope = checkSameAgency(user, next, previous);
  if (!scope.allowed) return scope;
  if (hasAnyRole(user, dispatchRoles)) return allow;
  if (!hasAnyRole(user, unitRoles)) return deny('Your role has no access to dispatch assignments.');
  if (!previous) return deny('Only dispatch may create an incident.');
  if (!isAssigned(user, previous)) return deny('Your unit is not assigned to this incident.');
  const changed = listChangedFields(next, base ?? previous, crewWritableFields);
  if (changed.length > 0) {
    return deny(`Your unit may change only status and notes of an incident, not: ${changed.join(', ')}.`);
  }
  return allow;
}
