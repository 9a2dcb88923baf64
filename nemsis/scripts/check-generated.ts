/**
 * `pnpm gen:check`: regenerates `src/generated/` into a temp folder and exits 1 when the committed
 * files differ (changed, missing or extra), so CI catches hand edits and forgotten `pnpm gen` runs.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildGeneratedFiles, OWNED_PATHS, PACKAGE_DIR, writeGeneratedFiles } from './gen';

/** Files under `dir` that this generator owns (other generators' sub-folders are not ours to check). */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .filter((file) => OWNED_PATHS.some((owned) => file === owned || file.startsWith(`${owned}/`)))
    .sort();
}

const committedDir = join(PACKAGE_DIR, 'src', 'generated');
const tempDir = mkdtempSync(join(tmpdir(), 'nemsis-gen-'));
try {
  writeGeneratedFiles(tempDir, buildGeneratedFiles());
  const fresh = listFiles(tempDir);
  const committed = listFiles(committedDir);
  const problems: string[] = [];
  for (const file of fresh) {
    if (!committed.includes(file)) problems.push(`missing: src/generated/${file}`);
    else if (readFileSync(join(tempDir, file), 'utf8') !== readFileSync(join(committedDir, file), 'utf8')) {
      problems.push(`differs: src/generated/${file}`);
    }
  }
  for (const file of committed) if (!fresh.includes(file)) problems.push(`not generated any more: src/generated/${file}`);
  if (problems.length > 0) {
    console.error(`gen:check: src/generated is out of date — run \`pnpm --filter @field/nemsis gen\`:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log(`gen:check: src/generated matches the XSDs and dictionary (${fresh.length} files)`);
} finally {
  rmSync(tempDir, { recursive: true, force: true });
}
