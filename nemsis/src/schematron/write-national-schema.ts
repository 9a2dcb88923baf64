/**
 * Regenerates src/generated/schematron/ems-dataset-schema.ts from assets/schematron/EMSDataSet.sch.
 * Run from nemsis/: `pnpm exec tsx src/schematron/write-national-schema.ts`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSchematron } from './parse-schematron';
import { NATIONAL_SCHEMA_MODULE, NATIONAL_SCH_ASSET, renderSchemaModule } from './schema-module';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const schema = parseSchematron(readFileSync(resolve(packageDir, NATIONAL_SCH_ASSET), 'utf8'));
const target = resolve(packageDir, NATIONAL_SCHEMA_MODULE);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderSchemaModule(schema, NATIONAL_SCH_ASSET));
console.log(`wrote ${NATIONAL_SCHEMA_MODULE}: ${schema.patterns.length} patterns, ${schema.patterns.reduce((n, p) => n + p.rules.length, 0)} rules`);
