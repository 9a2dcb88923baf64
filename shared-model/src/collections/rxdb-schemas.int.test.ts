import { addRxPlugin, createRxDatabase, type RxJsonSchema } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getAjv, wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonSchema } from '../documents/json-schema';
import { makeIncident, makePatientCareReport } from '../testing';
import { collectionNames, collections } from './registry';

/**
 * The collection schemas are what the apps hand to RxDB 17: RxDB (in dev-mode, which checks schemas
 * strictly) must accept them, and the ajv that ships with RxDB must accept factory documents.
 */
addRxPlugin(RxDBDevModePlugin);
disableWarnings();

function toRxSchema(schema: JsonSchema): RxJsonSchema<Record<string, unknown>> {
  // The definitions are deeply readonly; RxDB's schema type is mutable. Same object, no copy.
  return schema as unknown as RxJsonSchema<Record<string, unknown>>;
}

const validate = (schema: JsonSchema) => getAjv().compile(schema);

describe('collection schemas in RxDB 17', () => {
  const opened: { close(): Promise<boolean> }[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.close()));
  });

  it('creates both collections and stores factory documents (memory storage, ajv validation)', async () => {
    const db = await createRxDatabase({
      name: 'shared-model-schemas',
      storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
      ignoreDuplicate: true,
    });
    opened.push(db);
    const added = await db.addCollections({
      epcrs: { schema: toRxSchema(collections.epcrs.schema) },
      incidents: { schema: toRxSchema(collections.incidents.schema) },
    });
    expect(Object.keys(added).sort()).toEqual([...collectionNames].sort());

    const chart = makePatientCareReport({ seed: 11, realistic: true });
    await added.epcrs.insert(chart);
    await added.epcrs.insert(makePatientCareReport({ seed: 12 }));
    await added.incidents.insert(makeIncident({ seed: 11 }));

    const stored = await added.epcrs.findOne(chart.id).exec();
    expect(stored?.toJSON()).toMatchObject({ id: chart.id, narrative: chart.narrative, vitals: chart.vitals });
    expect(await added.epcrs.count().exec()).toBe(2);
    await expect(added.epcrs.insert({ ...makePatientCareReport({ seed: 13 }), status: 'signed' })).rejects.toThrow();
  });
});

describe('collection schemas with ajv', () => {
  it('accepts realistic and minimal factory documents', () => {
    const epcr = validate(collections.epcrs.schema);
    const incident = validate(collections.incidents.schema);
    expect(epcr(makePatientCareReport({ seed: 21, realistic: true })), JSON.stringify(epcr.errors)).toBe(true);
    expect(epcr(makePatientCareReport({ seed: 22 })), JSON.stringify(epcr.errors)).toBe(true);
    expect(incident(makeIncident({ seed: 21 })), JSON.stringify(incident.errors)).toBe(true);
  });

  it('refuses unknown top-level fields, wrong enums and malformed times', () => {
    const epcr = validate(collections.epcrs.schema);
    const chart = makePatientCareReport({ seed: 23 });
    expect(epcr({ ...chart, billingCode: 'x' })).toBe(false);
    expect(epcr({ ...chart, status: 'signed' })).toBe(false);
    expect(epcr({ ...chart, times: { onScene: 'yesterday' } })).toBe(false);
    expect(epcr({ ...chart, vitals: [{ id: 'v1', takenAt: chart.editedAt, heartRate: 'fast' }] })).toBe(false);
    const incident = validate(collections.incidents.schema);
    expect(incident({ ...makeIncident({ seed: 24 }), priority: 9 })).toBe(false);
  });
});
