import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK, CONFIG } from '../infra/tokens';
import { GridTrendsRepository } from './grid-trends.repository';

/**
 * Refreshes grid_analytics_daily every `tuning.api.gridRollupPeriodMs` (a minute: the rollup
 * follows the raw events within it, late events included). Every API instance runs it; the SQL function serialises
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
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.tuning.api.gridRollupPeriodMs);
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
