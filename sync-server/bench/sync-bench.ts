/**
 * `pnpm bench` (sync-server): push and pull of realistic ePCRs through HTTP against a raw batched
 * INSERT / SELECT of the same rows in the same run and database, 200 concurrent devices, and the
 * server's peak RSS. Prints figures; never asserts them (exit 1 only when the run itself breaks).
 *
 * Environment: DATABASE_URL (else postgres://postgres@127.0.0.1:5432/postgres if reachable, else
 * PGlite), BENCH_DOCS (default 2000), BENCH_DEVICES (default 200), BENCH_CPU_PROF=<dir> to write
 * V8 CPU profiles of the server child.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePatientCareReport } from '@field/shared-model/testing';
import { chooseBenchDatabase, type RawBaseline } from './bench-database';
import {
  formatMiB, formatMs, formatRate, formatRatio, formatRatioLine, formatTable, percentile, perSecond,
} from './report';
import { startServerProcess, type MemoryFigures, type ServerProcess } from './server-process';
import { loginDemoUser, pushRows, type PushOutcome } from './sync-client';
import { comparePull, comparePush, type ThroughputRun } from './throughput';

type Chart = ReturnType<typeof makePatientCareReport>;

const docCount = readPositiveInt('BENCH_DOCS', 2000);
const deviceCount = readPositiveInt('BENCH_DEVICES', 200);
const batchSize = 100;
/** What CrewLink's replication uses (field-apps/kit collection-replication.ts): pull pages of 500, pushes of 50. */
const appPullLimit = 500;
const appPushBatch = 50;
const deviceBatches = 3;
const deviceBatchSize = 5;
const warmupCount = 200;
/** Whole pulls per side, alternating HTTP and raw (see comparePull). */
const pullPasses = 5;
/**
 * Whole pulls per side before the measured ones, not counted: a freshly started server runs its
 * first pulls partly in unoptimised code while V8 is still compiling the pull path (docs/benchmarks.md,
 * run of 5 December evening). A server in service has long passed that point.
 */
const pullWarmupPasses = 3;
const targets = { push: 0.5, pull: 0.7 };

