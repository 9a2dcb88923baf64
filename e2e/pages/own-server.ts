import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import { findFreePort } from '@field/sync-server/testing/free-port';

const startScript = fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url));

/**
 * A sync server of a test's own, started the way `pnpm start` starts one, for settings the suite's
 * shared server must not have (short-lived tokens) or for stopping and restarting it. It uses the
 * suite's database (DATABASE_URL, or an embedded one in its own data folder) and demo data.
 */
export class OwnServer {
  private child: ChildProcess | undefined;
  private output = '';

  private constructor(readonly port: number, private readonly env: Record<string, string>) {}

  get baseURL(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(settings: Record<string, string> = {}): Promise<OwnServer> {
    const port = await findFreePort();
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'field-e2e-own-')), DEMO: '1',
      AUTH_RATE_LIMIT_PER_ADDRESS: '1000', AUTH_RATE_LIMIT_PER_ACCOUNT: '1000', SHUTDOWN_GRACE_MS: '1000',
      ...settings,
    };
    const server = new OwnServer(port, env);
    await server.resume();
    return server;
  }

  /** Starts the process (again, on the same port and data) and waits until /health answers. */
  async resume(): Promise<void> {
    if (this.child) return;
    const child = spawn(process.execPath, [startScript], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    for (let waited = 0; ; waited += 250) {
      if (!this.child) throw new Error(`own server exited while starting:\n${this.output}`);
      if (await this.healthy()) return;
      if (waited > 120_000) throw new Error(`own server did not answer /health:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** SIGTERM to the server's process group; resolves once it has exited (the port is closed). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
    this.child = undefined;
  }

  private async healthy(): Promise<boolean> {
    try {
      return (await fetch(`${this.baseURL}/health`)).ok;
    } catch {
      return false;
    }
  }
}

/**
 * Starts an own server before the file's tests and stops it after them; returns the running server
 * (call it inside a test).
 */
export function useOwnServer(settings: Record<string, string> = {}): () => OwnServer {
  let server: OwnServer | undefined;
  test.beforeAll(async () => {
    test.setTimeout(150_000);
    server = await OwnServer.start(settings);
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the own server is not running (useOwnServer is for a test file\'s tests)');
    return server;
  };
}
