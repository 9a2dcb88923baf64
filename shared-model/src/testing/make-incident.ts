import type { Incident } from '../documents/incident';
import { defaultAgencyId, defaultUnitId, makeId, makeTime, takeSeed, type FactoryOptions } from './factory-sequence';

export type MakeIncidentOptions = Partial<Incident> & FactoryOptions;

/** A dispatched incident assigned to the default unit. */
export function makeIncident(overrides: MakeIncidentOptions = {}): Incident {
  const { seed: seedOption, ...fields } = overrides;
  const seed = takeSeed(seedOption);
  return {
    id: makeId(seed, 2),
    agencyId: defaultAgencyId,
    updatedAt: makeTime(seed, 2),
    editedAt: makeTime(seed, 2),
    incidentNumber: `2026-${String(seed).padStart(6, '0')}`,
    status: 'dispatched',
    nature: 'Chest pain, 58 year old male, conscious and breathing',
    priority: 2,
    address: {
      street: '1200 Harbor View Drive',
      city: 'Port Alden',
      state: 'WA',
      postalCode: '98101',
      latitude: 47.6062,
      longitude: -122.3321,
    },
    unitIds: [defaultUnitId],
    receivedAt: makeTime(seed, 0),
    dispatchedAt: makeTime(seed, 1),
    notes: [
      { id: makeId(seed, 20, 1), writtenAt: makeTime(seed, 1), authorName: 'Dispatcher Reyes', text: 'Caller is the patient\'s wife. Side door unlocked.' },
    ],
    callerName: 'Maria Okafor',
    callerPhone: '+1-206-555-0147',
    ...fields,
  };
}
