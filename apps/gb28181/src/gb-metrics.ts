/** Counters of the access service, by name; served on /metrics (Prometheus text) and in /health. */
export class GbMetrics {
  private readonly counters = new Map<string, number>();
  private readonly gauges = new Map<string, () => number>();

  inc(name: string, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  get(name: string): number {
    return this.counters.get(name) ?? 0;
  }

  gauge(name: string, read: () => number): void {
    this.gauges.set(name, read);
  }

  snapshot(): Record<string, number> {
    const out: Record<string, number> = Object.fromEntries(this.counters);
    for (const [name, read] of this.gauges) out[name] = read();
    return out;
  }

  prometheus(): string {
    const lines = Object.entries(this.snapshot())
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, v]) => `fq_gb28181_${name.replace(/[^a-zA-Z0-9_]/g, '_')} ${v}`);
    return `${lines.join('\n')}\n`;
  }
}
