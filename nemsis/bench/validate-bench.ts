/**
 * `pnpm --filter @field/nemsis bench`: records/s of validateEmsDataSet on the official samples (one
 * core, one process), next to the official tool chain measured in the same run, printed as ratios.
 *
 * Baseline: libxml2's XSD validation (xmllint-wasm, the schema compiled once per call). The national
 * Schematron step of the official pipeline (ISO skeleton XSLT compiled for SaxonJS) is NOT measured:
 * the ISO skeleton / SchXslt stylesheets are not published on the npm registry, so no conforming XSLT
 * Schematron processor could be installed. The baseline is therefore XSD-only and labelled so — which
 * flatters the baseline, since our figure includes the Schematron work.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';
import { validateEmsDataSet } from '../src/validate';
import { parseNemsisXml } from '../src/xml/parse-xml';
import { validateXsd } from '../src/xsd/validate-xsd';
import { measureBundle } from './bundle-size';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO_ROOT = join(PACKAGE_DIR, '..');
const SAMPLES_DIR = join(PACKAGE_DIR, 'assets', 'samples');
const XSD_DIR = join(PACKAGE_DIR, 'assets', 'xsd');
const NOW = new Date('2025-06-01T00:00:00Z');
const MIN_SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

const samples = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.xml')).sort()
  .map((fileName) => ({ fileName, contents: readFileSync(join(SAMPLES_DIR, fileName), 'utf8') }));
const recordsPerPass = samples.reduce((n, s) => n + (s.contents.match(/<PatientCareReport[\s>]/g)?.length ?? 0), 0);
const trees = samples.map((s) => parseNemsisXml(s.contents));

/** Runs `pass` (one pass over all samples) until MIN_SECONDS have gone by; returns records per second. */
async function measure(label: string, pass: () => unknown): Promise<number> {
  await pass(); // warm-up (JIT, lazy compilation of rules and patterns)
  let passes = 0;
  const start = performance.now();
  while (performance.now() - start < MIN_SECONDS * 1000) {
    await pass();
    passes++;
  }
  const seconds = (performance.now() - start) / 1000;
  const rate = (passes * recordsPerPass) / seconds;
  console.log(`  ${label.padEnd(66)} ${rate.toFixed(1).padStart(9)} records/s  (${passes} passes)`);
  return rate;
}

const schemas = readdirSync(XSD_DIR).filter((f) => f.endsWith('.xsd')).sort()
  .map((fileName) => ({ fileName, contents: readFileSync(join(XSD_DIR, fileName), 'utf8') }));
const mainSchema = schemas.find((s) => s.fileName === 'EMSDataSet_v3.xsd');
const preload = schemas.filter((s) => s !== mainSchema);
if (!mainSchema) throw new Error('assets/xsd/EMSDataSet_v3.xsd is missing');
const xmllint = (xml: typeof samples) => validateXML({ xml, schema: mainSchema, preload, maxMemoryPages: 16 * 1024 });

console.log(`NEMSIS validation benchmark — ${samples.length} official samples, ${recordsPerPass} PatientCareReports per pass, one core`);
console.log('ours:');
const oursWithParse = await measure('validateEmsDataSet (XSD + national Schematron), XML parse included', () => {
  for (const s of samples) validateEmsDataSet(parseNemsisXml(s.contents), { now: NOW });
});
const oursTreeOnly = await measure('validateEmsDataSet (XSD + national Schematron), tree only', () => {
  for (const t of trees) validateEmsDataSet(t, { now: NOW });
});
const oursXsdWithParse = await measure('validateXsd only, XML parse included', () => {
  for (const s of samples) validateXsd(parseNemsisXml(s.contents));
});
console.log('baseline (official tools; XSD only — no conforming Schematron processor on npm, see header):');
const xmllintPerFile = await measure('xmllint-wasm --schema, one call per file', async () => {
  for (const s of samples) await xmllint([s]);
});
const xmllintBatch = await measure(`xmllint-wasm --schema, one call per ${samples.length}-file batch`, () => xmllint(samples));

const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
console.log('ratios (higher = ours faster):');
console.log(`  full validateEmsDataSet incl. parse vs xmllint-wasm XSD per file:  ${ratio(oursWithParse, xmllintPerFile)}`);
console.log(`  full validateEmsDataSet incl. parse vs xmllint-wasm XSD batched:   ${ratio(oursWithParse, xmllintBatch)}`);
console.log(`  full validateEmsDataSet tree only   vs xmllint-wasm XSD per file:  ${ratio(oursTreeOnly, xmllintPerFile)}`);
console.log(`  validateXsd incl. parse (like for like) vs xmllint-wasm XSD batched: ${ratio(oursXsdWithParse, xmllintBatch)}`);

console.log('browser bundle (esbuild, minified ESM, gzip -9):');
const bundles = [
  await measureBundle(REPO_ROOT, 'nemsis/src/index.ts (whole package)', { entry: join(PACKAGE_DIR, 'src', 'index.ts') }),
  await measureBundle(REPO_ROOT, 'validateEmsDataSet + parseNemsisXml only', {
    contents: "export { validateEmsDataSet } from './src/validate';\nexport { parseNemsisXml } from './src/xml/parse-xml';\n",
    resolveDir: PACKAGE_DIR,
  }),
];
for (const b of bundles) {
  console.log(`  ${b.label.padEnd(44)} ${(b.minifiedBytes / 1024).toFixed(0).padStart(6)} KiB minified  ${(b.gzipBytes / 1024).toFixed(0).padStart(5)} KiB gzip`);
}
