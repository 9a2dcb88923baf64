import { readScopeOf, type CollectionDefinition } from '@field/shared-model';

/**
 * The `read_scope` column: `readScopeOf(document)` plus the list of fields it was taken from. A stored
 * scope is trusted only while that list equals the collection's current `readScopeFields`; after a
 * release that changes what `canRead` looks at, older rows are judged on the document itself.
 */
const fieldsKey = '$fields';

function fieldList(definition: Pick<CollectionDefinition, 'readScopeFields'>): string {
  return definition.readScopeFields.join(',');
}

/** What to store in `read_scope` for `doc`. */
export function storedReadScope(definition: Pick<CollectionDefinition, 'readScopeFields'>, doc: object): Record<string, unknown> {
  return { ...readScopeOf(definition, doc), [fieldsKey]: fieldList(definition) };
}

/** A stored scope still valid for the collection's current access rule, or undefined (judge the document instead). */
export function currentReadScope(
  definition: Pick<CollectionDefinition, 'readScopeFields'>, stored: Record<string, unknown> | null,
): Record<string, unknown> | undefined {
  if (!stored || stored[fieldsKey] !== fieldList(definition)) return undefined;
  const { [fieldsKey]: _fields, ...scope } = stored;
  return scope;
}
