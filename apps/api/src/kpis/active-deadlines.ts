import { Inject, Injectable } from '@nestjs/common';
import { ruleSetSchema, type RuleSetInput } from '@fengqiao/contracts';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK, CONFIG } from '../infra/tokens';
import { RULE_SET_VERSIONS } from '../versioned/versioned-tables';
import { routingGroupsSql, tierGroupsSql } from './deadline-sql';
import { deadlinesOf, type KpiDeadlines } from './deadline-specs';

/** The deadlines of one rule-set version and the SQL compiled from them. */
export interface CompiledDeadlines {
  readonly version: number | null;
  readonly deadlines: KpiDeadlines;
  readonly tierSql: string;
  readonly routingSql: string;
}

export function compileDeadlines(ruleSet: RuleSetInput, version: number | null): CompiledDeadlines {
  const deadlines = deadlinesOf(ruleSet);
  return { version, deadlines, tierSql: tierGroupsSql(deadlines), routingSql: routingGroupsSql(deadlines) };
}

/**
 * The KPI tiles measure the promises of the ACTIVE rule set (its deadlines and its calendar: an
 * activated set with a new public holiday moves the on-time rates too), re-read at most every `tuning.api.routingPollMs` (the poll of every versioned document).
 * Before any activation, or if the stored body does not parse, the default set is the measure.
 */
@Injectable()
export class ActiveDeadlines {
  private current: CompiledDeadlines = compileDeadlines(DEFAULT_RULE_SET, null);
  private checkedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {}

  async get(): Promise<CompiledDeadlines> {
    const now = this.clock.now().getTime();
    if (now - this.checkedAt < this.config.tuning.api.routingPollMs) return this.current;
    this.checkedAt = now;
    const version = await RULE_SET_VERSIONS.activeVersion(this.db.pool);
    if (version === undefined || version === this.current.version) return this.current;
    const row = await RULE_SET_VERSIONS.find(this.db.pool, version);
    if (row === undefined) return this.current;
    const parsed = ruleSetSchema.safeParse(row.document);
    if (parsed.success) this.current = compileDeadlines(parsed.data, row.version);
    return this.current;
  }
}
