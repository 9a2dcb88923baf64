/** Formatting for the bench's printed figures. */

/** Nearest-rank percentile of `values` (0 < p <= 100); NaN-free: 0 for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : 0;
}

export function formatRate(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')} docs/s`;
}

export function formatMiB(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function formatMs(ms: number): string {
  return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

/** Two decimals, or three when two would round a ratio below the target up to it (0.496 -> "0.496", not "0.50"). */
export function formatRatio(ratio: number, target: number): string {
  return ratio < target && Number(ratio.toFixed(2)) >= target ? ratio.toFixed(3) : ratio.toFixed(2);
}

/** `push: 1234 docs/s  raw: 2345 docs/s  ratio 0.53 (target >= 0.5, met)` */
export function formatRatioLine(name: string, http: number, raw: number, target: number): string {
  const ratio = raw > 0 ? http / raw : 0;
  const verdict = ratio >= target ? 'met' : 'BELOW TARGET';
  return `${name}: ${formatRate(http)}  raw: ${formatRate(raw)}  ratio ${formatRatio(ratio, target)} (target >= ${target}, ${verdict})`;
}

/** A plain-text table with left-aligned columns. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
