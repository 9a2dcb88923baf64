import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { CollectionDefinition } from '@field/shared-model';
import { useFastPaths } from './schema-fast-paths';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
// Most documents pass: they are judged by a validator that stops at the first problem (with quicker
// length and date-time checks, same verdicts), and only a failing one is run again through the
// standard one that collects every problem to describe the refusal.
const passOrFail = useFastPaths(addFormats(new Ajv({ allErrors: false, strict: false })));
const describing = addFormats(new Ajv({ allErrors: true, strict: false }));
const compiled = new Map<string, { check: ValidateFunction; describe: ValidateFunction }>();

function validatorsOf(definition: CollectionDefinition) {
  let validators = compiled.get(definition.name);
  if (!validators) {
    validators = { check: passOrFail.compile(definition.schema as object), describe: describing.compile(definition.schema as object) };
    compiled.set(definition.name, validators);
  }
  return validators;
}

/** Checks a document against its collection's JSON schema (the same one RxDB enforces on devices). */
export function checkSchema(definition: CollectionDefinition, doc: unknown): string | undefined {
  const { check, describe } = validatorsOf(definition);
  if (check(doc)) return undefined;
  describe(doc);
  return (describe.errors ?? check.errors ?? []).slice(0, 5)
    .map((e) => `${e.instancePath || '(document)'} ${e.message ?? 'is invalid'}`).join('; ');
}
