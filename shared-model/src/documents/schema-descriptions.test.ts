import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Finding } from '../finding';
import type { JsonSchema } from './json-schema';
import { incidentSchema, type Incident } from './incident';
import { patientCareReportSchema, type PatientCareReport } from './patient-care-report';
import type { ReplicatedDocument } from './replicated-document';

/** Minimal view of node:fs, loaded at run time (shared-model itself compiles without Node types). */
interface TextFiles {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
}

/** The official NEMSIS v3.5.1 element list: in the repo (nemsis/assets) or the shared reference folder. */
const dictionaryPaths = [
  'nemsis/assets/dictionary/EMSDataSet_ElementDetails_Full.txt',
  '../shared/nemsis/dictionary/EMSDataSet_ElementDetails_Full.txt',
];

async function loadElementNames(): Promise<Map<string, string>> {
  const fs = (await import('node:fs' as string)) as TextFiles;
  const path = dictionaryPaths.find((candidate) => fs.existsSync(candidate));
  if (path === undefined) throw new Error(`NEMSIS dictionary not found (run from the repo root): ${dictionaryPaths.join(', ')}`);
  const names = new Map<string, string>();
  for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
    const cells = line.replace(/^'|'\|?\s*$/g, '').split("'|'");
    if (cells[1] === 'element' && cells[2] !== undefined && cells[3] !== undefined) names.set(cells[2], cells[3]);
  }
  return names;
}

/** Every property schema with its dotted path. */
function listProperties(schema: JsonSchema, path = ''): { path: string; schema: JsonSchema }[] {
  const out: { path: string; schema: JsonSchema }[] = [];
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const childPath = path === '' ? key : `${path}.${key}`;
    out.push({ path: childPath, schema: child });
    const nested = child.type === 'array' ? child.items : child;
    if (nested?.properties) out.push(...listProperties(nested, `${childPath}[]`));
  }
  return out;
}

const elementReference = /\b(e[A-Z][A-Za-z]+\.\d{2})\s+([^;(:]+)/g;

describe.each([
  ['epcrs', patientCareReportSchema as JsonSchema],
  ['incidents', incidentSchema as JsonSchema],
])('%s schema', (_name, schema) => {
  it('documents every field with a NEMSIS element (or says it is not one)', () => {
    const undocumented = listProperties(schema)
      .filter(({ schema: field }) => !/\be[A-Z][A-Za-z]+(\.(\d{2}|[A-Za-z]+Group))?\b|Not a NEMSIS element|Server-only/.test(field.description ?? ''))
      .map(({ path }) => path);
    expect(undocumented).toEqual([]);
  });

  it('names each cited NEMSIS element by its dictionary name', async () => {
    const names = await loadElementNames();
    expect(names.get('eTimes.03')).toBe('Unit Notified by Dispatch Date/Time');
    const mismatches: string[] = [];
    for (const { path, schema: field } of listProperties(schema)) {
      for (const [, id, cited] of (field.description ?? '').matchAll(elementReference)) {
        const official = names.get(id ?? '');
        const officialStem = (official ?? '').split('(')[0]!.trim();
        if (official === undefined || !cited!.trim().startsWith(officialStem)) {
          mismatches.push(`${path}: ${id} "${cited!.trim()}" vs dictionary "${official ?? 'missing'}"`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('keeps RxDB\'s rules: primary key id with maxLength, closed top level, no _fields, required fields defined', () => {
    expect(schema.primaryKey).toBe('id');
    expect(schema.properties?.['id']?.maxLength).toBeGreaterThan(0);
    expect(schema.additionalProperties).toBe(false);
    expect(listProperties(schema).filter(({ path }) => /(^|\.)_/.test(path))).toEqual([]);
    for (const required of schema.required ?? []) expect(schema.properties).toHaveProperty(required);
    const nullable = listProperties(schema).filter(({ schema: field }) => JSON.stringify(field.type ?? '').includes('null'));
    expect(nullable).toEqual([]);
  });
});

describe('types derived from the schemas', () => {
  it('match the replicated document contract and the Finding shape', () => {
    expectTypeOf<PatientCareReport>().toExtend<ReplicatedDocument>();
    expectTypeOf<Incident>().toExtend<ReplicatedDocument>();
    expectTypeOf<PatientCareReport['findings'][number]>().toEqualTypeOf<Finding>();
    expectTypeOf<PatientCareReport['patient']['lastName']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<PatientCareReport['status']>().toEqualTypeOf<'draft' | 'in_progress' | 'completed' | 'locked'>();
    expectTypeOf<keyof Incident>().toEqualTypeOf<
      'id' | 'agencyId' | 'updatedAt' | 'editedAt' | 'incidentNumber' | 'status' | 'nature' | 'priority' | 'address'
      | 'unitIds' | 'receivedAt' | 'dispatchedAt' | 'notes' | 'callerName' | 'callerPhone' | 'syncRefusal'
    >();
  });
});
