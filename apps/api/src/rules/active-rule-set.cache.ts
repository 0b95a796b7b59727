import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { ActiveCaseClockCache, type ActiveCaseClock } from '@fengqiao/db';
import { Database } from '../infra/database';
import { CONFIG } from '../infra/tokens';

export { type ActiveCaseClock } from '@fengqiao/db';

/**
 * The API's handle on the ACTIVE rule set's case clock (libs/db `ActiveCaseClockCache`, shared with
 * the simulator) for the deadlines it stamps on case events (`dueAt`). Loaded at start (after
 * RulesService has seeded version 1), polled like the routing table (config.tuning.api.routingPollMs),
 * and reloaded at once by an activation in this process.
 */
@Injectable()
export class ActiveRuleSetCache implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('rules');
  private readonly cache: ActiveCaseClockCache;

  constructor(
    db: Database,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {
    this.cache = new ActiveCaseClockCache(db.pool, (loaded) =>
      this.logger.log(`rule-set-loaded-for-case-deadlines version=${loaded.version}`),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.cache.start(this.config.tuning.api.routingPollMs, (err) => {
      const message = err instanceof Error ? err.message.slice(0, 300) : 'unknown';
      this.logger.warn(`RULE_SET_REFRESH_FAILED: ${message}`);
    });
  }

  onModuleDestroy(): void {
    this.cache.stop();
  }

  current(): ActiveCaseClock {
    return this.cache.current();
  }

  refresh(): Promise<ActiveCaseClock> {
    return this.cache.refresh();
  }
}
