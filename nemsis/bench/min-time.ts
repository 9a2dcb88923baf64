/**
 * Same-machine A/B of two copies of the engine on a shared, loaded machine: each copy is bundled with
 * esbuild (as the browser gets it) and run in its own process, the processes interleaved; in each, every
 * sample record is validated REPS times and the smallest time per record is summed (preemption by other
 * work only ever adds time, so minimums compare code, not load). Prints µs per record for each stage.
 *
 *   git archive HEAD nemsis/src | tar -x -C /tmp/before
 *   pnpm --filter @field/nemsis exec tsx bench/min-time.ts /tmp/before/nemsis/src src [pairs] [reps]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEsbuild } from './bundle-size';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const [before = 'src', after = 'src', pairs = '3', reps = '300'] = process.argv.slice(2);

/** The runner bundled for one copy of the engine (`src` is that copy's directory). */
const runner = (src: string): string => `
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateEmsDataSet } from '${src}/validate';
import { parseNemsisXml } from '${src}/xml/parse-xml';
import { validateSchematron } from '${src}/schematron/index';
import { validateXsd } from '${src}/xsd/validate-xsd';
const dir = ${JSON.stringify(join(PACKAGE_DIR, 'assets', 'samples'))};
const xml = readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
const trees = xml.map((x) => parseNemsisXml(x));
const now = new Date('2025-06-01T00:00:00Z');
const stages = {
  parse: (i) => parseNemsisXml(xml[i]),
  xsd: (i) => validateXsd(trees[i]),
  schematron: (i) => validateSchematron(trees[i], { now }),
  full: (i) => validateEmsDataSet(parseNemsisXml(xml[i]), { now }),
};
const out = [];
for (const [name, run] of Object.entries(stages)) {
  const best = xml.map(() => Infinity);
  for (let r = 0; r < ${Number(reps)}; r++) {
    for (let i = 0; i < xml.length; i++) {
      const t0 = performance.now();
      run(i);
      best[i] = Math.min(best[i], performance.now() - t0);
    }
  }
  out.push(name + ' ' + (best.reduce((a, b) => a + b, 0) / xml.length * 1000).toFixed(0) + ' µs');
}
console.log(out.join('  '));
`;

const work = mkdtempSync(join(tmpdir(), 'nemsis-min-time-'));
try {
  const esbuild = loadEsbuild(join(PACKAGE_DIR, '..'));
  const bundles = await Promise.all([before, after].map(async (src, i) => {
    const outfile = join(work, `runner-${i}.mjs`);
    const result = await esbuild.build({
      stdin: { contents: runner(resolve(src)), resolveDir: PACKAGE_DIR, loader: 'ts', sourcefile: 'runner.ts' },
      bundle: true, format: 'esm', platform: 'node', target: 'es2022', write: false, logLevel: 'silent',
      // A copy extracted elsewhere finds the package's dependencies (saxes) here.
      nodePaths: [join(PACKAGE_DIR, 'node_modules')],
    });
    writeFileSync(outfile, result.outputFiles?.[0]?.contents ?? new Uint8Array());
    return outfile;
  }));
  for (let pair = 0; pair < Number(pairs); pair++) {
    for (const [label, bundle] of [['before', bundles[0]], ['after ', bundles[1]]] as const) {
      process.stdout.write(`${label}  ${execFileSync(process.execPath, [bundle as string], { encoding: 'utf8' })}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
