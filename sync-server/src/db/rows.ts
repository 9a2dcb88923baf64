/** Rows of a raw `db.execute()` result, whichever driver ran it (postgres.js returns an array, PGlite `{rows}`). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
