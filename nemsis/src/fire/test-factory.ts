import type { FireIncident } from './fire-incident';

/** A valid NFIRS 111 building fire with Fire and Structure Fire modules (tests only). */
export function makeFireIncident(overrides: Omit<Partial<FireIncident>, 'basic'> & { basic?: Partial<FireIncident['basic']> } = {}): FireIncident {
  const { basic, ...rest } = overrides;
  return {
    id: 'inc-1',
    basic: {
      fdid: '31D44',
      state: 'WA',
      incidentDate: '2026-05-04',
      station: '2',
      incidentNumber: '124',
      exposureNumber: 0,
      location: { locationType: '1', numberOrMilepost: '3081', streetOrHighwayName: 'Meridian', streetType: 'ST', city: 'Bellingham', state: 'WA', zip: '98225' },
      incidentType: '111',
      aidGivenOrReceived: 'N',
      alarmAt: '2026-05-04T13:05:00-07:00',
      arrivalAt: '2026-05-04T13:11:00-07:00',
      controlledAt: '2026-05-04T13:40:00-07:00',
      lastUnitClearedAt: '2026-05-04T15:20:00-07:00',
      actionsTaken: ['11', '86'],
      propertyUse: '419',
      ...basic,
    },
    fire: { residentialLivingUnits: 1, buildingsInvolved: 1, areaOfOrigin: '24', heatSource: '12', itemFirstIgnited: '76', causeOfIgnition: '2', mobilePropertyInvolved: 'N' },
    structureFire: { structureType: '1', buildingStatus: '2', storiesAboveGrade: 2, storyOfFireOrigin: 1, fireSpread: '2', detectorPresence: '1', detectorType: '1', detectorPower: '2', detectorOperation: '2', detectorEffectiveness: '1', aesPresence: 'N' },
    ...rest,
  };
}
