// CI: fails when src/db/schema.ts has changes that no committed migration in drizzle/ covers.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));
// drizzle-kit reads --out relative to the working directory, so the scratch copy lives in the package.
const rel = '.drizzle-check';
const out = join(pkg, rel);
rmSync(out, { recursive: true, force: true });
cpSync(join(pkg, 'drizzle'), out, { recursive: true });
const before = readdirSync(out).filter((f) => f.endsWith('.sql'));
execFileSync(join(pkg, 'node_modules/.bin/drizzle-kit'),
  ['generate', '--dialect', 'postgresql', '--schema', './src/db/schema.ts', '--out', rel],
  { cwd: pkg, stdio: ['ignore', 'ignore', 'inherit'] });
const added = readdirSync(out).filter((f) => f.endsWith('.sql') && !before.includes(f));
rmSync(out, { recursive: true, force: true });
if (added.length > 0) {
  console.error(`src/db/schema.ts changed without a migration: run \`pnpm gen\` and commit sync-server/drizzle/ (would add ${added.join(', ')})`);
  process.exit(1);
}
console.log(`migrations cover the schema (${before.length} migrations)`);
