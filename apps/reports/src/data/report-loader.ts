import { type ReportPeriod } from '@fengqiao/contracts';
import { activeRuleSet, AssessmentRepository, type Queryable } from '@fengqiao/db';
import {
  caseDeadlinesOf,
  cityMidnightMs,
  dateOfDayNumber,
  dayNumberOf,
  keepingEventsOf,
  previousPeriod,
} from '@fengqiao/domain';
import {
  type CaseFact,
  lastYearRange,
  promiseJudgeOf,
  type PromiseJudge,
  type ReportInput,
  siteTypeRows,
} from '@fengqiao/reports';
import { type SiteTypeRow } from '@fengqiao/contracts';
import { CaseFactsRepository, type ScanWindow, toCaseFact } from './case-facts.repository';
import { ReportContextRepository } from './context.repository';
import { type ReportTarget } from '@fengqiao/reports';

/**
 * How far before the previous period a still-open case is looked for. Complex disputes are due
 * within 61 days; half a year leaves room for long-overdue ones without scanning all history
 * (docs/decisions/0006-cadence-reports.md).
 */
export const OPEN_CASE_LOOKBACK_DAYS = 183;

export function scanWindowOf(period: ReportPeriod): ScanWindow {
  const previous = previousPeriod(period);
  const at = (date: string): Date => new Date(cityMidnightMs(date));
  return {
    scanFrom: at(dateOfDayNumber(dayNumberOf(previous.start) - OPEN_CASE_LOOKBACK_DAYS)),
    previousStart: at(previous.start),
    periodStart: at(period.start),
    end: at(period.end),
  };
}

/**
 * Reads everything one report is computed from, and the ACTIVE rule set whose deadline rules judge
 * its cases (the one the KPI tiles, the cases list and the engine read), at the time of the report.
 */
export class ReportLoader {
  constructor(
    /** The configured city (config.city: code, name): names the city's own report. */
    private readonly city: { readonly code: string; readonly name: string },
    private readonly facts = new CaseFactsRepository(),
    private readonly context = new ReportContextRepository(),
    private readonly registry = new AssessmentRepository(),
  ) {}

  async load(db: Queryable, t: ReportTarget, now: number): Promise<ReportInput> {
    const w = scanWindowOf(t.period);
    const lastYear = lastYearRange(t.period);
    const { body: ruleSet } = await activeRuleSet(db);
    const keeping = keepingEventsOf(caseDeadlinesOf(ruleSet));
    const [rows, flagged, alerts, cameras, analytics, lastYearCasesIn, names, siteTypes] = await Promise.all([
      this.facts.lifecycles(db, t.level, t.region, w, keeping),
      this.facts.riskFlagged(db, t.level, t.region, w),
      this.context.alerts(db, t.level, t.region, w.periodStart, w.end),
      this.context.cameras(db, t.level, t.region),
      this.context.analytics(db, t.level, t.region, t.period.start, t.period.end),
      this.context.casesReported(db, t.level, t.region, lastYear.start, lastYear.end),
      this.context.names(db, t.region, this.city),
      this.siteTypes(db, t),
    ]);
    const cases = rows.map((r) => toCaseFact(r, flagged.has(r.case_id)));
    const overdue = overdueIds(promiseJudgeOf(ruleSet), cases, w.end.getTime());
    const parties = await this.facts.firstParties(db, overdue);
    return {
      level: t.level,
      region: t.region,
      regionName: names.name,
      period: t.period,
      now,
      cases: cases.map((c) => ({ ...c, party: parties.get(c.caseId) ?? null })),
      lastYearCasesIn,
      alerts,
      cameras,
      analyticsBySubRegion: analytics,
      subRegionNames: names.children,
      ...(siteTypes === undefined ? {} : { siteTypes }),
      ruleSet,
    };
  }

  /** The quarterly assessment's camera coverage by site type, where the registry scopes it. */
  private async siteTypes(db: Queryable, t: ReportTarget): Promise<SiteTypeRow[] | undefined> {
    if (t.level !== 'city' && t.level !== 'county' && t.level !== 'township') return undefined;
    const scope = t.level === 'city' ? null : t.region;
    const [counts, townships] = await Promise.all([
      this.registry.siteTypeCounts(db, scope),
      this.registry.townshipCount(db, scope),
    ]);
    return siteTypeRows(counts, townships);
  }
}

/** Only the overdue cases' parties are read at all: the less personal data in memory, the better. */
function overdueIds(judge: PromiseJudge, cases: readonly CaseFact[], endMs: number): string[] {
  return cases
    .filter((c) => {
      const due = judge.dueAt(c);
      const kept = judge.keptAt(c);
      return c.doneAt === null && due !== null && due < endMs && (kept === null || kept > due);
    })
    .map((c) => c.caseId);
}
