/**
 * A fixed-window counter per key, in memory. Per instance on purpose: N instances allow N× the
 * limit, which still stops password guessing; a shared limiter would need Redis we do not run.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts one hit; false when the key is over its limit in the current window. */
  hit(key: string, nowMs: number): boolean {
    const w = this.windows.get(key);
    if (w === undefined || nowMs - w.start >= this.windowMs) {
      if (this.windows.size > 50_000) this.sweep(nowMs);
      this.windows.set(key, { start: nowMs, count: 1 });
      return this.limit >= 1;
    }
    w.count += 1;
    return w.count <= this.limit;
  }

  private sweep(nowMs: number): void {
    for (const [key, w] of this.windows) if (nowMs - w.start >= this.windowMs) this.windows.delete(key);
  }
}
