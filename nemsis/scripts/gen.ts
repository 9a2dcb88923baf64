/**
 * `pnpm gen`: regenerates `src/generated/` from the official NEMSIS v3.5.1 XSDs and data dictionary
 * in `assets/`. `pnpm gen:check` (scripts/check-generated.ts) runs the same generator into a temp
 * folder and fails when the committed files differ.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitGenerated } from './gen/emit';
import { readElementDetails, readEnumerations } from './gen/read-dictionary';
import { readXsdModel } from './gen/read-xsd';

export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds every generated file in memory: relative path → contents. */
export function buildGeneratedFiles(assetsDir = join(PACKAGE_DIR, 'assets')): Map<string, string> {
  const model = readXsdModel(join(assetsDir, 'xsd', 'EMSDataSet_v3.xsd'), 'EMSDataSet');
  const dictionary = readElementDetails(join(assetsDir, 'dictionary', 'EMSDataSet_ElementDetails_Full.txt'), model.namedCodes);
  const codes = readEnumerations(join(assetsDir, 'dictionary', 'EMSDataSet_ElementEnumerations.txt'));
  return emitGenerated({ model, dictionary, codes });
}

/**
 * What this generator owns inside `src/generated/` (other generators — Schematron, NERIS — write their own
 * sub-folders there, which must survive a run).
 */
export const OWNED_PATHS = ['index.ts', 'elements', 'types'];

/** Writes the generated files into `outDir`, replacing only the paths this generator owns. */
export function writeGeneratedFiles(outDir: string, files: Map<string, string>): void {
  for (const owned of OWNED_PATHS) rmSync(join(outDir, owned), { recursive: true, force: true });
  for (const [path, contents] of files) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = join(PACKAGE_DIR, 'src', 'generated');
  const files = buildGeneratedFiles();
  writeGeneratedFiles(outDir, files);
  console.log(`gen: wrote ${files.size} files to ${outDir}`);
}
