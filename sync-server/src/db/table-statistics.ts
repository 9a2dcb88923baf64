import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from './rows';

interface Executor {
  execute(query: SQL): Promise<unknown>;
}

/** The tables pushes grow, analysed together. */
export const watchedTables = ['documents', 'document_attachments'] as const;

export interface TableStatisticsOptions {
  /** Rows written before the first ANALYZE, and added to every later threshold (autovacuum: 50). */
  minChanges?: number;
  /** Share of the table's rows written since the last ANALYZE that triggers the next (autovacuum: 0.1). */
  fraction?: number;
  log?: (line: string) => void;
}

/**
 * Keeps the query planner's statistics of the tables pushes grow up to date: ANALYZE once
 * `minChanges + fraction x rows` rows have been written since the last one, the rule autovacuum
 * follows. PGlite has no autovacuum at all, and Postgres's runs at most once a minute per database;
 * meanwhile a planner without statistics read a push's current versions through the pull-order
 * index, filtering every chart of the agency (5 ms at 5,000 charts, growing with each chart).
 * One ANALYZE at a time, never inside a request's transaction; a failure is logged and retried with
 * the next writes.
 */
export class TableStatistics {
  private readonly minChanges: number;
  private readonly fraction: number;
  private readonly log: (line: string) => void;
  private pending = 0;
  private rowsAtLastAnalyze = 0;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly db: Executor, options: TableStatisticsOptions = {}) {
    this.minChanges = options.minChanges ?? 500;
    this.fraction = options.fraction ?? 0.1;
    this.log = options.log ?? ((line) => console.warn(line));
  }

  /** On open: tables never analysed (a new database, or one PGlite kept before this existed) are analysed now. */
  start(): void {
    this.running = this.readRowCount().then((rows) => {
      if (rows < 0) return this.analyze();
      this.rowsAtLastAnalyze = rows;
      return undefined;
    }, (err: unknown) => this.log(`table statistics: could not read the row count: ${String(err)}`))
      .finally(() => { this.running = undefined; });
  }

  /** `rows` document versions were written (committed). */
  noteWrites(rows: number): void {
    if (this.closed || rows <= 0) return;
    this.pending += rows;
    if (this.running || this.pending < this.minChanges + this.fraction * this.rowsAtLastAnalyze) return;
    this.running = this.analyze().finally(() => { this.running = undefined; });
  }

  /** Waits for a running ANALYZE (tests; before the database closes). */
  async settle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.settle();
  }

  private async analyze(): Promise<void> {
    const written = this.pending;
    this.pending = 0;
    try {
      await this.db.execute(sql.raw(`ANALYZE ${watchedTables.join(', ')}`));
      this.rowsAtLastAnalyze = Math.max(0, await this.readRowCount());
    } catch (err) {
      this.pending += written;
      if (!this.closed) this.log(`table statistics: ANALYZE failed: ${String(err)}`);
    }
  }

  /** `documents` rows as of its last ANALYZE; -1 when it has never been analysed. */
  private async readRowCount(): Promise<number> {
    const result = await this.db.execute(sql`SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = 'documents'::regclass`);
    const [row] = rowsOf<{ rows: number | string }>(result);
    return row ? Number(row.rows) : -1;
  }
}
