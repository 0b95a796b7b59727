import { Inject, Injectable } from '@nestjs/common';
import {
  type CaseCategory,
  type RegionRef,
  type RiskFlags,
  type RoutingSuggestion,
  type ServiceTier,
} from '@fengqiao/contracts';
import { cityCompactDateOf } from '@fengqiao/domain';
import { suggestRouting } from '@fengqiao/intake';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { CLOCK } from '../infra/tokens';
import { ActiveRoutingTableCache } from '../routing/active-routing-table.cache';
import { ActiveRuleSetCache } from '../rules/active-rule-set.cache';

export interface RoutingRequest {
  readonly category: CaseCategory;
  readonly region: Pick<RegionRef, 'county' | 'township'> & { readonly village?: string };
  readonly riskFlags?: Partial<RiskFlags>;
  readonly partiesCount?: number;
  readonly atMs?: number;
}

/**
 * Routing suggestions and deadlines: the active routing table (data, cached by the routing module);
 * due times are the ACTIVE rule set's deadlines (@fengqiao/domain) on its working-day calendar, the
 * version the KPI tiles, the cases projection and the engine measure against (ActiveRuleSetCache).
 */
@Injectable()
export class CaseRoutingService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly table: ActiveRoutingTableCache,
    private readonly ruleSet: ActiveRuleSetCache,
  ) {}

  nowMs(): number {
    return this.clock.now().getTime();
  }

  suggest(req: RoutingRequest): RoutingSuggestion {
    const atMs = req.atMs ?? this.nowMs();
    const { version, rules } = this.table.current();
    const match = suggestRouting(
      rules,
      { ...req, atMs },
      this.ruleSet.current().ruleSet.calendar.utcOffsetMinutes,
    );
    // Every table is checked to end with a catch-all on write and on load: no match is a defect.
    if (match === undefined) throw new ApiError('INTERNAL', `routing table ${version} has no catch-all rule`);
    return {
      routing: match.routing,
      ruleId: match.rule.id,
      ruleTitle: match.rule.title,
      tableVersion: version,
      routingDueAt: this.routingDueAt(atMs),
      tierDueAt: this.tierDueAt(match.routing.tier, atMs),
    };
  }

  routingDueAt(reportedMs: number): string {
    return new Date(this.ruleSet.current().due.routing(reportedMs)).toISOString();
  }

  tierDueAt(tier: ServiceTier, startMs: number): string {
    return new Date(this.ruleSet.current().due.tier(tier, startMs)).toISOString();
  }

  /** The city's calendar day of an instant, yyyymmdd (case ids are numbered per county and day). */
  localDay(ms: number): string {
    return cityCompactDateOf(ms);
  }
}
