import { realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';

/** Dexie as a plain script (the same version RxDB's Dexie storage runs on), for the baseline. */
const dexieScript = join(realpathSync(fileURLToPath(new URL('../../kit/node_modules/dexie', import.meta.url))), 'dist/dexie.min.js');

export interface InitialSyncTiming {
  /** From the first `epcrs` pull request leaving the page until the list shows every chart. */
  syncMs: number;
  /** From the Sign in click until the list shows every chart (adds login, database open, app start). */
  signInToListedMs: number;
  /** Time the page's main thread was busy from the Sign in click until the list was seen complete (CDP TaskDuration). */
  mainThreadMs: number;
  ops: WorkCounts;
  /** CPU time of all Chromium processes over the same span (not the server's: it runs in Node). */
  browserCpuMs: number;
}

export interface InitialSyncOptions {
  baseUrl: string;
  chartCount: number;
  /** Browser-level CDP session, for the CPU time of every Chromium process. */
  browserCdp: CDPSession;
  /** Write a Chrome DevTools CPU profile of the sync (sign in to every chart listed) to this file. */
  profilePath?: string | undefined;
}

/**
 * Records (in page time) the moment the chart list first shows at least `n` charts. A string, not a
 * function: tsx would wrap named functions in a `__name` helper that does not exist in the page.
 */
function watchChartCount(n: number): string {
  return `(() => {
    const check = () => {
      if (window.__listedAt !== undefined) return;
      const shown = Number(document.querySelector('[data-chart-count]')?.getAttribute('data-chart-count') ?? 0);
      if (shown !== lastShown && window.__benchOps) window.__benchOps.listUpdates += 1;
      lastShown = shown;
      if (shown >= ${n}) window.__listedAt = performance.now();
    };
    let lastShown = 0;
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-chart-count'] });
    // Deterministic work counters (the machine is shared, so times are noisy; these are not).
    const ops = window.__benchOps = { puts: 0, gets: 0, broadcasts: 0, broadcastDocs: 0, listUpdates: 0 };
    const count = (proto, name, key) => {
      const original = proto[name];
      proto[name] = function (...args) { ops[key] += 1; return original.apply(this, args); };
    };
    count(IDBObjectStore.prototype, 'put', 'puts');
    count(IDBObjectStore.prototype, 'add', 'puts');
    count(IDBObjectStore.prototype, 'get', 'gets');
    const post = BroadcastChannel.prototype.postMessage;
    BroadcastChannel.prototype.postMessage = function (message) {
      {
        ops.broadcasts += 1;
        // RxDB's change events travel inside the broadcast-channel library's envelope ({time, type, data}).
        const bulk = message?.data?.eventBulk ?? message?.eventBulk;
        ops.broadcastDocs += bulk?.events?.length ?? 0;
      }
      return post.call(this, message);
    };
  })();`;
}

/** What the page did for the whole initial sync (until it went quiet): IndexedDB requests and documents posted to other tabs. */
export interface WorkCounts {
  puts: number;
  gets: number;
  broadcasts: number;
  broadcastDocs: number;
  /** How many times the chart list showed a new count until every chart was listed. */
  listUpdates: number;
}

/** Milliseconds the page's main thread has spent running tasks so far. */
async function taskDuration(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

async function signIn(page: Page, baseUrl: string, beforeClick: () => Promise<void>): Promise<number> {
  await page.goto(`${baseUrl}/crewlink/`);
  await page.getByLabel('Agency').fill('demo');
  await page.getByLabel('Username').fill('medic');
  await page.getByLabel('Password').fill('demo-password');
  await beforeClick();
  const clickedAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Sign in' }).click();
  return clickedAt;
}

/**
 * Initial sync into a fresh browser profile (a new context): signs in as the demo medic and waits
 * until the chart list shows every seeded chart, which it only does once they are stored in RxDB.
 */
export async function measureInitialSync(browser: Browser, options: InitialSyncOptions): Promise<{ timing: InitialSyncTiming; context: BrowserContext; page: Page }> {
  // bypassCSP only so the baseline can load Dexie as a script tag into the same origin afterwards.
  const context = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const page = await context.newPage();
  await page.addInitScript({ content: watchChartCount(options.chartCount) });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (options.profilePath) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const busyBefore = { value: 0, cpu: new Map<number, number>() };
  const clickedAt = await signIn(page, options.baseUrl, async () => {
    busyBefore.value = await taskDuration(cdp);
    busyBefore.cpu = await chromiumCpu(options.browserCdp);
  });
  await page.waitForFunction(() => (window as unknown as { __listedAt?: number }).__listedAt !== undefined, undefined, { timeout: Number(process.env.BENCH_TIMEOUT_MS ?? 600_000), polling: 50 });
  const browserCpuMs = cpuSpent(busyBefore.cpu, await chromiumCpu(options.browserCdp));
  const mainThreadMs = (await taskDuration(cdp)) - busyBefore.value;
  if (options.profilePath) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(options.profilePath, JSON.stringify(profile));
  }
  await cdp.detach();
  const marks = await page.evaluate(() => {
    const pulls = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/sync/epcrs/') && e.name.includes('/pull?'));
    const w = window as unknown as { __listedAt: number; __benchOps: WorkCounts };
    return { firstPull: Math.min(...pulls.map((e) => e.startTime)), listedAt: w.__listedAt };
  });
  const readOps = () => page.evaluate(() => ({ ...(window as unknown as { __benchOps: WorkCounts }).__benchOps }));
  // The replication's own bookkeeping may still be writing after the list is complete: count it too.
  let ops = await readOps();
  for (let quiet = 0; quiet < 3;) {
    await page.waitForTimeout(250);
    const next = await readOps();
    quiet = next.puts === ops.puts && next.gets === ops.gets ? quiet + 1 : 0;
    ops = next;
  }
  return {
    timing: { syncMs: marks.listedAt - marks.firstPull, signInToListedMs: marks.listedAt - clickedAt, mainThreadMs, browserCpuMs, ops },
    context,
    page,
  };
}

/** Baseline: Dexie `bulkPut` of the same documents into a fresh table, in the same page (same browser and origin). */
export async function measureDexieBulkPut(page: Page, docs: readonly Record<string, unknown>[], browserCdp: CDPSession): Promise<{ ms: number; mainThreadMs: number; browserCpuMs: number }> {
  if (!(await page.evaluate(() => 'Dexie' in window))) await page.addScriptTag({ path: dexieScript });
  // Hand the documents over first, so that neither figure includes copying them into the page.
  await page.evaluate((documents) => {
    (window as unknown as { __benchDocs: unknown }).__benchDocs = documents;
  }, docs);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await taskDuration(cdp);
  const cpuBefore = await chromiumCpu(browserCdp);
  const ms = await page.evaluate(async () => {
    const documents = (window as unknown as { __benchDocs: unknown[] }).__benchDocs;
    type Table = { bulkPut(items: readonly unknown[]): Promise<unknown> };
    type DexieDb = { version(n: number): { stores(s: Record<string, string>): void }; open(): Promise<unknown>; table(name: string): Table; delete(): Promise<void> };
    const Dexie = (window as unknown as { Dexie: new (name: string) => DexieDb }).Dexie;
    const db = new Dexie(`bench-bulkput-${Date.now()}`);
    db.version(1).stores({ docs: 'id' });
    await db.open();
    const t0 = performance.now();
    await db.table('docs').bulkPut(documents);
    const ms = performance.now() - t0;
    await db.delete();
    delete (window as unknown as { __benchDocs?: unknown }).__benchDocs;
    return ms;
  });
  const browserCpuMs = cpuSpent(cpuBefore, await chromiumCpu(browserCdp));
  const mainThreadMs = (await taskDuration(cdp)) - before;
  await cdp.detach();
  return { ms, mainThreadMs, browserCpuMs };
}

/** CPU time used so far by every Chromium process (browser, renderers, network, storage), per process id, in ms. */
export async function chromiumCpu(browserCdp: CDPSession): Promise<Map<number, number>> {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  return new Map(processInfo.map((p) => [p.id, p.cpuTime * 1000]));
}

/** CPU milliseconds all Chromium processes used between two `chromiumCpu` readings (10 ms resolution). */
export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [id, ms] of after) sum += ms - (before.get(id) ?? 0);
  return sum;
}
