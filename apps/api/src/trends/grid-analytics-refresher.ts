import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { GridTrendsRepository } from './grid-trends.repository';

/** The grid analytics rollup follows the raw events within this period (late events included). */
export const GRID_ROLLUP_PERIOD_MS = 60_000;

/**
 * Refreshes grid_analytics_daily every minute. Every API instance runs it; the SQL function serialises
 * them on an advisory lock, and a second caller finds the days already done and recomputes only the
 * open ones (cheap).
 */
@Injectable()
export class GridAnalyticsRefresher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('grid-rollup');
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly db: Database,
    private readonly grid: GridTrendsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), GRID_ROLLUP_PERIOD_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One refresh; also callable from tests and tools. */
  refresh(): Promise<Date | null> {
    return this.grid.refresh(this.db.pool, this.clock.now());
  }

  private async tick(): Promise<void> {
    // A slow database delays a tick; it never stacks them.
    if (this.running) return;
    this.running = true;
    try {
      await this.refresh();
    } catch (err: unknown) {
      this.logger.warn(`GRID_ROLLUP_FAILED: ${err instanceof Error ? err.message : 'unknown'}`);
    } finally {
      this.running = false;
    }
  }
}
