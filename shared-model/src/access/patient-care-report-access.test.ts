import { describe, expect, it } from 'vitest';
import { collections } from '../collections/registry';
import { makePatientCareReport, makeUser } from '../testing';

const { canRead, canWrite } = collections.epcrs;
const chart = makePatientCareReport({ seed: 1, unitId: 'unit-medic-12', createdBy: 'user-crew-1' });
const medic = makeUser({ seed: 1, id: 'user-crew-9', roles: ['medic'], unitId: 'unit-medic-12' });
const otherUnitEmt = makeUser({ seed: 2, roles: ['emt'], unitId: 'unit-medic-7' });
const supervisor = makeUser({ seed: 3, roles: ['supervisor'], unitId: undefined });

describe('epcrs access', () => {
  it('lets a medic read and write the charts of their own unit', () => {
    expect(canRead(medic, chart)).toBe(true);
    expect(canWrite(medic, { ...chart, narrative: 'x' }, chart)).toEqual({ allowed: true });
  });

  it('lets a crew member on another unit reach only the charts they created', () => {
    expect(canRead(otherUnitEmt, chart)).toBe(false);
    expect(canWrite(otherUnitEmt, chart, chart).allowed).toBe(false);
    const own = { ...chart, createdBy: otherUnitEmt.id };
    expect(canRead(otherUnitEmt, own)).toBe(true);
    expect(canWrite(otherUnitEmt, own, own).allowed).toBe(true);
  });

  it('refuses to move a chart out of the medic\'s scope', () => {
    const moved = { ...chart, unitId: 'unit-medic-7', createdBy: 'someone-else' };
    expect(canWrite(medic, moved, chart)).toMatchObject({ allowed: false });
  });

  it('lets supervisors read every chart of the agency and lock it; crews may not lock', () => {
    const locked = { ...chart, status: 'locked' as const };
    expect(canRead(supervisor, chart)).toBe(true);
    expect(canWrite(supervisor, locked, chart)).toEqual({ allowed: true });
    const refused = canWrite(medic, locked, chart);
    expect(refused).toEqual({ allowed: false, reason: 'Only a supervisor or admin may lock a chart.' });
    expect(canWrite(medic, locked, undefined).allowed).toBe(false);
  });

  it('lets a crew push to a chart that is already locked (the merge keeps only addenda)', () => {
    const locked = { ...chart, status: 'locked' as const };
    const withAddendum = { ...locked, addenda: [{ id: 'a1', authorId: medic.id, authorName: 'M', writtenAt: chart.editedAt, text: 'late entry' }] };
    expect(canWrite(medic, withAddendum, locked)).toEqual({ allowed: true });
  });

  it.each([['dispatcher'], ['inspector'], ['pilot'], ['patient']] as const)('gives a %s no access', (role) => {
    const user = makeUser({ seed: 4, roles: [role], unitId: 'unit-medic-12' });
    expect(canRead(user, chart)).toBe(false);
    expect(canWrite(user, chart, chart).allowed).toBe(false);
  });

  it('never crosses agencies, even for an admin', () => {
    const admin = makeUser({ seed: 5, roles: ['admin'], agencyId: 'agency-other' });
    expect(canRead(admin, chart)).toBe(false);
    expect(canWrite(admin, chart, undefined)).toMatchObject({ allowed: false });
    const hijack = { ...chart, agencyId: 'agency-other' };
    expect(canWrite(admin, hijack, chart)).toMatchObject({ allowed: false });
    expect(canWrite(medic, hijack, undefined)).toMatchObject({ allowed: false });
  });
});
