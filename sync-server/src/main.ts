import { readConfig } from './config';
import { startServer } from './server';

/** `pnpm start`: the sync server plus the four apps on one port. SIGTERM/SIGINT drain, then exit. */
const config = readConfig();
const shutdownGraceMs = config.shutdownGraceMs;
const server = await startServer({ config });
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining in-flight requests`);
    server.stop(shutdownGraceMs).then(() => process.exit(0), (err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  });
}
