import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ServerProcessOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Folder for V8 CPU profiles of the server (`--cpu-prof`); undefined = no profiling. */
  cpuProfileDir?: string | undefined;
}

/** Resident memory of the server process, from /proc/<pid>/status, in bytes. */
export interface MemoryFigures {
  startupRss: number;
  /** Highest VmRSS seen by sampling every 50 ms. */
  sampledPeakRss: number;
  /** The kernel's own high-water mark (VmHWM): the peak, including spikes between samples. */
  peakRss: number;
}

export interface ServerProcess {
  pid: number;
  baseUrl: string;
  /** Stops sampling and reads the peak; call before `stop()`. */
  readMemory(): MemoryFigures;
  /** CPU time (user + system) the server process has used so far, in ms. */
  readCpuMs(): number;
  /** The last lines the server printed (for a run that broke). */
  readOutput(): string;
  stop(): Promise<void>;
}

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

function readStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

const clockTicksPerSecond = 100;

function readCpuMs(pid: number): number {
  try {
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields overall.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
  } catch {
    return 0;
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts `src/main.ts` as its own Node process (node --import tsx, so the pid is the server itself,
 * not a tsx wrapper) on a free loopback port with demo data, and samples its RSS.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: options.dataDir, DEMO: '1',
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  const profiling = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', 'src/main.ts'], {
    cwd: packageRoot, env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8000);
      const match = /field sync server on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${code} before listening:\n${output}`));
    });
  });
  const pid = child.pid ?? 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  // `connection: close`: no idle keep-alive socket is left for a later request to find closed.
  const health = await fetch(`${baseUrl}/health`, { headers: { connection: 'close' } });
  if (!health.ok) throw new Error(`GET /health answered ${health.status}`);

  const startupRss = readStatusKb(pid, 'VmRSS') ?? 0;
  let sampledPeakRss = startupRss;
  const sampler = setInterval(() => {
    sampledPeakRss = Math.max(sampledPeakRss, readStatusKb(pid, 'VmRSS') ?? 0);
  }, 50);
  let memory: MemoryFigures | undefined;
  const readMemory = (): MemoryFigures => {
    if (!memory) {
      clearInterval(sampler);
      sampledPeakRss = Math.max(sampledPeakRss, readStatusKb(pid, 'VmRSS') ?? 0);
      memory = { startupRss, sampledPeakRss, peakRss: readStatusKb(pid, 'VmHWM') ?? sampledPeakRss };
    }
    return memory;
  };
  return {
    pid,
    baseUrl,
    readMemory,
    readCpuMs: () => readCpuMs(pid),
    readOutput: () => output,
    async stop() {
      readMemory();
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 15_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    },
  };
}
