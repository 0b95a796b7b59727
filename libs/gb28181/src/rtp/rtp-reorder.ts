import { type RtpPacket } from './rtp-packet';

/** What became of the packets pushed so far (counted by the receiver). */
export interface ReorderCounts {
  /** Sequence numbers skipped because they did not come within the window. */
  lost: number;
  /** Packets that came after their place was passed, or twice. */
  late: number;
}

/** Distance from a to b on the 16-bit sequence circle, in (-32768, 32768]. */
const seqDiff = (a: number, b: number): number => ((b - a + 32_768 + 65_536) % 65_536) - 32_768;

/**
 * Puts RTP packets back in sequence order (UDP reorders): a packet ahead of the next expected waits
 * until the gap fills or `window` packets wait, then the gap counts as lost and delivery skips on.
 * Sequence numbers wrap at 65,536.
 */
export class RtpReorder {
  private next: number | undefined;
  private readonly waiting = new Map<number, RtpPacket>();
  readonly counts: ReorderCounts = { lost: 0, late: 0 };

  constructor(private readonly window = 64) {}

  /** The packets now deliverable, in order. */
  push(p: RtpPacket): RtpPacket[] {
    if (this.next === undefined) this.next = p.sequence;
    const d = seqDiff(this.next, p.sequence);
    if (d < 0 || this.waiting.has(p.sequence)) {
      this.counts.late++;
      return [];
    }
    this.waiting.set(p.sequence, p);
    const out = this.drain();
    while (this.waiting.size > this.window) {
      this.skipToOldestWaiting();
      out.push(...this.drain());
    }
    return out;
  }

  private drain(): RtpPacket[] {
    const out: RtpPacket[] = [];
    for (let p = this.waiting.get(this.next ?? 0); p !== undefined; p = this.waiting.get(this.next ?? 0)) {
      this.waiting.delete(p.sequence);
      out.push(p);
      this.next = (p.sequence + 1) % 65_536;
    }
    return out;
  }

  private skipToOldestWaiting(): void {
    const from = this.next ?? 0;
    let best = Infinity;
    for (const seq of this.waiting.keys()) best = Math.min(best, seqDiff(from, seq));
    this.counts.lost += best;
    this.next = (from + best) % 65_536;
  }
}
