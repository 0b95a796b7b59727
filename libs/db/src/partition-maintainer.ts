import { type Queryable } from './transaction';

/** Creates the month partitions from `now`'s month to 6 months past it (plain PostgreSQL); 0 under TimescaleDB. */
export async function maintainTimePartitions(db: Queryable, now: Date): Promise<number> {
  const res = await db.query<{ created: number }>('SELECT fq_maintain_time_partitions($1) AS created', [now]);
  return res.rows[0]?.created ?? 0;
}

/** Every 6 hours: months are created half a year ahead, so a missed run or two changes nothing. */
export const PARTITION_MAINTENANCE_EVERY_MS = 6 * 3_600_000;

/**
 * Keeps the plain path's month partitions ahead for as long as the process runs: once at start, then
 * on an interval. A failed run is reported and retried at the next tick; it never stops the process.
 */
export class PartitionMaintainer {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Queryable,
    private readonly now: () => Date,
    private readonly report: (created: number | Error) => void,
    private readonly everyMs: number = PARTITION_MAINTENANCE_EVERY_MS,
  ) {}

  async runOnce(): Promise<number> {
    return maintainTimePartitions(this.db, this.now());
  }

  start(): void {
    if (this.timer !== undefined) return;
    const tick = (): void => {
      this.runOnce().then(this.report, (err: unknown) =>
        this.report(err instanceof Error ? err : new Error(String(err))),
      );
    };
    tick();
    this.timer = setInterval(tick, this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
