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
import { chooseBenchDatabase, type RawBaseline, type RawCursor, type RawRow } from './bench-database';
import {
  formatMiB, formatMs, formatRate, formatRatioLine, formatTable, percentile, perSecond,
} from './report';
import { startServerProcess, type MemoryFigures, type ServerProcess } from './server-process';
import { loginDemoUser, pullEverything, pushRows, type PushOutcome } from './sync-client';

type Chart = ReturnType<typeof makePatientCareReport>;

const docCount = readPositiveInt('BENCH_DOCS', 2000);
const deviceCount = readPositiveInt('BENCH_DEVICES', 200);
const batchSize = 100;
const pullLimit = 100;
const deviceBatches = 3;
const deviceBatchSize = 5;
const warmupCount = 200;
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

function toRawRows(charts: readonly Chart[]): RawRow[] {
  const now = new Date().toISOString();
  return charts.map((chart) => ({
    agency_id: 'demo', collection: 'epcrs', id: chart.id, data: { ...chart, updatedAt: now } as Record<string, unknown>,
    deleted: false, updated_at: now,
  }));
}

async function pushAllHttp(server: ServerProcess, token: string, charts: readonly Chart[]): Promise<number> {
  const started = performance.now();
  for (const batch of chunk(charts, batchSize)) {
    const outcome = await pushRows(server.baseUrl, token, batch.map((doc) => ({ newDocumentState: doc })));
    if (!outcome.ok) throw new Error(`push batch failed: ${outcome.status} ${outcome.error ?? ''}`);
  }
  return performance.now() - started;
}

async function insertAllRaw(baseline: RawBaseline, charts: readonly Chart[]): Promise<number> {
  const started = performance.now();
  for (const batch of chunk(charts, batchSize)) await baseline.insertBatch(toRawRows(batch));
  return performance.now() - started;
}

async function selectAllRaw(baseline: RawBaseline): Promise<{ count: number; ms: number }> {
  const started = performance.now();
  let after: RawCursor | undefined;
  let count = 0;
  for (;;) {
    const page = await baseline.selectPage(after, pullLimit);
    count += page.count;
    after = page.last;
    if (page.count < pullLimit) return { count, ms: performance.now() - started };
  }
}

interface DeviceRun {
  outcomes: PushOutcome[];
  docs: number;
  ms: number;
}

/** Every device pushes its own charts in a few small batches, one after another; all devices at once. */
async function runDevices(server: ServerProcess, tokens: readonly string[], firstSeed: number): Promise<DeviceRun> {
  const devices = Array.from({ length: deviceCount }, (_, d) => ({
    token: tokens[d % tokens.length] ?? '',
    batches: chunk(makeCharts(firstSeed + d * deviceBatches * deviceBatchSize, deviceBatches * deviceBatchSize), deviceBatchSize),
  }));
  const outcomes: PushOutcome[] = [];
  const started = performance.now();
  await Promise.all(devices.map(async (device) => {
    for (const batch of device.batches) {
      outcomes.push(await pushRows(server.baseUrl, device.token, batch.map((doc) => ({ newDocumentState: doc }))));
    }
  }));
  return { outcomes, docs: deviceCount * deviceBatches * deviceBatchSize, ms: performance.now() - started };
}

