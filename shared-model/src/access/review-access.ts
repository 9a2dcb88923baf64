import { hasAnyRole, type AuthUser } from './auth-user';

/**
 * Who may read the supervisor queues: values that lost a same-field conflict and documents the
 * server refused. Both hold patient data of the whole agency, so only supervisors and admins.
 */
export function canReviewSyncIssues(user: AuthUser): boolean {
  return hasAnyRole(user, ['supervisor', 'admin']);
}
