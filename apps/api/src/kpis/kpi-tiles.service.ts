import { Injectable } from '@nestjs/common';
import { type KpiSnapshot, SERVICE_TIERS } from '@fengqiao/contracts';
import { cityStartOfDayMs, DAY_MS, KPI_WINDOW_DAYS } from '@fengqiao/domain';
import {
  AlertCounts,
  CameraHealthRepository,
  KpiFactsRepository,
  lookbackMs,
  maxTierLookbackMs,
} from '@fengqiao/db';
import { Database } from '../infra/database';
import { judgeGroups, rateOf } from './deadline-groups';
import { ActiveDeadlines } from './active-deadlines';
import { type FAST_TILES } from './kpi-values';

export type FastTiles = Pick<KpiSnapshot, (typeof FAST_TILES)[number]>;
export type SlowTiles = Omit<KpiSnapshot, 'scope' | 'windowDays' | keyof FastTiles>;

const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;
const share = (part: number, whole: number): number | null => (whole === 0 ? null : round(part / whole, 4));

/** Computes the tiles of one scope; every figure is stamped with the instant it was computed. */
@Injectable()
export class KpiTilesService {
  constructor(
    private readonly db: Database,
    private readonly kpis: KpiFactsRepository,
    private readonly alerts: AlertCounts,
    private readonly cameras: CameraHealthRepository,
    private readonly active: ActiveDeadlines,
  ) {}

  async fast(scope: string | null, now: Date): Promise<FastTiles> {
    const asOf = now.toISOString();
    const midnight = new Date(cityStartOfDayMs(now.getTime()));
    const [today, alerts, cams] = await Promise.all([
      this.kpis.casesSince(this.db.pool, midnight, scope),
      this.alerts.openByColour(this.db.pool, scope),
      this.cameras.counts(this.db.pool, scope),
    ]);
    const colour = (c: string): number => alerts.find((a) => a.colour === c)?.n ?? 0;
    return {
      casesToday: { value: today, asOf },
      camerasOnline: { online: cams.online, total: cams.total, share: share(cams.online, cams.total), asOf },
      openAlerts: { blue: colour('blue'), orange: colour('orange'), red: colour('red'), asOf },
    };
  }

  async slow(scope: string | null, now: Date): Promise<SlowTiles> {
    const asOf = now.toISOString();
    const from = new Date(now.getTime() - KPI_WINDOW_DAYS * DAY_MS);
    const [promises, window, yoy, joint] = await Promise.all([
      this.promises(scope, from, now),
      this.kpis.caseWindow(this.db.pool, from, scope),
      this.kpis.yearOnYear(this.db.pool, { from, to: now }, scope),
      this.kpis.jointMediationCycle(this.db.pool, { from, to: now }, scope),
    ]);
    return {
      ...promises,
      resolutionRate: {
        resolved: window.resolved,
        total: window.total,
        rate: share(window.resolved, window.total),
        asOf,
      },
      averageCycleHours: {
        value: window.cycle_hours === null ? null : round(window.cycle_hours, 1),
        cases: window.cycle_cases,
        jointMediation: {
          days: joint.days === null ? null : round(joint.days, 1),
          cases: joint.cases,
          previousDays: joint.previous_days === null ? null : round(joint.previous_days, 1),
          changePercent:
            joint.days === null || joint.previous_days === null || joint.previous_days === 0
              ? null
              : round(((joint.days - joint.previous_days) / joint.previous_days) * 100, 1),
        },
        asOf,
      },
      disputesYearOnYear: {
        ...yoy,
        changePercent:
          yoy.previous === 0 ? null : round(((yoy.current - yoy.previous) / yoy.previous) * 100, 1),
        asOf,
      },
      satisfaction: {
        average: window.satisfaction === null ? null : round(window.satisfaction, 2),
        satisfiedShare: share(window.satisfied, window.responses),
        responses: window.responses,
        asOf,
      },
    };
  }

  /** Routing and per-tier on-time rates of the promises that fell due in [from, now]. */
  private async promises(
    scope: string | null,
    from: Date,
    now: Date,
  ): Promise<Pick<SlowTiles, 'routedWithinOneWorkingDay' | 'onTimeByTier'>> {
    const asOf = now.toISOString();
    const { deadlines: d, routingSql, tierSql } = this.active.get();
    const tierLookback = maxTierLookbackMs(d);
    const range = (back: number): { from: Date; to: Date } => ({
      from: new Date(from.getTime() - back),
      to: now,
    });
    const [routingRows, tierRows] = await Promise.all([
      this.kpis.deadlineGroups(this.db.pool, routingSql, range(lookbackMs(d.routing.due)), scope, now),
      this.kpis.deadlineGroups(this.db.pool, tierSql, range(tierLookback), scope, now),
    ]);
    const fromDay = d.calendar.dayOf(from.getTime());
    const counts = judgeGroups([...routingRows, ...tierRows], d, now.getTime()).filter(
      (c) => c.dueDay >= fromDay,
    );
    const sum = (key: string): { onTime: number; due: number } =>
      counts
        .filter((c) => c.key === key)
        .reduce((a, c) => ({ onTime: a.onTime + c.onTime, due: a.due + c.due }), { onTime: 0, due: 0 });
    const routing = sum('routing');
    return {
      routedWithinOneWorkingDay: {
        routed: routing.onTime,
        total: routing.due,
        rate: rateOf(routing.onTime, routing.due),
        asOf,
      },
      onTimeByTier: {
        rows: SERVICE_TIERS.map((tier) => {
          const s = sum(tier);
          return { tier, onTime: s.onTime, due: s.due, rate: rateOf(s.onTime, s.due) };
        }),
        asOf,
      },
    };
  }
}
