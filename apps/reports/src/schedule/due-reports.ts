import { cityRegionCode, type ReportLevel, type ReportPeriod } from '@fengqiao/contracts';
import { lastCompletedPeriod } from '@fengqiao/domain';
import { type ReportTarget } from '@fengqiao/reports';

/** The regions to report on, per level, as the targets repository found them. */
export interface ScheduledRegions {
  readonly counties: readonly string[];
  readonly townships: readonly string[];
  /** Villages and grid cells with cases on the day being reported. */
  readonly villages: readonly string[];
  readonly grids: readonly string[];
}

/**
 * Every report due on the Beijing date `today`: the last completed month (city, counties), week
 * (townships) and day (active villages and grid cells). Wider levels first: they matter to more
 * people and there are few of them, so a slow run still delivers them early.
 */
export function dueReports(today: string, regions: ScheduledRegions): ReportTarget[] {
  const month = lastCompletedPeriod('month', today);
  const week = lastCompletedPeriod('week', today);
  const day = lastCompletedPeriod('day', today);
  const of = (level: ReportLevel, codes: readonly string[], period: ReportPeriod): ReportTarget[] =>
    codes.map((region) => ({ level, region, period }));
  return [
    // The city's own code from its counties' (511902 → 511900): whichever city the regions table holds.
    ...of('city', [...new Set(regions.counties.map(cityRegionCode))], month),
    ...of('county', regions.counties, month),
    ...of('township', regions.townships, week),
    ...of('village', regions.villages, day),
    ...of('grid', regions.grids, day),
  ];
}
