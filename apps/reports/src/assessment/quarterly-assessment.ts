import { cityMidnightMs } from '@fengqiao/domain';
import { activeRuleSet, AssessmentReportsRepository, AssessmentRepository, type DbPool } from '@fengqiao/db';
import {
  assessedCaseOf,
  assessmentJudgesOf,
  buildScorecard,
  lastCompletedQuarter,
  renderScorecardHtml,
  SCORECARD_WEIGHTS,
  siteTypeRows,
} from '@fengqiao/reports';
import { type Log } from '../schedule/report-scheduler';

/**
 * The quarterly assessment of township centers (月调度、季考评) as a stored report: after a quarter
 * ends, the scheduler's run computes its scorecard from the KPI facts, renders it with the city's
 * camera coverage by site type (latest state at generation) and stores both once. Idempotent.
 */
export class QuarterlyAssessment {
  private readonly facts = new AssessmentRepository();
  private readonly store = new AssessmentReportsRepository();

  constructor(
    private readonly pool: DbPool,
    private readonly clock: () => number,
    private readonly log: Log,
  ) {}

  /** Makes the last completed quarter's report unless it is stored; true when it made one. */
  async runOnce(): Promise<boolean> {
    const now = this.clock();
    const quarter = lastCompletedQuarter(now);
    if (await this.store.exists(this.pool, quarter.label)) return false;
    const [rows, townships, counts, townshipCount, active] = await Promise.all([
      this.facts.facts(
        this.pool,
        new Date(cityMidnightMs(quarter.start)),
        new Date(cityMidnightMs(quarter.end)),
      ),
      this.facts.townships(this.pool),
      this.facts.siteTypeCounts(this.pool, null),
      this.facts.townshipCount(this.pool, null),
      activeRuleSet(this.pool),
    ]);
    // Judged by the active rule set's deadlines, as the KPI tiles judge the same cases.
    const scorecard = buildScorecard(
      { quarter, now, townships, cases: rows.map(assessedCaseOf) },
      SCORECARD_WEIGHTS,
      assessmentJudgesOf(active.body),
    );
    const html = renderScorecardHtml(scorecard, siteTypeRows(counts, townshipCount));
    const saved = await this.store.save(this.pool, {
      quarter: quarter.label,
      generatedAt: new Date(now),
      scorecard,
      html,
    });
    if (saved)
      this.log('info', 'assessment generated', { quarter: quarter.label, townships: townships.length });
    return saved;
  }
}
