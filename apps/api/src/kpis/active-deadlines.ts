import { Injectable } from '@nestjs/common';
import { type RuleSetInput } from '@fengqiao/contracts';
import { routingGroupsSql, tierGroupsSql } from '@fengqiao/db';
import { ActiveRuleSetCache } from '../rules/active-rule-set.cache';
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
 * activated set with a new public holiday moves the on-time rates too). The active version is the
 * API's one `ActiveRuleSetCache` (libs/db `activeRuleSetCache`, polled every
 * `tuning.api.routingPollMs` and reloaded at once by an activation here), the same one that stamps
 * case deadlines; its SQL is compiled once per version. Before any activation the default set stands in.
 */
@Injectable()
export class ActiveDeadlines {
  private compiled: CompiledDeadlines | undefined;

  constructor(private readonly ruleSets: ActiveRuleSetCache) {}

  get(): CompiledDeadlines {
    const { version, ruleSet } = this.ruleSets.current();
    if (this.compiled === undefined || this.compiled.version !== version)
      this.compiled = compileDeadlines(ruleSet, version);
    return this.compiled;
  }
}
