import { Injectable } from '@nestjs/common';
import {
  ALERT_QUALITY_MAX_ALERTS,
  ALERT_QUALITY_MAX_RANGE_MS,
  type AlertQualityQuery,
  type AlertQualityResponse,
} from '@fengqiao/contracts';
import { AlertStore, type AlertQualityFactRow } from '@fengqiao/db';
import { alertQuality, type AlertQualityFact } from '@fengqiao/domain';
import { type AuthUser } from '../auth/auth-user';
import { assertRegionVisible } from '../auth/region-scope';
import { ApiError } from '../common/api-error';
import { Database } from '../infra/database';

type RegionLevel = AlertQualityResponse['regionLevel'];

function factOf(r: AlertQualityFactRow, level: RegionLevel): AlertQualityFact {
  return {
    ruleId: r.rule_id,
    colour: r.colour,
    region: level === 'township' ? (r.township ?? r.county) : r.county,
    raisedAtMs: r.raised_ms,
    ...(r.acknowledged_ms === null ? {} : { acknowledgedAtMs: r.acknowledged_ms }),
    ...(r.resolved_ms === null ? {} : { resolvedAtMs: r.resolved_ms }),
    ...(r.outcome === null ? {} : { outcome: r.outcome }),
  };
}

function checkRange(from: number, to: number): void {
  const problem =
    to <= from ? 'to must be after from' : to - from > ALERT_QUALITY_MAX_RANGE_MS ? 'at most 366 days' : null;
  if (problem !== null)
    throw new ApiError('VALIDATION_FAILED', `invalid period: ${problem}`, [{ path: 'to', message: problem }]);
}

/**
 * The analysts' view of how alerts were answered (issue 20): the alerts of a period, filtered like
 * the history list and narrowed to the caller's regions, read from the alert store and folded by
 * `@fengqiao/domain` `alertQuality` (medians; false alarms over judged resolutions).
 */
@Injectable()
export class AlertQualityService {
  constructor(
    private readonly db: Database,
    private readonly alerts: AlertStore,
  ) {}

  async quality(user: AuthUser, q: AlertQualityQuery): Promise<AlertQualityResponse> {
    const from = new Date(q.from);
    const to = new Date(q.to);
    checkRange(from.getTime(), to.getTime());
    assertRegionVisible(user.regions, q.region, 'region');
    const rows = await this.alerts.qualityFacts(this.db.pool, {
      from: from.toISOString(),
      to: to.toISOString(),
      colours: q.colour ?? null,
      region: q.region ?? null,
      ruleId: q.ruleId ?? null,
      scope: user.regions,
      limit: ALERT_QUALITY_MAX_ALERTS + 1,
    });
    const truncated = rows.length > ALERT_QUALITY_MAX_ALERTS;
    // A city-wide view compares counties; inside a county (named or the caller's scope), townships.
    const regionLevel: RegionLevel =
      q.region === undefined && user.regions.length === 0 ? 'county' : 'township';
    const facts = rows.slice(0, ALERT_QUALITY_MAX_ALERTS).map((r) => factOf(r, regionLevel));
    const { overall, byLevel, byRegion, byRule } = alertQuality(facts);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      regionLevel,
      truncated,
      overall,
      byLevel: [...byLevel],
      byRegion: [...byRegion],
      byRule: [...byRule],
    };
  }
}
