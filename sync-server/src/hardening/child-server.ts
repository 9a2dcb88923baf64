import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { findFreePort } from '../testing/free-port';

/** The real server (`sync-server/src/main.ts`) in a child process, as `pnpm start` runs it. */
export interface ChildServer {
  process: ChildProcess;
  port: number;
  baseUrl: string;
  /** Everything the child wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code and signal once the child has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when the child's output contains `text`. */
  waitForOutput(text: string): Promise<void>;
}

export interface StartChildServerOptions {
  dataDir: string;
  /** Postgres URL; undefined = embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
}

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));


/**
 * Starts the server with demo data and waits until GET /health answers (polling, no fixed sleep).
 * One process (`node --import tsx`), so a signal sent to it reaches the server itself.
 */
export async function startChildServer(options: StartChildServerOptions): Promise<ChildServer> {
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: options.dataDir, DEMO: '1' };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const w of waiters.filter((x) => output.includes(x.text))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ChildServer = {
    process: child, port, baseUrl, exited,
    output: () => output,
    waitForOutput: (text) => (output.includes(text) ? Promise.resolve() : new Promise((resolve) => waiters.push({ text, resolve }))),
  };
  let gone = false;
  void exited.then(() => { gone = true; });
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (gone) throw new Error(`the server exited before it was healthy:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not become healthy within 60 s:\n${output}`);
}

/** A fresh database on the Postgres of `adminUrl`, for a child server; `drop()` removes it. */
export async function createScratchPostgres(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `field_shutdown_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
