export type Role = 'medic' | 'emt' | 'dispatcher' | 'inspector' | 'pilot' | 'supervisor' | 'admin' | 'patient';

export const roles: readonly Role[] = ['medic', 'emt', 'dispatcher', 'inspector', 'pilot', 'supervisor', 'admin', 'patient'];

/** The signed-in caller, as carried in the access token. */
export interface AuthUser {
  id: string;
  agencyId: string;
  roles: Role[];
  unitId?: string;
  displayName: string;
  /** patients only: the billing account they may see */
  accountNumber?: string;
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

export const allow: AccessDecision = { allowed: true };

export function deny(reason: string): AccessDecision {
  return { allowed: false, reason };
}

export function hasAnyRole(user: AuthUser, wanted: readonly Role[]): boolean {
  return user.roles.some((role) => wanted.includes(role));
}
