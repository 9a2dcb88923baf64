/**
 * Manual cross-check against Debian's native `xmllint` (not run in CI, which uses xmllint-wasm):
 * validates seeded mutants of the official files with both validators and prints every disagreement.
 *
 *   pnpm --filter @field/nemsis exec tsx scripts/compare-xmllint.ts [firstSeed] [count] [samples|schematron-tests]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseNemsisXml } from '../src/xml/parse-xml';
import { writeNemsisXml } from '../src/xml/write-xml';
import { mutateTree } from '../src/xsd/mutate-for-tests';
import { validateXsd } from '../src/xsd/validate-xsd';
import { PACKAGE_DIR } from './gen';

const [first = '0', count = '200', set = 'samples'] = process.argv.slice(2);
const dir = set === 'samples' ? join(PACKAGE_DIR, 'assets', 'samples') : join(PACKAGE_DIR, 'assets', 'schematron-tests', 'xml');
const schema = join(PACKAGE_DIR, 'assets', 'xsd', 'EMSDataSet_v3.xsd');
const bases = readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().map((f) => parseNemsisXml(readFileSync(join(dir, f), 'utf8')));
const work = mkdtempSync(join(tmpdir(), 'nemsis-compare-'));
let compared = 0;
let disagreements = 0;
try {
  for (let seed = Number(first); seed < Number(first) + Number(count); seed++) {
    const base = bases[seed % bases.length];
    if (!base) continue;
    const { tree, applied } = mutateTree(base, seed, 1 + (seed % 5));
    let xml: string;
    try {
      xml = writeNemsisXml(tree);
    } catch {
      continue;
    }
    const file = join(work, `${seed}.xml`);
    writeFileSync(file, xml);
    let native = true;
    try {
      execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' });
    } catch {
      native = false;
    }
    const ours = validateXsd(parseNemsisXml(xml));
    compared++;
    if ((ours.length === 0) !== native) {
      disagreements++;
      console.log(`seed ${seed}: xmllint ${native ? 'valid' : 'invalid'}, ours ${ours.length} findings; ${applied.join('; ')}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`compared ${compared} mutants with native xmllint: ${disagreements} disagreements`);
process.exitCode = disagreements > 0 ? 1 : 0;
