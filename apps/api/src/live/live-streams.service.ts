import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { KpiSeriesService } from '../kpis/kpi-series.service';
import { type Clock } from '../infra/api-options';
import { CLOCK } from '../infra/tokens';
import { CameraStatusStream } from './camera-status-stream';
import { HotspotStream } from './hotspot-stream';
import { KpiStream } from './kpi-stream';
import { type LiveNamespace, type LiveSocket } from './live-types';

/** Cadences: KPI tiles every 10 s, hotspots and camera status every 5 s, the health rollup each minute. */
export const STREAM_PERIODS_MS = { kpis: 10_000, hotspots: 5_000, cameras: 5_000, healthRollup: 60_000 };

/** Drives the periodic streams of the live namespace; each tick is also callable (tests, tools). */
@Injectable()
export class LiveStreams implements OnModuleDestroy {
  private readonly logger = new Logger('live-streams');
  private readonly timers: NodeJS.Timeout[] = [];
  private namespace: LiveNamespace | undefined;

  constructor(
    readonly kpis: KpiStream,
    readonly hotspots: HotspotStream,
    readonly cameras: CameraStatusStream,
    private readonly series: KpiSeriesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  bind(namespace: LiveNamespace): void {
    this.namespace = namespace;
    this.every(STREAM_PERIODS_MS.kpis, 'kpis', () => this.tickKpis());
    this.every(STREAM_PERIODS_MS.hotspots, 'hotspots', () => this.tickHotspots());
    this.every(STREAM_PERIODS_MS.cameras, 'cameras', () => this.tickCameras());
    this.every(STREAM_PERIODS_MS.healthRollup, 'health rollup', () => this.series.refreshCameraHealth());
  }

  tickKpis(): Promise<void> {
    return this.namespace === undefined
      ? Promise.resolve()
      : this.kpis.tick(this.namespace, this.clock.now().getTime());
  }

  tickHotspots(): Promise<void> {
    return this.namespace === undefined ? Promise.resolve() : this.hotspots.tick(this.namespace);
  }

  tickCameras(): Promise<void> {
    return this.namespace === undefined ? Promise.resolve() : this.cameras.tick(this.namespace);
  }

  /** A new socket (already in its rooms) gets every stream's current state first. */
  async welcome(socket: LiveSocket): Promise<void> {
    await Promise.all([
      this.kpis.welcome(socket),
      this.hotspots.welcome(socket),
      this.cameras.welcome(socket),
    ]);
  }

  onModuleDestroy(): void {
    for (const t of this.timers) clearInterval(t);
  }

  private every(ms: number, what: string, job: () => Promise<unknown>): void {
    let running = false;
    const timer = setInterval(() => {
      // A slow database delays a tick; it never stacks them.
      if (running) return;
      running = true;
      job()
        .catch((err: unknown) =>
          this.logger.warn(`${what} tick failed: ${err instanceof Error ? err.message : 'unknown'}`),
        )
        .finally(() => {
          running = false;
        });
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
