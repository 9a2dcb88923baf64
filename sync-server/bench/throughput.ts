import type { RawBaseline, RawCursor, RawRow } from './bench-database';
import type { ServerProcess } from './server-process';
import { pullPage, pushRows } from './sync-client';

/**
 * HTTP against the raw baseline, interleaved batch by batch (HTTP batch, then the same batch raw),
 * so that load from other processes on a shared machine falls on both sides alike.
 */
export interface ThroughputRun {
  httpMs: number;
  rawMs: number;
  httpDocs: number;
  rawDocs: number;
  /** CPU the server process used during the run (it is idle while the raw side runs). */
  serverCpuMs: number;
}

export interface CompareOptions {
  server: ServerProcess;
  baseline: RawBaseline;
  token: string;
  /** Documents per push batch / pull page, on both sides. */
  pageSize: number;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The same rows as the raw baseline stores them: the server's `documents` columns. */
function toRawRows(docs: readonly { id: string }[]): RawRow[] {
  const now = new Date().toISOString();
  return docs.map((doc) => ({
    agency_id: 'demo', collection: 'epcrs', id: doc.id, data: { ...doc, updatedAt: now }, deleted: false, updated_at: now,
  }));
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** POST push of `docs` in batches against a raw batched INSERT of the same batches. */
export async function comparePush(options: CompareOptions, docs: readonly { id: string }[]): Promise<ThroughputRun> {
  const { server, baseline, token, pageSize } = options;
  const run: ThroughputRun = { httpMs: 0, rawMs: 0, httpDocs: 0, rawDocs: 0, serverCpuMs: 0 };
  const cpuBefore = server.readCpuMs();
  for (const batch of chunk(docs, pageSize)) {
    run.httpMs += await timed(async () => {
      const outcome = await pushRows(server.baseUrl, token, batch.map((doc) => ({ newDocumentState: doc })));
      if (!outcome.ok) throw new Error(`push batch failed: ${outcome.status} ${outcome.error ?? ''}`);
    });
    run.httpDocs += batch.length;
    run.rawMs += await timed(() => baseline.insertBatch(toRawRows(batch)));
    run.rawDocs += batch.length;
  }
  run.serverCpuMs = server.readCpuMs() - cpuBefore;
  return run;
}

/**
 * GET pull of everything, page by page following the checkpoint, against a keyset SELECT of the
 * raw table reading the same pages. Whole passes alternate (HTTP pass, raw pass, `passes` times):
 * the server reads the next page ahead while the device receives one (pull read-ahead), and that
 * work must not run inside the raw side's timed pages. Alternating passes still spreads load from
 * other processes over both sides.
 */
export async function comparePull(options: CompareOptions, passes = 3): Promise<ThroughputRun> {
  const { server, baseline, token, pageSize } = options;
  const run: ThroughputRun = { httpMs: 0, rawMs: 0, httpDocs: 0, rawDocs: 0, serverCpuMs: 0 };
  for (let pass = 0; pass < passes; pass++) {
    const cpuBefore = server.readCpuMs();
    run.httpMs += await timed(async () => {
      let checkpoint: string | null = null;
      for (;;) {
        const page = await pullPage(server.baseUrl, token, checkpoint, pageSize);
        run.httpDocs += page.count;
        checkpoint = page.checkpoint;
        if (page.count < pageSize) return;
      }
    });
    run.serverCpuMs += server.readCpuMs() - cpuBefore;
    run.rawMs += await timed(async () => {
      let after: RawCursor | undefined;
      for (;;) {
        const page = await baseline.selectPage(after, pageSize);
        run.rawDocs += page.count;
        after = page.last;
        if (page.count < pageSize) return;
      }
    });
  }
  return run;
}
