/**
 * `pnpm -s admin <command>`: agencies and staff accounts (see run-admin.ts for the commands). Opens the
 * server's database (DATABASE_URL, or the embedded one in DATA_DIR) and applies pending migrations first.
 */
import { userInfo } from 'node:os';
import { readConfig } from '../config';
import { openDatabase } from '../db/connect';
import { runAdmin } from './run-admin';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function operator(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

const config = readConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 1 });
try {
  process.exitCode = await runAdmin(process.argv.slice(2), {
    db: database.db,
    actor: { id: `admin-cli:${operator()}` },
    io: { out: (line) => console.log(line), err: (line) => console.error(line), readStdin },
  });
} finally {
  await database.close();
}