function readPositiveInt(name: string, fallback: number): number {
  const text = process.env[name];
  const value = text ? Number(text) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number from 1, got "${text}"`);
  return value;
}

function log(line: string): void {
  console.log(line);
}

/** Realistic charts of unit M1 created by the demo medic; seeds stay small so every time is plausible. */
function makeCharts(firstSeed: number, count: number): Chart[] {
  return Array.from({ length: count }, (_, i) => makePatientCareReport({
    seed: firstSeed + i, realistic: true, agencyId: 'demo', unitId: 'M1', createdBy: 'u-medic',
  }));
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface DeviceRun {
  outcomes: PushOutcome[];
  docs: number;
}

/** Every device pushes its own charts in a few small batches, one after another; all devices at once. */
/** Each device's own charts, in push batches; made before the server starts. */
function makeDeviceBatches(firstSeed: number): Chart[][][] {
  const perDevice = deviceBatches * deviceBatchSize;
  return Array.from({ length: deviceCount }, (_, d) => chunk(makeCharts(firstSeed + d * perDevice, perDevice), deviceBatchSize));
}

/** Every device pushes its own charts in a few small batches, one after another; all devices at once. */
async function runDevices(server: ServerProcess, tokens: readonly string[], deviceBatchList: readonly Chart[][][]): Promise<DeviceRun> {
  const devices = deviceBatchList.map((batches, d) => ({ token: tokens[d % tokens.length] ?? '', batches }));
  const outcomes: PushOutcome[] = [];
  await Promise.all(devices.map(async (device) => {
    for (const batch of device.batches) {
      outcomes.push(await pushRows(server.baseUrl, device.token, batch.map((doc) => ({ newDocumentState: doc }))));
    }
  }));
  return { outcomes, docs: devices.reduce((n, d) => n + d.batches.reduce((m, b) => m + b.length, 0), 0) };
}

/** Wall time of one phase and the CPU the server and this bench process spent in it. */
interface Phase<T> {
  result: T;
  ms: number;
  serverCpuMs: number;
  clientCpuMs: number;
}

async function measurePhase<T>(server: ServerProcess, run: () => Promise<T>): Promise<Phase<T>> {
  const serverBefore = server.readCpuMs();
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  const client = process.cpuUsage(clientBefore);
  return { result, ms, serverCpuMs: server.readCpuMs() - serverBefore, clientCpuMs: (client.user + client.system) / 1000 };
}

function formatCpu(cpuMs: number, wallMs: number): string {
  return `${(cpuMs / 1000).toFixed(1)} s (${Math.round((100 * cpuMs) / Math.max(1, wallMs))}% of one core)`;
}

interface Figures {
  database: string;
  sameDatabase: boolean;
  baselineLabel: string;
  tokensNote: string;
  push: ThroughputRun;
  pull: ThroughputRun;
  appPush: ThroughputRun;
  appPull: ThroughputRun;
  devices: Phase<DeviceRun>;
  memory: MemoryFigures;
}

function printReport(figures: Figures): void {
  const { devices: devicePhase, memory } = figures;
  const devices = devicePhase.result;
  const latencies = devices.outcomes.map((o) => o.ms);
  const errors = devices.outcomes.filter((o) => !o.ok);
  const rates = (run: ThroughputRun) => ({ http: perSecond(run.httpDocs, run.httpMs), raw: perSecond(run.rawDocs, run.rawMs) });
  const push = rates(figures.push);
  const pull = rates(figures.pull);
  const appPush = rates(figures.appPush);
  const appPull = rates(figures.appPull);
  const ratio = (f: { http: number; raw: number }, target: number) => formatRatio(f.raw > 0 ? f.http / f.raw : 0, target);
  log('');
  log(`sync-server bench, ${new Date().toISOString()}, ${cpus().length} x ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`);
  log(`database: ${figures.database}`);
  log(`raw baseline: ${figures.baselineLabel}, same table shape (jsonb data)${figures.sameDatabase ? ', same database' : ''}, batches/pages of ${batchSize}`);
  log('');
  log(formatTable(['figure', 'HTTP', 'raw baseline', 'ratio', 'target'], [
    [`push ${docCount} ePCRs, batches of ${batchSize}`, formatRate(push.http), formatRate(push.raw), ratio(push, targets.push), `>= ${targets.push}`],
    [`pull ${figures.pull.httpDocs / pullPasses} ePCRs x ${pullPasses}, limit ${batchSize}`, formatRate(pull.http), formatRate(pull.raw), ratio(pull, targets.pull), `>= ${targets.pull}`],
    [`push ${figures.appPush.httpDocs} ePCRs, batches of ${appPushBatch} (CrewLink's)`, formatRate(appPush.http), formatRate(appPush.raw), ratio(appPush, targets.push), `>= ${targets.push}`],
    [`pull ${figures.appPull.httpDocs / pullPasses} x ${pullPasses}, limit ${appPullLimit} (CrewLink's)`, formatRate(appPull.http), formatRate(appPull.raw), ratio(appPull, targets.pull), `>= ${targets.pull}`],
    [`${deviceCount} devices x ${deviceBatches} pushes of ${deviceBatchSize}`, formatRate(perSecond(devices.docs, devicePhase.ms)), '', '', ''],
    ['  push latency p50 / p99', `${formatMs(percentile(latencies, 50))} / ${formatMs(percentile(latencies, 99))}`, '', '', ''],
    ['  errors', `${errors.length} of ${devices.outcomes.length} requests`, '', '', ''],
    ['server RSS at start / peak (VmHWM)', `${formatMiB(memory.startupRss)} / ${formatMiB(memory.peakRss)}`, '', '', ''],
  ]));
  log('');
  log(formatRatioLine('push', push.http, push.raw, targets.push));
  log(formatRatioLine('pull', pull.http, pull.raw, targets.pull));
  log(formatRatioLine(`push, batches of ${appPushBatch}`, appPush.http, appPush.raw, targets.push));
  log(formatRatioLine(`pull, limit ${appPullLimit}`, appPull.http, appPull.raw, targets.pull));
  log(`devices: ${figures.tokensNote}`);
  if (figures.pull.httpDocs !== figures.pull.rawDocs) {
    log(`note: HTTP pull read ${figures.pull.httpDocs} documents, raw SELECT ${figures.pull.rawDocs}`);
  }
  for (const e of errors.slice(0, 5)) log(`  error: status ${e.status}: ${e.error ?? ''}`);
  log('where the time went (CPU of the server process over the HTTP side\'s wall time):');
  log(`  push     HTTP ${(figures.push.httpMs / 1000).toFixed(1)} s, raw ${(figures.push.rawMs / 1000).toFixed(1)} s, server CPU ${formatCpu(figures.push.serverCpuMs, figures.push.httpMs)}`);
  log(`  pull     HTTP ${(figures.pull.httpMs / 1000).toFixed(1)} s, raw ${(figures.pull.rawMs / 1000).toFixed(1)} s, server CPU ${formatCpu(figures.pull.serverCpuMs, figures.pull.httpMs)}`);
  log(`  devices  ${(devicePhase.ms / 1000).toFixed(1)} s, server CPU ${formatCpu(devicePhase.serverCpuMs, devicePhase.ms)}, `
    + `bench client CPU ${formatCpu(devicePhase.clientCpuMs, devicePhase.ms)}`);
}

