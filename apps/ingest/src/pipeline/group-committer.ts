import { type FlushControl, type IncomingMessage } from './incoming-message';

const HEARTBEAT_MS = 1000;

interface Submission<T> {
  readonly items: readonly T[];
  readonly control: FlushControl;
  resolve(): void;
  reject(err: unknown): void;
}

export interface GroupCommitOptions {
  /** A flush starts as soon as this many messages wait. */
  readonly maxRows: number;
  /** ...or this long after the first one arrived, whichever is first. */
  readonly lingerMs: number;
}

/**
 * Coalesces the partition batches the consumer hands over concurrently into one database
 * transaction (group commit): few large transactions instead of many small ones. One flush runs at a
 * time; batches arriving meanwhile form the next. Memory stays bounded because each submitter waits
 * for its flush before its partition is fetched again.
 */
export class GroupCommitter<T = IncomingMessage> {
  private pending: Submission<T>[] = [];
  private pendingRows = 0;
  private flushing = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly flush: (items: T[], control: FlushControl) => Promise<void>,
    private readonly options: GroupCommitOptions,
  ) {}

  /** `rows` counts towards `maxRows` (an item may stand for a whole validated partition batch). */
  submit(items: readonly T[], control: FlushControl, rows = items.length): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ items, control, resolve, reject });
      this.pendingRows += rows;
      if (this.pendingRows >= this.options.maxRows) this.kick();
      else this.timer ??= setTimeout(() => this.kick(), this.options.lingerMs);
    });
  }

  private kick(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.flushing) void this.drain();
  }

  private async drain(): Promise<void> {
    this.flushing = true;
    while (this.pending.length > 0) {
      const group = this.pending;
      this.pending = [];
      this.pendingRows = 0;
      const control = combinedControl(group);
      // A flush can outlast the session timeout on a loaded machine: keep the membership alive.
      const heartbeat = setInterval(() => void control.keepAlive().catch(() => undefined), HEARTBEAT_MS);
      try {
        await this.flush(
          group.flatMap((s) => s.items),
          control,
        );
        for (const s of group) s.resolve();
      } catch (err) {
        for (const s of group) s.reject(err);
      } finally {
        clearInterval(heartbeat);
      }
    }
    this.flushing = false;
  }
}

// Keeping any member's session alive keeps the consumer's; the flush is worth finishing while
// at least one of its batches is still ours (the others' offsets simply will not commit).
function combinedControl<T>(group: readonly Submission<T>[]): FlushControl {
  return {
    keepAlive: async () => {
      const live = group.find((s) => s.control.isActive());
      if (live !== undefined) await live.control.keepAlive();
    },
    isActive: () => group.some((s) => s.control.isActive()),
  };
}
