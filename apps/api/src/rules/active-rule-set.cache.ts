import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ruleSetSchema, type RuleSetInput } from '@fengqiao/contracts';
import { type FengqiaoConfig } from '@fengqiao/config';
import { ActiveVersionCache } from '@fengqiao/db';
import { caseDueTimesOf, type CaseDueTimes } from '@fengqiao/domain';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { Database } from '../infra/database';
import { CONFIG } from '../infra/tokens';
import { RULE_SET_VERSIONS } from '../versioned/versioned-tables';

/** The rule set a process stamps case deadlines with, and its due times (@fengqiao/domain). */
export interface ActiveCaseClock {
  /** null until a stored version is loaded: the default set (libs/rules) stands in. */
  readonly version: number | null;
  readonly ruleSet: RuleSetInput;
  readonly due: CaseDueTimes;
}

const parseRuleSet = (raw: unknown): RuleSetInput => ruleSetSchema.parse(raw);

/**
 * The ACTIVE rule set, cached, for the deadlines the API stamps on case events (`dueAt`): the same
 * version the KPI tiles, the cases projection (case_clock_rules) and the engine measure against.
 * Loaded at start (after RulesService has seeded version 1), polled like the routing table
 * (config.tuning.api.routingPollMs), and reloaded at once by an activation in this process. Until a
 * version is loaded the default set stands in; a stored body that does not parse keeps the last good.
 */
@Injectable()
export class ActiveRuleSetCache implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('rules');
  private readonly cache: ActiveVersionCache<RuleSetInput>;
  private clock: ActiveCaseClock = {
    version: null,
    ruleSet: DEFAULT_RULE_SET,
    due: caseDueTimesOf(DEFAULT_RULE_SET),
  };

  constructor(
    db: Database,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {
    this.cache = new ActiveVersionCache<RuleSetInput>(db.pool, RULE_SET_VERSIONS, parseRuleSet, (loaded) => {
      this.clock = {
        version: loaded.version,
        ruleSet: loaded.document,
        due: caseDueTimesOf(loaded.document),
      };
      this.logger.log(`rule-set-loaded-for-case-deadlines version=${loaded.version}`);
    });
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
    return this.clock;
  }

  /** Reads the active version; loads and parses its body only when it changed (versions are immutable). */
  async refresh(): Promise<ActiveCaseClock> {
    await this.cache.refresh();
    return this.clock;
  }
}
