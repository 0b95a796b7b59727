/** A consumer's health as /health reports it. */
export interface ProgressReport {
  readonly ok: boolean;
  readonly detail: string;
}

interface PartitionProgress {
  /** The next offset the broker will write (high watermark) as of the last fetch. */
  highWatermark: bigint;
  /** The next offset this group will read (committed), or the first fetched while nothing was. */
  committed: bigint;
  /** When the committed offset last moved, or when work first appeared. */
  progressAt: number;
}

/**
 * Progress of one consumer, per partition: healthy means "made progress recently or has nothing to
 * do". A partition with messages waiting (high watermark above the committed offset) whose commit
 * did not move for a whole window is stuck, whatever the process's timers say: a handler wedged on a
 * half-open database connection, a consumer paused by an outage, a group that never joined.
 */
export class ConsumerProgress {
  private readonly partitions = new Map<string, PartitionProgress>();
  private joined = false;
  private joinedChangedAt: number;

  constructor(now: number = Date.now()) {
    this.joinedChangedAt = now;
  }

  /** A (re)join: the assignment may have changed, so what was owned before says nothing now. */
  joinedGroup(now: number = Date.now()): void {
    this.partitions.clear();
    this.joined = true;
    this.joinedChangedAt = now;
  }

  leftGroup(now: number = Date.now()): void {
    this.joined = false;
    this.joinedChangedAt = now;
  }

  /** A batch was handed to the handler: work exists up to the high watermark. */
  fetched(
    topic: string,
    partition: number,
    highWatermark: string,
    firstOffset: string,
    now = Date.now(),
  ): void {
    const key = `${topic}/${partition}`;
    const hw = BigInt(highWatermark);
    const p = this.partitions.get(key);
    if (p === undefined) {
      this.partitions.set(key, { highWatermark: hw, committed: BigInt(firstOffset), progressAt: now });
      return;
    }
    // Work appearing on a partition that had none starts its window now, not at its last commit.
    if (p.highWatermark <= p.committed && hw > p.committed) p.progressAt = now;
    p.highWatermark = hw > p.highWatermark ? hw : p.highWatermark;
  }

  /** The group committed `nextOffset` for the partition (after the handler's work was durable). */
  committed(topic: string, partition: number, nextOffset: string, now = Date.now()): void {
    const key = `${topic}/${partition}`;
    const next = BigInt(nextOffset);
    const p = this.partitions.get(key);
    if (p === undefined) {
      this.partitions.set(key, { highWatermark: next, committed: next, progressAt: now });
      return;
    }
    if (next > p.committed) {
      p.committed = next;
      p.progressAt = now;
    }
  }

  check(windowMs: number, now: number = Date.now()): ProgressReport {
    if (!this.joined) {
      const ok = now - this.joinedChangedAt <= windowMs;
      return { ok, detail: `not in its group for ${Math.round((now - this.joinedChangedAt) / 1000)} s` };
    }
    let lag = 0n;
    const stuck: string[] = [];
    for (const [key, p] of this.partitions) {
      const waiting = p.highWatermark - p.committed;
      if (waiting <= 0n) continue;
      lag += waiting;
      if (now - p.progressAt > windowMs) stuck.push(`${key} (${waiting} waiting)`);
    }
    if (stuck.length > 0) {
      return { ok: false, detail: `no progress for ${windowMs / 1000} s on ${stuck.slice(0, 3).join(', ')}` };
    }
    return { ok: true, detail: lag === 0n ? 'caught up' : `lag ${lag}, progressing` };
  }
}
