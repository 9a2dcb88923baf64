import type { Incident } from '../documents/incident';
import type { PatientCareReport } from '../documents/patient-care-report';
import type { CollectionDefinition, CollectionName } from './collection-definition';
import { epcrsCollection } from './epcrs';
import { incidentsCollection } from './incidents';

export const collections: {
  epcrs: CollectionDefinition<PatientCareReport>;
  incidents: CollectionDefinition<Incident>;
} = {
  epcrs: epcrsCollection,
  incidents: incidentsCollection,
};

export const collectionNames: readonly CollectionName[] = ['epcrs', 'incidents'];

function isCollectionName(name: string): name is CollectionName {
  return (collectionNames as readonly string[]).includes(name);
}

/** The definition for a URL's `:collection`, or undefined for an unknown name (never a prototype key). */
export function getCollection(name: string): CollectionDefinition | undefined {
  if (!isCollectionName(name)) return undefined;
  // Each definition's functions take its own document type; callers of the untyped lookup pass
  // documents that already passed that collection's schema.
  return collections[name] as unknown as CollectionDefinition;
}
