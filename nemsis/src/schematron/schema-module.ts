import type { SchematronSchema } from './schema-types';

/** Where the national rules come from and where their compiled-to-data form is committed. */
export const NATIONAL_SCH_ASSET = 'assets/schematron/EMSDataSet.sch';
export const NATIONAL_SCHEMA_MODULE = 'src/generated/schematron/ems-dataset-schema.ts';

/**
 * Renders the TypeScript module that embeds a parsed Schematron schema as data, so the national rules
 * load in the browser without file access or XML parsing. Pure; `write-national-schema.ts` writes it.
 */
export function renderSchemaModule(schema: SchematronSchema, source: string): string {
  return [
    '// GENERATED FILE - DO NOT EDIT.',
    `// Built from nemsis/${source} by nemsis/src/schematron/write-national-schema.ts`,
    '// (run: pnpm --filter @field/nemsis exec tsx src/schematron/write-national-schema.ts).',
    '// A test (national-schema-module.test.ts) fails when this file is out of date.',
    "import type { SchematronSchema } from '../../schematron/schema-types';",
    '',
    `export const EMS_DATASET_SCHEMA: SchematronSchema = ${JSON.stringify(schema)};`,
    '',
  ].join('\n');
}