function printReport(figures: {
  database: string; baselineLabel: string; tokensNote: string;
  pushHttp: number; pushRaw: number; pullHttp: number; pullRaw: number; pulledHttp: number; pulledRaw: number;
  devices: DeviceRun; memory: MemoryFigures;
}): void {
  const { devices, memory } = figures;
  const latencies = devices.outcomes.map((o) => o.ms);
  const errors = devices.outcomes.filter((o) => !o.ok);
  const pushRatio = figures.pushRaw > 0 ? figures.pushHttp / figures.pushRaw : 0;
  const pullRatio = figures.pullRaw > 0 ? figures.pullHttp / figures.pullRaw : 0;
  log('');
  log(`sync-server bench, ${new Date().toISOString()}, ${cpus().length} x ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`);
  log(`database: ${figures.database}`);
  log(`raw baseline: ${figures.baselineLabel}, same table shape (jsonb data), same database, batches/pages of ${batchSize}`);
  log('');
  log(formatTable(['figure', 'HTTP', 'raw baseline', 'ratio', 'target'], [
    [`push ${docCount} ePCRs, batches of ${batchSize}`, formatRate(figures.pushHttp), formatRate(figures.pushRaw), pushRatio.toFixed(2), `>= ${targets.push}`],
    [`pull ${figures.pulledHttp} ePCRs, limit ${pullLimit}`, formatRate(figures.pullHttp), formatRate(figures.pullRaw), pullRatio.toFixed(2), `>= ${targets.pull}`],
    [`${deviceCount} devices x ${deviceBatches} pushes of ${deviceBatchSize}`, formatRate(perSecond(devices.docs, devices.ms)), '', '', ''],
    ['  push latency p50 / p99', `${formatMs(percentile(latencies, 50))} / ${formatMs(percentile(latencies, 99))}`, '', '', ''],
    ['  errors', `${errors.length} of ${devices.outcomes.length} requests`, '', '', ''],
    ['server RSS at start / peak (VmHWM)', `${formatMiB(memory.startupRss)} / ${formatMiB(memory.peakRss)}`, '', '', ''],
  ]));
  log('');
  log(formatRatioLine('push', figures.pushHttp, figures.pushRaw, targets.push));
  log(formatRatioLine('pull', figures.pullHttp, figures.pullRaw, targets.pull));
  log(`devices: ${figures.tokensNote}`);
  if (figures.pulledHttp !== figures.pulledRaw) log(`note: HTTP pull read ${figures.pulledHttp} documents, raw SELECT ${figures.pulledRaw}`);
  for (const e of errors.slice(0, 5)) log(`  error: status ${e.status}: ${e.error ?? ''}`);
}

async function main(): Promise<void> {
  const runStarted = performance.now();
  const database = await chooseBenchDatabase(log);
  const dataDir = mkdtempSync(join(tmpdir(), 'field-sync-bench-'));
  let server: ServerProcess | undefined;
  let baseline: RawBaseline | undefined;
  try {
    log(`database: ${database.description}`);
    server = await startServerProcess({ databaseUrl: database.serverUrl, dataDir, cpuProfileDir: process.env.BENCH_CPU_PROF || undefined });
    log(`server pid ${server.pid} on ${server.baseUrl}`);
    baseline = await database.openBaseline();
    const usernames = ['medic', 'emt', 'supervisor'];
    const tokens: string[] = [];
    for (const username of usernames) tokens.push(await loginDemoUser(server.baseUrl, username));
    const [medicToken = ''] = tokens;

    log(`generating ${docCount + warmupCount} realistic ePCRs ...`);
    const warmup = makeCharts(1, warmupCount);
    const charts = makeCharts(1001, docCount);
    const size = Buffer.byteLength(JSON.stringify(charts[0]));
    log(`one ePCR is ${(size / 1024).toFixed(1)} KiB of JSON; warming up (${warmupCount} each way) ...`);
    await pushAllHttp(server, medicToken, warmup);
    await insertAllRaw(baseline, warmup);
    await pullEverything(server.baseUrl, medicToken, pullLimit);
    await selectAllRaw(baseline);

    log('push ...');
    const rawPushMs = await insertAllRaw(baseline, charts);
    const httpPushMs = await pushAllHttp(server, medicToken, charts);
    log('pull ...');
    const rawPull = await selectAllRaw(baseline);
    const httpPullStarted = performance.now();
    const pulledHttp = await pullEverything(server.baseUrl, medicToken, pullLimit);
    const httpPullMs = performance.now() - httpPullStarted;
    log(`${deviceCount} concurrent devices ...`);
    const devices = await runDevices(server, tokens, 1001 + docCount);
    const memory = server.readMemory();
    printReport({
      database: database.description, baselineLabel: baseline.label,
      tokensNote: `${deviceCount} devices share ${tokens.length} access tokens (demo ${usernames.join(', ')}, assigned round-robin); `
        + 'separate logins per device would hit the login rate limit (10 per account, 30 per address a minute)',
      pushHttp: perSecond(docCount, httpPushMs), pushRaw: perSecond(docCount, rawPushMs),
      pullHttp: perSecond(pulledHttp, httpPullMs), pullRaw: perSecond(rawPull.count, rawPull.ms),
      pulledHttp, pulledRaw: rawPull.count, devices, memory,
    });
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
