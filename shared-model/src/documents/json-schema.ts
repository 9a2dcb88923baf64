/**
 * The JSON-schema subset the replicated collections use, and small builders for it.
 *
 * Every builder keeps its literal types (`const` type parameters + `as const`) so that
 * `FromSchema` from json-schema-to-ts can derive the TypeScript type from the schema itself:
 * the schema is the one definition, the type is computed from it.
 *
 * RxDB constraints kept here: no `null` types (optional fields are omitted), date-times are
 * strings with `format: 'date-time'`, and no field name starts with `_`.
 */

export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';

/** A JSON schema (draft-07 subset) plus the RxDB keywords `version`, `primaryKey` and `indexes`. */
export interface JsonSchema {
  readonly type?: JsonSchemaType;
  readonly title?: string;
  readonly description?: string;
  readonly version?: number;
  readonly primaryKey?: string;
  readonly indexes?: readonly (string | readonly string[])[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxItems?: number;
}

/** A free-text string. */
export function text<const D extends string>(description: D, maxLength = 200) {
  return { type: 'string', maxLength, description } as const;
}

/** An ISO-8601 date-time string with offset, e.g. `2026-03-01T14:03:00Z`. */
export function dateTime<const D extends string>(description: D) {
  return { type: 'string', format: 'date-time', maxLength: 40, description } as const;
}

/** An ISO-8601 calendar date, e.g. `1957-06-30`. */
export function date<const D extends string>(description: D) {
  return { type: 'string', format: 'date', maxLength: 10, description } as const;
}

/** A NEMSIS code-list value (the numeric code, e.g. `9919001` for ePatient.25 Female). */
export function nemsisCode<const D extends string>(description: D) {
  return { type: 'string', pattern: '^[0-9]{4,9}$', maxLength: 9, description } as const;
}

/** A list of NEMSIS code-list values (a NEMSIS element with maxOccurs M). */
export function nemsisCodes<const D extends string>(description: D) {
  return { type: 'array', maxItems: 50, items: nemsisCode(description), description } as const;
}

export function integer<const D extends string>(description: D, minimum: number, maximum: number) {
  return { type: 'integer', minimum, maximum, description } as const;
}

export function decimal<const D extends string>(description: D, minimum: number, maximum: number) {
  return { type: 'number', minimum, maximum, description } as const;
}

export function flag<const D extends string>(description: D) {
  return { type: 'boolean', description } as const;
}

export function oneOf<const E extends readonly string[], const D extends string>(values: E, description: D) {
  return { type: 'string', enum: values, description } as const;
}

/** A client-generated id: the primary key of a document or of an item in an id-keyed array. */
export function identifier<const D extends string>(description: D) {
  return { type: 'string', minLength: 1, maxLength: 64, description } as const;
}

/** The form of an attachment address: a lowercase hex SHA-256 (the schema pattern and `attachmentReferencesOf`). */
export const sha256Pattern = '^[0-9a-f]{64}$';

/** A lowercase hex SHA-256 of an attachment stored at `/api/v1/attachments/:sha256`. */
export function sha256<const D extends string>(description: D) {
  return { type: 'string', pattern: sha256Pattern, maxLength: 64, description } as const;
}

/**
 * Top-level object names whose schema is a closed object (`additionalProperties: false`):
 * the server refuses unknown fields and FromSchema gives exact types.
 */
export function closedObject<
  const P extends Readonly<Record<string, JsonSchema>>,
  const R extends readonly (keyof P & string)[],
  const D extends string,
>(properties: P, required: R, description: D) {
  return { type: 'object', properties, required, additionalProperties: false, description } as const;
}

/** An array of closed objects keyed by `id` (merged item by item on conflict). */
export function idKeyedArray<
  const P extends Readonly<Record<string, JsonSchema>>,
  const R extends readonly (keyof P & string)[],
  const D extends string,
>(properties: P, required: R, description: D, maxItems = 500) {
  return { type: 'array', maxItems, items: closedObject(properties, required, description), description } as const;
}

/** Names of the top-level properties of a schema (for compile-time and test checks). */
export function listSchemaFields(schema: JsonSchema): string[] {
  return Object.keys(schema.properties ?? {});
}