async function main(): Promise<void> {
  const runStarted = performance.now();
  const database = await chooseBenchDatabase(log);
  const dataDir = mkdtempSync(join(tmpdir(), 'field-sync-bench-'));
  let server: ServerProcess | undefined;
  let baseline: RawBaseline | undefined;
  try {
    log(`database: ${database.description}`);
    // Everything slow happens before the logins: an idle keep-alive socket that the server closes
    // after 5 s must not be reused by the next request.
    log(`generating ${docCount + warmupCount + appPushBatch * 20 + deviceCount * deviceBatches * deviceBatchSize} realistic ePCRs ...`);
    const warmup = makeCharts(1, warmupCount);
    const charts = makeCharts(1001, docCount);
    const appCharts = makeCharts(1001 + docCount, appPushBatch * 20);
    const deviceBatchList = makeDeviceBatches(1001 + docCount + appCharts.length);
    server = await startServerProcess({ databaseUrl: database.serverUrl, dataDir, cpuProfileDir: process.env.BENCH_CPU_PROF || undefined });
    const running = server;
    log(`server pid ${running.pid} on ${running.baseUrl}`);
    baseline = await database.openBaseline();
    const raw = baseline;
    const usernames = ['medic', 'emt', 'supervisor'];
    const tokens: string[] = [];
    for (const username of usernames) tokens.push(await loginDemoUser(running.baseUrl, username));
    const [medicToken = ''] = tokens;
    const size = Buffer.byteLength(JSON.stringify(charts[0]));
    log(`one ePCR is ${(size / 1024).toFixed(1)} KiB of JSON; warming up (${warmupCount} each way) ...`);
    const compare = { server: running, baseline: raw, token: medicToken, pageSize: batchSize };
    await comparePush(compare, warmup);
    await comparePull(compare, 1);

    log(`push ${docCount} ...`);
    const push = await comparePush(compare, charts);
    log(`pull (after ${pullWarmupPasses} whole pulls each side that are not measured) ...`);
    await comparePull(compare, pullWarmupPasses);
    const pull = await comparePull(compare, pullPasses);
    log(`push ${appCharts.length} in batches of ${appPushBatch}, pull everything in pages of ${appPullLimit} ...`);
    const appPush = await comparePush({ ...compare, pageSize: appPushBatch }, appCharts);
    const appPull = await comparePull({ ...compare, pageSize: appPullLimit }, pullPasses);
    log(`${deviceCount} concurrent devices ...`);
    const devicePhase = await measurePhase(running, () => runDevices(running, tokens, deviceBatchList));
    printReport({
      database: database.description, sameDatabase: database.kind === 'postgres', baselineLabel: raw.label,
      tokensNote: `${deviceCount} devices share ${tokens.length} access tokens (demo ${usernames.join(', ')}, assigned round-robin); `
        + 'separate logins per device would hit the login rate limit (10 per account, 30 per address a minute)',
      push, pull, appPush, appPull, devices: devicePhase, memory: running.readMemory(),
    });
  } catch (err) {
    if (server) console.error(`server output (last lines):\n${server.readOutput()}`);
    throw err;
  } finally {
    await baseline?.close();
    await server?.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  log(`bench took ${((performance.now() - runStarted) / 1000).toFixed(0)} s`);
}

main().catch((err: unknown) => {
  console.error('the bench run broke:', err);
  process.exit(1);
});
