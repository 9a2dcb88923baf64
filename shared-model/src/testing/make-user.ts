import type { AuthUser } from '../access/auth-user';
import { defaultAgencyId, defaultUnitId, takeSeed, type FactoryOptions } from './factory-sequence';

export type MakeUserOptions = Partial<AuthUser> & FactoryOptions;

/** A signed-in medic of the default agency and unit, unless overridden. */
export function makeUser(overrides: MakeUserOptions = {}): AuthUser {
  const { seed: seedOption, ...fields } = overrides;
  const seed = takeSeed(seedOption);
  return {
    id: `user-${seed}`,
    agencyId: defaultAgencyId,
    roles: ['medic'],
    unitId: defaultUnitId,
    displayName: `Medic ${seed}`,
    ...fields,
  };
}
