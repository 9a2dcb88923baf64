/**
 * `pnpm --filter @field/nemsis bench`: records per CPU-second of validateEmsDataSet on the official samples
 * (one core, one process), next to the official tool chain measured in the same run, printed as ratios.
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
import { spawnSync } from 'node:child_process';
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

/**
 * CPU seconds used so far by this process and the child processes it waited for (native xmllint). CPU
 * time, not wall time, so the figures stay meaningful on a machine shared with other work.
 */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  let children: number;
  try {
    // /proc/self/stat fields 16 and 17: cutime, cstime in clock ticks (100 per second on Linux).
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    children = 0;
  }
  return (own.user + own.system) / 1e6 + (Number.isFinite(children) ? children : 0);
}

/** Runs `pass` until MIN_SECONDS of CPU time are used; returns records per CPU second (`records` per pass). */
async function measure(label: string, pass: () => unknown, records = recordsPerPass): Promise<number> {
  await pass(); // warm-up (JIT, lazy compilation of rules and patterns)
  let passes = 0;
  const start = cpuSeconds();
  while (cpuSeconds() - start < MIN_SECONDS) {
    await pass();
    passes++;
  }
  const seconds = cpuSeconds() - start;
  const rate = (passes * records) / seconds;
  console.log(`  ${label.padEnd(72)} ${rate.toFixed(1).padStart(9)} records/CPU-s  (${passes} passes)`);
  return rate;
}

const schemas = readdirSync(XSD_DIR).filter((f) => f.endsWith('.xsd')).sort()
  .map((fileName) => ({ fileName, contents: readFileSync(join(XSD_DIR, fileName), 'utf8') }));
const mainSchema = schemas.find((s) => s.fileName === 'EMSDataSet_v3.xsd');
const preload = schemas.filter((s) => s !== mainSchema);
if (!mainSchema) throw new Error('assets/xsd/EMSDataSet_v3.xsd is missing');
const xmllint = (xml: typeof samples) => validateXML({ xml, schema: mainSchema, preload, maxMemoryPages: 16 * 1024 });

/** The system xmllint over every sample in one process, when it is installed (informational only). */
function nativeXmllint(): (() => void) | undefined {
  if (spawnSync('xmllint', ['--version']).status !== 0) return undefined;
  const files = samples.map((s) => join(SAMPLES_DIR, s.fileName));
  return () => {
    spawnSync('xmllint', ['--noout', '--schema', join(XSD_DIR, 'EMSDataSet_v3.xsd'), ...files], { stdio: 'ignore' });
  };
}

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
const first = samples.slice(0, 3);
const xmllintPerFile = await measure('xmllint-wasm --schema, one call per file (3 files per pass)', async () => {
  for (const s of first) await xmllint([s]);
}, 3);
const xmllintBatch = await measure(`xmllint-wasm --schema, one call per ${samples.length}-file batch`, () => xmllint(samples));
const big = Array.from({ length: 10 }, (_, i) => samples.map((s) => ({ ...s, fileName: `${i}-${s.fileName}` }))).flat();
const xmllintBigBatch = await measure(`xmllint-wasm --schema, one call per ${big.length}-file batch`, () => xmllint(big), big.length);
const native = nativeXmllint();
let nativeBatch: number | undefined;
if (native) {
  nativeBatch = await measure(`Debian xmllint (native libxml2), one process per ${samples.length}-file batch`, () => native(), recordsPerPass);
} else console.log('  (Debian xmllint not installed: native libxml2 figure skipped)');

const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
console.log('ratios (higher = ours faster):');
console.log(`  full validateEmsDataSet incl. parse vs xmllint-wasm XSD per file:  ${ratio(oursWithParse, xmllintPerFile)}`);
console.log(`  full validateEmsDataSet incl. parse vs xmllint-wasm XSD batched:   ${ratio(oursWithParse, xmllintBatch)}`);
console.log(`  full validateEmsDataSet tree only   vs xmllint-wasm XSD per file:  ${ratio(oursTreeOnly, xmllintPerFile)}`);
console.log(`  full validateEmsDataSet incl. parse vs xmllint-wasm XSD, ${big.length}-file batch: ${ratio(oursWithParse, xmllintBigBatch)}`);
console.log(`  validateXsd incl. parse (like for like) vs xmllint-wasm XSD, ${big.length}-file batch: ${ratio(oursXsdWithParse, xmllintBigBatch)}`);
if (nativeBatch) console.log(`  validateXsd incl. parse (like for like) vs native xmllint batch:       ${ratio(oursXsdWithParse, nativeBatch)}`);

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
