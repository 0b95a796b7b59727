/**
 * Remembers the last broadcasts (a running count and the seq sent) and which sockets were already
 * given a seq by a replay, so that live delivery and replay never send the same change twice.
 * Bounded: a wall runs for days.
 */
export class BroadcastLog {
  private count = 0;
  private readonly recent: { readonly n: number; readonly seq: number }[] = [];
  private readonly sent = new Set<number>();
  private readonly replayed = new Map<number, { readonly at: number; readonly sockets: Set<string> }>();

  constructor(
    private readonly capacity = 10_000,
    private readonly replayTtlMs = 5 * 60_000,
  ) {}

  /** The running count; compare later with `seqsSince`. */
  mark(): number {
    return this.count;
  }

  /** False when this seq was already broadcast (Kafka redelivered it). */
  record(seq: number, nowMs: number): boolean {
    if (this.sent.has(seq)) return false;
    this.count += 1;
    this.recent.push({ n: this.count, seq });
    this.sent.add(seq);
    if (this.recent.length > this.capacity) this.sent.delete(this.recent.shift()?.seq ?? -1);
    this.expireReplays(nowMs);
    return true;
  }

  /** Seqs broadcast after `mark` (at most `capacity` back). */
  seqsSince(mark: number): Set<number> {
    const out = new Set<number>();
    for (let i = this.recent.length - 1; i >= 0; i -= 1) {
      const entry = this.recent[i];
      if (entry === undefined || entry.n <= mark) break;
      out.add(entry.seq);
    }
    return out;
  }

  /** Notes that a socket got `seq` by replay, so the live broadcast of it skips that socket. */
  replayedTo(seq: number, socketId: string, nowMs: number): void {
    const entry = this.replayed.get(seq) ?? { at: nowMs, sockets: new Set<string>() };
    entry.sockets.add(socketId);
    this.replayed.set(seq, entry);
  }

  /** The sockets to leave out of the broadcast of `seq`. */
  takeReplayed(seq: number): string[] {
    const entry = this.replayed.get(seq);
    this.replayed.delete(seq);
    return entry === undefined ? [] : [...entry.sockets];
  }

  private expireReplays(nowMs: number): void {
    for (const [seq, entry] of this.replayed) {
      if (nowMs - entry.at > this.replayTtlMs) this.replayed.delete(seq);
    }
  }
}
