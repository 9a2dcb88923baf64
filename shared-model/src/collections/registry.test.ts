import { describe, expect, it } from 'vitest';
import { collections, getCollection } from './registry';

describe('getCollection', () => {
  it('finds each replicated collection by its URL name', () => {
    expect(getCollection('epcrs')).toBe(collections.epcrs);
    expect(getCollection('incidents')?.name).toBe('incidents');
  });

  it.each(['unknown', '', 'EPCRS', '__proto__', 'constructor', 'toString'])('answers undefined for %j', (name) => {
    expect(getCollection(name)).toBeUndefined();
  });

  it('keeps schemaVersion equal to the schema\'s version and every merge field in the schema', () => {
    for (const definition of Object.values(collections)) {
      expect(definition.schema.version).toBe(definition.schemaVersion);
      const fields = Object.keys(definition.schema.properties ?? {});
      for (const field of [...definition.serverOnlyFields, ...definition.idKeyedArrays, ...definition.appendOnlyWhenLocked]) {
        expect(fields).toContain(field);
      }
      for (const field of definition.idKeyedArrays) {
        expect(definition.schema.properties?.[field]?.items?.required).toContain('id');
      }
    }
  });
});
