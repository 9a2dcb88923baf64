import { canReadIncident, canWriteIncident } from '../access/incident-access';
import { incidentSchema, type Incident } from '../documents/incident';
import type { CollectionDefinition } from './collection-definition';

export const incidentsCollection: CollectionDefinition<Incident> = {
  name: 'incidents',
  schemaVersion: incidentSchema.version,
  schema: incidentSchema,
  serverOnlyFields: ['updatedAt'],
  idKeyedArrays: ['notes'],
  appendOnlyWhenLocked: [],
  readScopeFields: ['agencyId', 'unitIds'],
  canRead: canReadIncident,
  canWrite: canWriteIncident,
};
