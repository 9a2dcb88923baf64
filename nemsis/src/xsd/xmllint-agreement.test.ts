import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNemsisXml } from '../xml/parse-xml';
import { writeNemsisXml } from '../xml/write-xml';
import { mutateTree } from './mutate-for-tests';
import { validateXsd } from './validate-xsd';
import { ASSETS_DIR, xmllintVerdicts } from './xmllint-for-tests';

const SAMPLES_DIR = join(ASSETS_DIR, 'samples');
const SCHEMATRON_TESTS_DIR = join(ASSETS_DIR, 'schematron-tests', 'xml');

function readXmlFiles(dir: string, prefix: string): { fileName: string; contents: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => ({ fileName: `${prefix}-${f}`, contents: readFileSync(join(dir, f), 'utf8') }));
}

/** Our verdict and libxml2's for every document, as `name: valid` lines so a mismatch shows which file. */
async function compareVerdicts(documents: { fileName: string; contents: string }[]): Promise<{ ours: string[]; xmllint: string[] }> {
  const reference = await xmllintVerdicts(documents);
  const ours = documents.map((d) => `${d.fileName}: ${validateXsd(parseNemsisXml(d.contents)).length === 0}`);
  const xmllint = documents.map((d) => `${d.fileName}: ${reference.get(d.fileName)}`);
  return { ours, xmllint };
}

describe('validateXsd agrees with xmllint --schema EMSDataSet_v3.xsd', () => {
  it('on the 15 official sample files (only 2025-EMS-FailXsd is invalid)', async () => {
    const documents = readXmlFiles(SAMPLES_DIR, 'sample');
    expect(documents).toHaveLength(15);
    const { ours, xmllint } = await compareVerdicts(documents);
    expect(ours).toEqual(xmllint);
    expect(ours.filter((l) => l.endsWith('false'))).toEqual(['sample-2025-EMS-FailXsd_v351.xml: false']);
  });

  it.skipIf(!existsSync(SCHEMATRON_TESTS_DIR))('on the 118 official Schematron test files', async () => {
    const documents = readXmlFiles(SCHEMATRON_TESTS_DIR, 'sch');
    expect(documents).toHaveLength(118);
    const { ours, xmllint } = await compareVerdicts(documents);
    expect(ours).toEqual(xmllint);
  });

  it('on 240 seeded mutations of the samples (dropped, repeated, swapped elements, odd values, NV/PN/nil misuse)', async () => {
    const samples = readXmlFiles(SAMPLES_DIR, 'sample').map((d) => parseNemsisXml(d.contents));
    const documents: { fileName: string; contents: string }[] = [];
    for (let seed = 1; seed <= 240; seed++) {
      const sample = samples[seed % samples.length];
      if (!sample) continue;
      const { tree } = mutateTree(sample, seed, 1 + (seed % 3));
      try {
        documents.push({ fileName: `mutant-${seed}.xml`, contents: writeNemsisXml(tree) });
      } catch {
        // A mutation that produced an unwritable name (never the case for the seeds used) is skipped.
      }
    }
    expect(documents.length).toBeGreaterThan(200);
    const { ours, xmllint } = await compareVerdicts(documents);
    expect(ours).toEqual(xmllint);
    // The mutations must actually exercise both verdicts.
    expect(xmllint.filter((l) => l.endsWith('false')).length).toBeGreaterThan(100);
    expect(xmllint.filter((l) => l.endsWith('true')).length).toBeGreaterThan(15);
  });
});
