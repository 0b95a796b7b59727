import { Inject, Injectable } from '@nestjs/common';
import {
  type CaseCategory,
  type RegionRef,
  type RiskFlags,
  type RoutingSuggestion,
  type ServiceTier,
} from '@fengqiao/contracts';
import {
  BAZHONG_CALENDAR_SPEC,
  bazhongCalendar,
  routingDueAt,
  suggestRouting,
  tierDueAt,
} from '@fengqiao/intake';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { CLOCK } from '../infra/tokens';
import { ActiveRoutingTableCache } from '../routing/active-routing-table.cache';

export interface RoutingRequest {
  readonly category: CaseCategory;
  readonly region: Pick<RegionRef, 'county' | 'township'> & { readonly village?: string };
  readonly riskFlags?: Partial<RiskFlags>;
  readonly partiesCount?: number;
  readonly atMs?: number;
}

/**
 * Routing suggestions and deadlines: the active routing table (data, cached by the routing module)
 * on the rules' working-day calendar.
 */
@Injectable()
export class CaseRoutingService {
  private readonly calendar = bazhongCalendar();

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly table: ActiveRoutingTableCache,
  ) {}

  nowMs(): number {
    return this.clock.now().getTime();
  }

  suggest(req: RoutingRequest): RoutingSuggestion {
    const atMs = req.atMs ?? this.nowMs();
    const { version, rules } = this.table.current();
    const match = suggestRouting(rules, { ...req, atMs }, BAZHONG_CALENDAR_SPEC.utcOffsetMinutes);
    // Every table is checked to end with a catch-all on write and on load: no match is a defect.
    if (match === undefined) throw new ApiError('INTERNAL', `routing table ${version} has no catch-all rule`);
    return {
      routing: match.routing,
      ruleId: match.rule.id,
      ruleTitle: match.rule.title,
      tableVersion: version,
      routingDueAt: new Date(routingDueAt(this.calendar, atMs)).toISOString(),
      tierDueAt: new Date(tierDueAt(this.calendar, match.routing.tier, atMs)).toISOString(),
    };
  }

  routingDueAt(reportedMs: number): string {
    return new Date(routingDueAt(this.calendar, reportedMs)).toISOString();
  }

  tierDueAt(tier: ServiceTier, startMs: number): string {
    return new Date(tierDueAt(this.calendar, tier, startMs)).toISOString();
  }

  /** The Beijing calendar day of an instant, yyyymmdd (case ids are numbered per county and day). */
  localDay(ms: number): string {
    const local = new Date(ms + BAZHONG_CALENDAR_SPEC.utcOffsetMinutes * 60_000);
    return local.toISOString().slice(0, 10).replace(/-/g, '');
  }
}
