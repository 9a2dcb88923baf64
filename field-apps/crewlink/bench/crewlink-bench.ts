// CrewLink benchmark: `pnpm --filter @field/crewlink bench` (needs a build: `pnpm --filter @field/crewlink build`).
// Prints figures as ratios against baselines measured in the same run, in the same browser (Debian's Chromium).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { measureBundleSize } from './bundle-size';
import { seedCharts, timeServerPull } from './seed-charts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const chartCount = Number(process.env.BENCH_CHARTS ?? 2000);
const port = Number(process.env.BENCH_PORT ?? 8898);
const baseUrl = `http://127.0.0.1:${port}`;
const budgetBytes = 250 * 1024;

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

async function signIn(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/crewlink/`);
  await page.getByLabel('Agency').fill('demo');
  await page.getByLabel('Username').fill('medic');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
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
    const context = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();

    // Initial sync into a fresh profile, until every chart is listed.
    await signIn(page);
    const syncStart = Date.now();
    await page.waitForFunction((n) => Number(document.querySelector('[data-chart-count]')?.getAttribute('data-chart-count') ?? 0) >= n, chartCount, { timeout: 600_000, polling: 100 });
    const syncMs = Date.now() - syncStart;
    // Baseline: one IndexedDB transaction putting the same documents (what Dexie's bulkPut does underneath).
    const bulkPutMs = await page.evaluate(async (docs) => {
      const open = indexedDB.open(`bench-bulkput-${Date.now()}`, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('docs', { keyPath: 'id' });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error as Error);
      });
      const t0 = performance.now();
      const tx = db.transaction('docs', 'readwrite');
      const store = tx.objectStore('docs');
      for (const doc of docs) store.put(doc);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error as Error);
      });
      return performance.now() - t0;
    }, charts);
    console.log(`initial sync of ${chartCount} charts: ${syncMs} ms = ${(syncMs / bulkPutMs).toFixed(2)}x a raw IndexedDB bulk put of the same documents (${bulkPutMs.toFixed(0)} ms); target <= 2x`);
    const serverPull = await timeServerPull(baseUrl, 500);
    console.log(`  of which the server's share: a bare HTTP pull of the same ${serverPull.documents} charts takes ${serverPull.ms.toFixed(0)} ms = ${(serverPull.ms / bulkPutMs).toFixed(2)}x the bulk put`);

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
