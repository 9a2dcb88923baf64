import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuthUser, Role } from '../access/auth-user';
import { makeIncident, makePatientCareReport, makeUser } from '../testing';
import { readScopeOf } from './collection-definition';
import { collectionNames, collections } from './registry';

const roleList: Role[] = ['medic', 'emt', 'dispatcher', 'inspector', 'pilot', 'supervisor', 'admin', 'patient'];

describe('readScopeOf', () => {
  it.each(collectionNames)('%s: canRead on the declared fields alone equals canRead on the whole document', (name) => {
    const definition = collections[name];
    const ids = ['agency-metro', 'agency-other'];
    const units = ['unit-medic-12', 'unit-7', undefined];
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 500 }), fc.constantFrom(...ids), fc.constantFrom(...units), fc.constantFrom(...units),
      fc.subarray(roleList, { minLength: 1 }), fc.constantFrom('user-crew-1', 'user-x'),
      (seed, agencyId, docUnit, userUnit, roles, userId) => {
        const doc = name === 'epcrs'
          ? makePatientCareReport({ seed, agencyId, ...(docUnit ? { unitId: docUnit } : {}) })
          : makeIncident({ seed, agencyId, unitIds: docUnit ? [docUnit] : [] });
        const user: AuthUser = makeUser({ id: userId, agencyId: 'agency-metro', roles, ...(userUnit ? { unitId: userUnit } : {}) });
        const full = definition.canRead(user, doc as never);
        expect(definition.canRead(user, readScopeOf(definition, doc) as never)).toBe(full);
      },
    ), { seed: 4242, numRuns: 400 });
  });
});
