// Fails when any import cycle exists inside a package, or when a package imports against the
// allowed direction (apps -> kit -> nemsis -> shared-model; sync-server -> nemsis, shared-model).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const entries = ['shared-model/src/index.ts', 'nemsis/src/index.ts', 'nemsis/src/cli.ts', 'sync-server/src/main.ts',
  ...['crewlink', 'mdt', 'portal', 'console'].map((a) => `field-apps/${a}/src/main.tsx`)]
  .filter((f) => { try { return statSync(join(root, f)).isFile(); } catch { return false; } });

const reportFile = join(mkdtempSync(join(tmpdir(), 'dpdm-')), 'report.json');
execFileSync(join(root, 'node_modules/.bin/dpdm'),
  ['--no-tree', '--no-warning', '--no-progress', '-T', '--output', reportFile, ...entries],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
let failed = false;
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  if (report.circulars?.length) {
    failed = true;
    for (const c of report.circulars) console.error(`import cycle: ${c.join(' -> ')}`);
  }
} catch { /* dpdm printed no JSON: exit code already tells */ }

// Direction of dependencies between our packages.
const allowed = {
  'shared-model': [],
  nemsis: ['@field/shared-model'],
  'sync-server': ['@field/shared-model', '@field/nemsis'],
  'field-apps/kit': ['@field/shared-model', '@field/nemsis'],
  e2e: ['@field/shared-model', '@field/sync-server'],
};
for (const app of ['crewlink', 'mdt', 'portal', 'console']) allowed[`field-apps/${app}`] = ['@field/kit', '@field/shared-model', '@field/nemsis'];
function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'dist-types') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx)$/.test(name)) yield p;
  }
}
for (const [pkg, deps] of Object.entries(allowed)) {
  let dir; try { dir = join(root, pkg); statSync(dir); } catch { continue; }
  for (const file of files(dir)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/from\s+['"](@field\/[a-z-]+)/g)) {
      if (!deps.includes(m[1])) { failed = true; console.error(`${relative(root, file)}: ${pkg} may not import ${m[1]}`); }
    }
    for (const m of readFileSync(file, 'utf8').matchAll(/from\s+['"](\.\.\/)+(shared-model|nemsis|sync-server|field-apps)\//g)) {
      failed = true; console.error(`${relative(root, file)}: reaches into ${m[2]} by relative path; import the package`);
    }
  }
}
if (failed) process.exit(1);
console.log(`import check: no cycles in ${entries.length} entry graphs; package directions respected`);
