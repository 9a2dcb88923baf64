import { describe, expect, it } from 'vitest';
import { collections } from '../collections/registry';
import type { Incident } from '../documents/incident';
import type { WireDocument } from '../documents/replicated-document';
import { makeIncident, makeUser } from '../testing';

const { canRead, canWrite } = collections.incidents;
const incident = makeIncident({ seed: 1, unitIds: ['unit-medic-12', 'unit-engine-3'] });
const dispatcher = makeUser({ seed: 1, roles: ['dispatcher'], unitId: undefined });
const medic = makeUser({ seed: 2, roles: ['medic'], unitId: 'unit-medic-12' });
const pilot = makeUser({ seed: 3, roles: ['pilot'], unitId: 'air-1' });

describe('incidents access', () => {
  it('lets dispatch read and change every incident of the agency, and create new ones', () => {
    expect(canRead(dispatcher, incident)).toBe(true);
    expect(canWrite(dispatcher, { ...incident, priority: 1, unitIds: ['air-1'] }, incident)).toEqual({ allowed: true });
    expect(canWrite(dispatcher, makeIncident({ seed: 9 }), undefined)).toEqual({ allowed: true });
  });

  it('lets an assigned crew change status and add notes', () => {
    const next = {
      ...incident, status: 'on_scene' as const, editedAt: '2026-03-02T14:20:00.000Z',
      notes: [...incident.notes, { id: 'n2', writtenAt: '2026-03-02T14:20:00.000Z', authorName: 'Medic 12', text: 'On scene' }],
    };
    expect(canRead(medic, incident)).toBe(true);
    expect(canWrite(medic, next, incident)).toEqual({ allowed: true });
  });

  it('refuses other field changes by a crew and names them', () => {
    const decision = canWrite(medic, { ...incident, priority: 5, nature: 'Minor' }, incident);
    expect(decision).toEqual({ allowed: false, reason: 'Your unit may change only status and notes of an incident, not: nature, priority.' });
    const deleted: WireDocument<Incident> = { ...incident, _deleted: true };
    expect(canWrite(medic, deleted, incident).allowed).toBe(false);
    expect(canWrite(medic, makeIncident({ seed: 5 }), undefined).allowed).toBe(false);
  });

  it('judges a crew on what it changed since its base, not on fields dispatch changed meanwhile', () => {
    const server = { ...incident, priority: 1 };
    const next = { ...incident, status: 'transporting' as const };
    expect(canWrite(medic, next, server).allowed).toBe(false);
    expect(canWrite(medic, next, server, incident)).toEqual({ allowed: true });
  });

  it('hides incidents of other units from a crew or pilot', () => {
    expect(canRead(pilot, incident)).toBe(false);
    expect(canWrite(pilot, { ...incident, status: 'closed' }, incident).allowed).toBe(false);
    expect(canRead(pilot, { ...incident, unitIds: ['air-1'] })).toBe(true);
  });

  it('gives inspectors and patients no access and never crosses agencies', () => {
    expect(canRead(makeUser({ seed: 4, roles: ['inspector'] }), incident)).toBe(false);
    expect(canRead(makeUser({ seed: 4, roles: ['patient'] }), incident)).toBe(false);
    const foreign = makeUser({ seed: 6, roles: ['dispatcher'], agencyId: 'agency-other' });
    expect(canRead(foreign, incident)).toBe(false);
    expect(canWrite(foreign, incident, incident).allowed).toBe(false);
  });
});
