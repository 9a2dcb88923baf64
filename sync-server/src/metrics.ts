/** Process-local counters and gauges, rendered in the Prometheus text format at GET /metrics. */
export class Metrics {
  private counters = new Map<string, number>();
  private gauges = new Map<string, () => number>();
  private help = new Map<string, string>();

  count(name: string, labels: Record<string, string> = {}, by = 1): void {
    const key = name + renderLabels(labels);
    this.counters.set(key, (this.counters.get(key) ?? 0) + by);
  }

  gauge(name: string, read: () => number, help?: string): void {
    this.gauges.set(name, read);
    if (help) this.help.set(name, help);
  }

  describe(name: string, help: string): void {
    this.help.set(name, help);
  }

  render(): string {
    const lines: string[] = [];
    const byName = new Map<string, string[]>();
    for (const [key, value] of this.counters) {
      const name = key.replace(/\{.*$/, '');
      const list = byName.get(name) ?? [];
      list.push(`${key} ${value}`);
      byName.set(name, list);
    }
    for (const [name, samples] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`# HELP ${name} ${this.help.get(name) ?? name}`, `# TYPE ${name} counter`, ...samples);
    }
    for (const [name, read] of this.gauges) {
      lines.push(`# HELP ${name} ${this.help.get(name) ?? name}`, `# TYPE ${name} gauge`, `${name} ${read()}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

function renderLabels(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`).join(',')}}`;
}
