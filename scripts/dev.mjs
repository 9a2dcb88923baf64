// `pnpm dev`: the sync server (restarting on change, demo data on) plus each app's Vite dev server
// with hot reload; the Vite servers proxy /api to the sync server on 8787.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, DEMO: process.env.DEMO ?? '1' };
const children = [
  spawn(join(root, 'node_modules/.bin/tsx'), ['watch', join(root, 'sync-server/src/main.ts')], { cwd: root, env, stdio: 'inherit' }),
  spawn('pnpm', ['--parallel', '--filter', './field-apps/*', '--filter', '!@field/kit', 'run', 'dev'], { cwd: root, env, stdio: 'inherit' }),
];
const stop = (signal) => { for (const child of children) child.kill(signal); };
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children) child.on('exit', (code) => { stop('SIGTERM'); process.exit(code ?? 0); });
