// `pnpm start`: builds any app whose dist/ is missing, then runs the sync server serving all four
// apps on one port, with the embedded database and demo data unless told otherwise.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const apps = ['crewlink', 'mdt', 'portal', 'console'];
const missing = apps.filter((app) => !existsSync(join(root, 'field-apps', app, 'dist', 'index.html')));
if (missing.length > 0) {
  console.log(`building ${missing.join(', ')} …`);
  const filters = missing.flatMap((app) => ['--filter', `@field/${app}`]);
  const built = spawnSync('pnpm', [...filters, 'run', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const env = { ...process.env, DEMO: process.env.DEMO ?? '1' };
const server = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'sync-server/src/main.ts')], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
