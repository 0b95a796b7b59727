import { type RuleSetInput } from '@fengqiao/contracts';
import { caseDueTimesOf, type CaseDueTimes } from '@fengqiao/domain';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { type Queryable } from '../transaction';
import { activeRuleSetCache } from './active-rule-set-cache';
import { type ActiveVersionCache } from './active-version-cache';

/** The rule set a producer stamps case deadlines (`dueAt`) with, and its due times. */
export interface ActiveCaseClock {
  /** null until a stored version is loaded: the default set (libs/rules) stands in. */
  readonly version: number | null;
  readonly ruleSet: RuleSetInput;
  readonly due: CaseDueTimes;
}

/** The default set's clock: what a producer without a database (a dry run) stamps. */
export const DEFAULT_CASE_CLOCK: ActiveCaseClock = {
  version: null,
  ruleSet: DEFAULT_RULE_SET,
  due: caseDueTimesOf(DEFAULT_RULE_SET),
};

/**
 * The ACTIVE rule set's case clock, cached: the one source of `dueAt` for every producer of case
 * events (the API, the simulator), the same version the KPI tiles, the cases projection and the
 * engine measure against. Until a version is loaded the default set stands in; a stored body that
 * does not parse keeps the last good one (ActiveVersionCache).
 */
export class ActiveCaseClockCache {
  private clock: ActiveCaseClock = DEFAULT_CASE_CLOCK;
  private readonly cache: ActiveVersionCache<RuleSetInput>;

  constructor(db: Queryable, onLoaded: (clock: ActiveCaseClock) => void = () => undefined) {
    this.cache = activeRuleSetCache(db, (loaded) => {
      this.clock = {
        version: loaded.version,
        ruleSet: loaded.document,
        due: caseDueTimesOf(loaded.document),
      };
      onLoaded(this.clock);
    });
  }

  current(): ActiveCaseClock {
    return this.clock;
  }

  /** Reads the active version; loads and parses its body only when it changed. */
  async refresh(): Promise<ActiveCaseClock> {
    await this.cache.refresh();
    return this.clock;
  }

  /** Polls every `everyMs` (an activation elsewhere reaches this process within it). */
  start(everyMs: number, onError: (err: unknown) => void): void {
    this.cache.start(everyMs, onError);
  }

  stop(): void {
    this.cache.stop();
  }
}
