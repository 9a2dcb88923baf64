import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { CollectionDefinition } from '@field/shared-model';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const compiled = new Map<string, ValidateFunction>();

/** Checks a document against its collection's JSON schema (the same one RxDB enforces on devices). */
export function checkSchema(definition: CollectionDefinition, doc: unknown): string | undefined {
  let validate = compiled.get(definition.name);
  if (!validate) {
    validate = ajv.compile(definition.schema as object);
    compiled.set(definition.name, validate);
  }
  if (validate(doc)) return undefined;
  return (validate.errors ?? []).slice(0, 5)
    .map((e) => `${e.instancePath || '(document)'} ${e.message ?? 'is invalid'}`).join('; ');
}
