// `pnpm bench`: runs every package's `bench` script, one at a time (they measure; they never assert).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync('pnpm', ['-r', '--if-present', '--workspace-concurrency=1', 'run', 'bench'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
