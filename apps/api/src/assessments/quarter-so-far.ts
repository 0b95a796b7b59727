import { type QuarterlyScorecard } from '@fengqiao/contracts';
import { activeRuleSet, AssessmentRepository, type Queryable } from '@fengqiao/db';
import { cityMidnightMs } from '@fengqiao/domain';
import {
  assessedCaseOf,
  assessmentJudgesOf,
  buildScorecard,
  SCORECARD_WEIGHTS,
  type Quarter,
} from '@fengqiao/reports';

const FACTS = new AssessmentRepository();

/**
 * The scorecard of a quarter from its KPI facts up to `now`, judged by the ACTIVE rule set's tier
 * promises and routing deadline (as the KPI tiles and apps/reports' stored assessment judge them).
 */
export async function quarterScorecardSoFar(
  db: Queryable,
  quarter: Quarter,
  now: number,
): Promise<QuarterlyScorecard> {
  const to = new Date(Math.min(cityMidnightMs(quarter.end), now));
  const [rows, townships, active] = await Promise.all([
    FACTS.facts(db, new Date(cityMidnightMs(quarter.start)), to),
    FACTS.townships(db),
    activeRuleSet(db),
  ]);
  return buildScorecard(
    { quarter, now, townships, cases: rows.map(assessedCaseOf) },
    SCORECARD_WEIGHTS,
    assessmentJudgesOf(active.body),
  );
}
