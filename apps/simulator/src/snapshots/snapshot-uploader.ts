import { type CameraAnalytics, parseSnapshotRef } from '@fengqiao/contracts';
import { streamSign } from '@fengqiao/media-tokens';
import { type SnapshotScene } from './snapshot-render';

export interface SnapshotUploaderOptions {
  /** The media gateway as the simulator reaches it (server to server), without a slash at the end. */
  readonly mediaUrl: string;
  readonly mediaSecret: string;
  readonly render: (scene: SnapshotScene) => Promise<Buffer>;
  readonly log: (line: string) => void;
  /** Snapshots waiting at most; more are dropped (counted), so a slow media service never grows memory. */
  readonly maxQueue?: number;
  /**
   * Renders start at least this far apart (default 500 ms: ≤ 2 ffmpeg runs a second), so `--rate 30`
   * costs a bounded share of a core; what the queue cannot hold then is dropped and counted.
   */
  readonly minIntervalMs?: number;
}

export interface SnapshotCounters {
  uploaded: number;
  failed: number;
  dropped: number;
}

/**
 * The demo's cameras keep the snapshots their analytics events point at: each reference gets a JPEG
 * rendered and stored in the media service (`PUT /snapshots/<ref>`, signed like a publish), one at a
 * time in the background, beside the event's own path (decision 0020).
 */
export class SnapshotUploader {
  readonly counters: SnapshotCounters = { uploaded: 0, failed: 0, dropped: 0 };
  private readonly queue: { ref: string; scene: SnapshotScene }[] = [];
  private running: Promise<void> | undefined;
  private lastError = 0;
  private lastStart = 0;

  constructor(private readonly o: SnapshotUploaderOptions) {}

  /** Queues a snapshot for each event that references one; never waits, never throws. */
  offer(events: readonly CameraAnalytics[]): void {
    for (const e of events) {
      if (e.snapshotRef === undefined || !parseSnapshotRef(e.snapshotRef).ok) continue;
      if (this.queue.length >= (this.o.maxQueue ?? 16)) {
        this.counters.dropped += 1;
        continue;
      }
      this.queue.push({ ref: e.snapshotRef, scene: e });
    }
    this.running ??= this.work().finally(() => (this.running = undefined));
  }

  /** Resolves once everything queued so far has been tried. */
  async drain(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  private async work(): Promise<void> {
    for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
      const wait = this.lastStart + (this.o.minIntervalMs ?? 500) - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      this.lastStart = Date.now();
      try {
        await this.upload(next.ref, await this.o.render(next.scene));
        this.counters.uploaded += 1;
      } catch (err) {
        this.counters.failed += 1;
        // One line a minute at most: a media service that is away must not flood the log.
        if (Date.now() - this.lastError > 60_000) {
          this.lastError = Date.now();
          this.o.log(`simulator: snapshot upload failed (${(err as Error).message}); events still go out`);
        }
      }
    }
  }

  private async upload(ref: string, jpeg: Buffer): Promise<void> {
    const path = `/${ref}`;
    const sign = streamSign(this.o.mediaSecret, path, Date.now() / 1000 + 300);
    const res = await fetch(`${this.o.mediaUrl}${path}?sign=${sign}`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body: jpeg,
      signal: AbortSignal.timeout(5000),
    });
    if (res.status !== 201) throw new Error(`HTTP ${res.status} ${await res.text()}`);
  }
}
