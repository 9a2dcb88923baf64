// CrewLink benchmark: `pnpm --filter @field/crewlink bench` (needs a build: `pnpm --filter @field/crewlink build`).
// Prints figures as ratios against baselines measured in the same run, in the same browser (Debian's Chromium).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { measureBundleSize } from './bundle-size';
import { seedCharts, timeServerPull } from './seed-charts';
import { measureDexieBulkPut, measureInitialSync, type WorkCounts } from './sync-timing';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const chartCount = Number(process.env.BENCH_CHARTS ?? 2000);
const port = Number(process.env.BENCH_PORT ?? 8898);
const baseUrl = `http://127.0.0.1:${port}`;
const budgetBytes = 250 * 1024;
const runCount = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
// The page size CrewLink pulls with (`pull.batchSize` in field-apps/kit/src/sync/collection-replication.ts).
const pullPageSize = Number(process.env.BENCH_PULL_PAGE ?? 500);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');
  return found;
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become healthy');
}

async function main(): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('build CrewLink first: pnpm --filter @field/crewlink build');
  const size = measureBundleSize(dist);
  console.log(`initial JS (gzip): ${(size.initialGzipBytes / 1024).toFixed(1)} KB = ${(size.initialGzipBytes / budgetBytes).toFixed(2)}x the 250 KB budget; ` +
    `${((size.initialGzipBytes / size.totalJsGzipBytes) * 100).toFixed(0)}% of all JS (${(size.totalJsGzipBytes / 1024).toFixed(1)} KB, the rest lazy)`);

  const server = spawn('node', [join(root, 'scripts/start.mjs')], {
    cwd: root, stdio: 'ignore', env: { ...process.env, PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'crewlink-bench-')), DEMO: '1' },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await waitForHealth();
    const charts = await seedCharts({ baseUrl, count: chartCount });
    const runs: { syncMs: number; signInToListedMs: number; mainThreadMs: number; browserCpuMs: number; ops: WorkCounts; bulkPutMs: number; bulkPutMainThreadMs: number; bulkPutCpuMs: number; serverPullMs: number }[] = [];
    const browserCdp = await browser.newBrowserCDPSession();
    let last: { context: BrowserContext; page: Page } | undefined;
    for (let run = 0; run < runCount; run += 1) {
      // Interleaved in each run: the sync into a fresh profile, the Dexie baseline, the server pull alone.
      const sync = await measureInitialSync(browser, { baseUrl, chartCount, browserCdp, profilePath: run === 0 ? process.env.BENCH_PROFILE : undefined });
      const bulkPut = await measureDexieBulkPut(sync.page, charts, browserCdp);
      const serverPull = await timeServerPull(baseUrl, pullPageSize);
      if (serverPull.documents < chartCount) throw new Error(`server pull returned ${serverPull.documents} of ${chartCount} charts`);
      const r = { ...sync.timing, bulkPutMs: bulkPut.ms, bulkPutMainThreadMs: bulkPut.mainThreadMs, bulkPutCpuMs: bulkPut.browserCpuMs, serverPullMs: serverPull.ms };
      runs.push(r);
      console.log(`  run ${run + 1}: sync ${r.syncMs.toFixed(0)} ms, Dexie bulkPut ${r.bulkPutMs.toFixed(0)} ms, server pull alone ${r.serverPullMs.toFixed(0)} ms ` +
        `-> ${(r.syncMs / r.bulkPutMs).toFixed(2)}x (client share ${((r.syncMs - r.serverPullMs) / r.bulkPutMs).toFixed(2)}x); ` +
        `from sign-in click: Chromium CPU ${r.browserCpuMs.toFixed(0)} ms vs ${r.bulkPutCpuMs.toFixed(0)} ms for the bulkPut, ` +
        `main thread busy ${r.mainThreadMs.toFixed(0)} vs ${r.bulkPutMainThreadMs.toFixed(0)} ms, ${r.signInToListedMs.toFixed(0)} ms to listed`);
      if (last) await last.context.close();
      last = sync;
    }
    const med = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f));
    console.log(`initial sync of ${chartCount} charts: ${med((r) => r.syncMs).toFixed(0)} ms = ${med((r) => r.syncMs / r.bulkPutMs).toFixed(2)}x a raw Dexie bulkPut of the same documents ` +
      `(${med((r) => r.bulkPutMs).toFixed(0)} ms); target <= 2x (median of ${runs.length} runs, first pull request to every chart listed)`);
    console.log(`  server pull alone (Node fetch, pages of ${pullPageSize}, right after each sync): ${med((r) => r.serverPullMs).toFixed(0)} ms = ${med((r) => r.serverPullMs / r.bulkPutMs).toFixed(2)}x the bulkPut; ` +
      `client share (sync minus server pull, per run): ${med((r) => (r.syncMs - r.serverPullMs) / r.bulkPutMs).toFixed(2)}x`);
    console.log(`  Chromium CPU time (all processes) from sign-in click to listed: ${med((r) => r.browserCpuMs).toFixed(0)} ms = ${med((r) => r.browserCpuMs / r.bulkPutCpuMs).toFixed(2)}x ` +
      `its CPU time for the bulkPut (${med((r) => r.bulkPutCpuMs).toFixed(0)} ms)`);
    const ops = runs[runs.length - 1]!.ops;
    console.log(`  work of the whole initial sync (run ${runs.length}, counted until IndexedDB went quiet): ${ops.puts} IndexedDB puts, ${ops.gets} IndexedDB gets, ${ops.broadcasts} BroadcastChannel messages carrying ${ops.broadcastDocs} documents to other tabs, ${ops.listUpdates} chart list updates ` +
      `(the bulkPut: ${chartCount} puts)`);
    console.log(`  page main thread busy from sign-in click to listed: ${med((r) => r.mainThreadMs).toFixed(0)} ms = ${med((r) => r.mainThreadMs / r.bulkPutMainThreadMs).toFixed(2)}x its busy time during the bulkPut ` +
      `(${med((r) => r.bulkPutMainThreadMs).toFixed(0)} ms); sign-in click to listed: ${med((r) => r.signInToListedMs).toFixed(0)} ms`);
    if (!last) throw new Error('no run');
    const { context, page } = last;

    // Cold start offline to an interactive chart list.
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null);
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    const cold = await context.newPage();
    await page.close();
    const baselineStart = Date.now();
    await cold.goto(`${baseUrl}/crewlink/lists/impression.json`);
    const baselineMs = Date.now() - baselineStart;
    const coldStart = Date.now();
    await cold.goto(`${baseUrl}/crewlink/`);
    await cold.locator('[data-chart-id] button').first().waitFor({ timeout: 120_000 });
    const coldMs = Date.now() - coldStart;
    console.log(`cold start offline to an interactive chart list (${chartCount} charts): ${coldMs} ms = ${(coldMs / Math.max(baselineMs, 1)).toFixed(1)}x loading a precached file from the service worker (${baselineMs} ms)`);
    await context.close();
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
