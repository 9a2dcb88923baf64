import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMS_DATASET_SCHEMA } from '../generated/schematron/ems-dataset-schema';
import { getNationalEmsRules } from './national-rules';
import { parseSchematron } from './parse-schematron';
import { NATIONAL_SCHEMA_MODULE, NATIONAL_SCH_ASSET, renderSchemaModule } from './schema-module';

const packageDir = resolve(import.meta.dirname, '../..');

describe('the national rules embedded for the browser', () => {
  it('are exactly what the official EMSDataSet.sch says (regenerate with write-national-schema.ts)', () => {
    const schema = parseSchematron(readFileSync(resolve(packageDir, NATIONAL_SCH_ASSET), 'utf8'));
    expect(readFileSync(resolve(packageDir, NATIONAL_SCHEMA_MODULE), 'utf8')).toBe(renderSchemaModule(schema, NATIONAL_SCH_ASSET));
    expect(EMS_DATASET_SCHEMA).toEqual(schema);
  });

  it('hold every national assert, nemSch_e001 to nemSch_e193, as the 3.5.1.250403CP1 release', () => {
    const rules = getNationalEmsRules();
    expect(rules.schemaVersion).toBe('3.5.1.250403CP1');
    const checks = rules.patterns.flatMap((p) => p.rules.flatMap((r) => r.checks));
    const asserts = checks.filter((c) => c.kind === 'assert');
    expect(asserts).toHaveLength(188);
    expect(checks.filter((c) => c.kind === 'report')).toHaveLength(6);
    expect(new Set(asserts.map((a) => a.ruleId)).size).toBe(188);
    expect(asserts.every((a) => /^nemSch_e\d{3}$/.test(a.ruleId))).toBe(true);
    expect(asserts.filter((a) => a.severity === 'ERROR').map((a) => a.ruleId).sort()).toEqual([
      'nemSch_e001', 'nemSch_e002', 'nemSch_e003', 'nemSch_e004', 'nemSch_e005', 'nemSch_e006', 'nemSch_e007', 'nemSch_e008',
      'nemSch_e143', 'nemSch_e144', 'nemSch_e145', 'nemSch_e188', 'nemSch_e189', 'nemSch_e190', 'nemSch_e191', 'nemSch_e192',
    ].sort());
  });
});
