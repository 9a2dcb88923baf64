import type { PatientCareReport } from '../documents/patient-care-report';
import { allow, deny, hasAnyRole, type AccessDecision, type AuthUser, type Role } from './auth-user';
import { checkSameAgency } from './document-scope';

/**
 * Who may see and change an ePCR:
 * - medic / emt: charts of their own unit (doc.unitId === user.unitId) or that they created;
 * - supervisor / admin: every chart of their agency; only they may set status 'locked';
 * - dispatcher, inspector, pilot, patient: no access;
 * - never across agencies.
 * Edits to a locked chart are not refused here: the merge keeps only new addenda and records every
 * other change as a 'locked' conflict, so nothing the crew typed is lost.
 */
const crewRoles: readonly Role[] = ['medic', 'emt'];
const reviewerRoles: readonly Role[] = ['supervisor', 'admin'];

function isOwnChart(user: AuthUser, doc: PatientCareReport): boolean {
  return (user.unitId !== undefined && doc.unitId === user.unitId) || doc.createdBy === user.id;
}

export function canReadPatientCareReport(user: AuthUser, doc: PatientCareReport): boolean {
  if (doc.agencyId !== user.agencyId) return false;
  if (hasAnyRole(user, reviewerRoles)) return true;
  return hasAnyRole(user, crewRoles) && isOwnChart(user, doc);
}

export function canWritePatientCareReport(
  user: AuthUser,
  next: PatientCareReport,
  previous: PatientCareReport | undefined,
  base?: PatientCareReport,
): AccessDecision {
  const scope = checkSameAgency(user, next, previous);
  if (!scope.allowed) return scope;
  if (hasAnyRole(user, reviewerRoles)) return allow;
  if (!hasAnyRole(user, crewRoles)) return deny('Your role has no access to patient care reports.');
  if (previous && !isOwnChart(user, previous)) return deny('This chart belongs to another unit.');
  if (!isOwnChart(user, next)) return deny('A chart must belong to your unit or have been created by you.');
  const locking = next.status === 'locked' && previous?.status !== 'locked' && base?.status !== 'locked';
  if (locking) return deny('Only a supervisor or admin may lock a chart.');
  return allow;
}
