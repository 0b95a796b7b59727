import { type ChildProcess } from 'node:child_process';
import { killGroup, spawnGroup } from './process-group';

/** One long-running ffmpeg the fleet keeps alive: a synthetic camera or a relay. */
export interface FleetMember {
  readonly id: string;
  /** Built at each launch, so what expires (a signed publish URL) is fresh on every reconnect. */
  readonly args: () => readonly string[];
}

export interface FleetBackoff {
  /** Delay before the first restart. */
  readonly initialMs: number;
  /** Ceiling of the doubling delay (a source down for hours is retried this often). */
  readonly maxMs: number;
  /** A run this long counts as healthy and resets the delay. */
  readonly healthyAfterMs: number;
}

/**
 * Keeps ffmpeg processes running, each in its own process group, and restarts one that exits (the
 * source went away, the media service restarted) with a doubling delay, as a real camera or NVR
 * relay reconnects. `stop()` kills every group: no ffmpeg outlives the fleet.
 */
export class FfmpegFleet {
  private readonly children = new Map<string, ChildProcess>();
  private readonly delays = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly label: string,
    private readonly members: readonly FleetMember[],
    private readonly log: (line: string) => void,
    private readonly backoff: FleetBackoff,
  ) {}

  start(): void {
    for (const m of this.members) this.launch(m);
  }

  /** Ids whose ffmpeg is running now. */
  running(): string[] {
    return [...this.children.entries()].filter(([, c]) => c.exitCode === null).map(([id]) => id);
  }

  private launch(m: FleetMember): void {
    if (this.stopped) return;
    const child = spawnGroup('ffmpeg', m.args());
    const startedAt = Date.now();
    this.children.set(m.id, child);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-500)));
    child.once('exit', (code) => {
      if (this.stopped) return;
      const healthy = Date.now() - startedAt >= this.backoff.healthyAfterMs;
      const previous = this.delays.get(m.id);
      const delay =
        healthy || previous === undefined
          ? this.backoff.initialMs
          : Math.min(previous * 2, this.backoff.maxMs);
      this.delays.set(m.id, delay);
      this.log(`${this.label} ${m.id}: ffmpeg exited (${code}); retrying in ${delay} ms ${stderr.trim()}`);
      // Not unref'd: while every ffmpeg is down (media service not up yet) this timer is what keeps
      // a fleet-only process alive to retry.
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.launch(m);
      }, delay);
      this.timers.add(timer);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.all([...this.children.values()].map((c) => killGroup(c, 2000)));
    this.children.clear();
  }
}
