import { Inject, Injectable } from '@nestjs/common';
import {
  type CameraHealthTrendQuery,
  type CameraHealthTrendResponse,
  SERVICE_TIERS,
  type ServiceTier,
  type TierComplianceQuery,
  type TierComplianceResponse,
} from '@fengqiao/contracts';
import { CameraHealthRepository, KpiFactsRepository, maxTierLookbackMs } from '@fengqiao/db';
import { DAY_MS } from '@fengqiao/domain';
import { type AuthUser } from '../auth/auth-user';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { judgeGroups, rateOf } from './deadline-groups';
import { ActiveDeadlines } from './active-deadlines';
import { kpiScopeOf } from './kpi-scope';

/** Longer ranges belong to the yearly reports, not to a chart. */
const MAX_RANGE_MS = 400 * DAY_MS;

function checkedRange(q: { from: string; to: string }): { from: Date; to: Date } {
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (!(from < to) || to.getTime() - from.getTime() > MAX_RANGE_MS)
    throw new ApiError('VALIDATION_FAILED', 'from must be before to, at most 400 days apart');
  return { from, to };
}

/** Beijing day number → the instant its day (or its ISO week's Monday) starts. */
function bucketStart(day: number, bucket: 'day' | 'week', offsetMs: number): string {
  const monday = day - ((((day + 3) % 7) + 7) % 7);
  return new Date((bucket === 'day' ? day : monday) * DAY_MS - offsetMs).toISOString();
}

/** The analysis view's series: service-tier compliance and camera health over a range. */
@Injectable()
export class KpiSeriesService {
  constructor(
    private readonly db: Database,
    private readonly kpis: KpiFactsRepository,
    private readonly health: CameraHealthRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly active: ActiveDeadlines,
  ) {}

  async tierCompliance(user: AuthUser, q: TierComplianceQuery): Promise<TierComplianceResponse> {
    const scope = kpiScopeOf(user, q.region);
    const { from, to } = checkedRange(q);
    const { deadlines: d, tierSql } = this.active.get();
    const back = maxTierLookbackMs(d);
    const judgeAt = Math.min(to.getTime(), this.clock.now().getTime());
    const rows = await this.kpis.deadlineGroups(
      this.db.pool,
      tierSql,
      { from: new Date(from.getTime() - back), to },
      scope,
      new Date(judgeAt),
    );
    const [fromDay, toDay] = [d.calendar.dayOf(from.getTime()), d.calendar.dayOf(to.getTime() - 1)];
    const points = new Map<string, { bucket: string; tier: ServiceTier; onTime: number; due: number }>();
    for (const c of judgeGroups(rows, d, judgeAt)) {
      const tier = SERVICE_TIERS.find((t) => t === c.key);
      if (tier === undefined || c.dueDay < fromDay || c.dueDay > toDay) continue;
      const bucket = bucketStart(c.dueDay, q.bucket, d.calendar.offsetMs);
      const prev = points.get(`${bucket}/${tier}`) ?? { bucket, tier, onTime: 0, due: 0 };
      points.set(`${bucket}/${tier}`, { ...prev, onTime: prev.onTime + c.onTime, due: prev.due + c.due });
    }
    const sorted = [...points.values()].sort(
      (a, b) =>
        a.bucket.localeCompare(b.bucket) || SERVICE_TIERS.indexOf(a.tier) - SERVICE_TIERS.indexOf(b.tier),
    );
    return {
      scope: { region: scope },
      bucket: q.bucket,
      points: sorted.map((p) => ({ ...p, rate: rateOf(p.onTime, p.due) })),
    };
  }

  async cameraHealth(user: AuthUser, q: CameraHealthTrendQuery): Promise<CameraHealthTrendResponse> {
    const scope = kpiScopeOf(user, q.region);
    const range = checkedRange(q);
    const rows = await this.health.trend(
      this.db.pool,
      range,
      q.bucket === 'hour' ? '1 hour' : '1 day',
      scope,
    );
    return {
      scope: { region: scope },
      bucket: q.bucket,
      points: rows.map((r) => ({
        bucket: r.bucket.toISOString(),
        reports: r.reports,
        onlineShare: rateOf(r.online_reports, r.reports),
      })),
    };
  }

  /** Called every minute by the live ticker; also safe to call from anywhere, any number of instances. */
  async refreshCameraHealth(): Promise<Date | null> {
    return this.health.refresh(this.db.pool, this.clock.now());
  }
}
