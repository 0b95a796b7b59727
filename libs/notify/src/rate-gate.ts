/**
 * Spacing per robot: WeCom and DingTalk allow 20 messages a minute per robot (DingTalk throttles
 * for 10 minutes beyond it), so each key sends at most one message every `spacingMs`. Pure: the
 * caller passes `now` and waits for the returned instant.
 */
export class RateGate {
  private readonly next = new Map<string, number>();

  constructor(private readonly spacingMs: number) {}

  /** Reserves the next slot for `key`: the instant (≥ now) at which this message may go. */
  reserve(key: string, nowMs: number): number {
    const at = Math.max(nowMs, this.next.get(key) ?? 0);
    this.next.set(key, at + this.spacingMs);
    return at;
  }
}
