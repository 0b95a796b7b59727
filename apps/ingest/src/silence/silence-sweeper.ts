import { type IngestEvent } from '../validation/event-validator';
import { type EventsSink } from '../pipeline/rules-port';
import { type CameraSilenceWatch } from './camera-silence.watch';

/** Feeds the watch with every stored status, then hands the batch on to the next sink. */
export function silenceAwareSink(watch: CameraSilenceWatch, next: EventsSink, now: () => number): EventsSink {
  return {
    onEvents: async (batch: readonly IngestEvent[]) => {
      watch.heardStatuses(
        batch.flatMap((e) => (e.kind === 'cameraStatus' ? [e.event] : [])),
        now(),
      );
      await next.onEvents(batch);
    },
  };
}

/** Runs the watch's sweep every tick, one at a time; a failed sweep is logged and retried next tick. */
export class SilenceSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly watch: CameraSilenceWatch,
    private readonly everyMs: number,
    private readonly now: () => number,
  ) {}

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => {
      if (this.running === undefined) this.running = this.once().finally(() => (this.running = undefined));
    }, this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async once(): Promise<void> {
    try {
      const sent = await this.watch.sweep(this.now());
      if (sent > 0) log('info', `${sent} camera(s) silent past their window: offline`);
    } catch (err) {
      log(
        'warn',
        `silence sweep failed, retried next tick: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}

function log(level: 'info' | 'warn', message: string): void {
  process.stderr.write(`${JSON.stringify({ level, component: 'silence', message })}\n`);
}
