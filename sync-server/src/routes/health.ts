import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Database } from '../db/connect';
import type { Metrics } from '../metrics';

/** GET /health (database reachable) and GET /metrics (Prometheus text). */
export function healthRoutes(deps: { database: Database; metrics: Metrics }) {
  const app = new Hono();
  deps.metrics.gauge('process_resident_memory_bytes', () => process.memoryUsage().rss, 'Resident set size in bytes');
  app.get('/health', async (c) => {
    try {
      await deps.database.db.execute(sql`select 1`);
      return c.json({ status: 'ok', database: deps.database.kind });
    } catch {
      return c.json({ status: 'unavailable', database: deps.database.kind }, 503);
    }
  });
  app.get('/metrics', (c) => c.text(deps.metrics.render(), 200, { 'Content-Type': 'text/plain; version=0.0.4' }));
  return app;
}
