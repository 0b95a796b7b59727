import {
  type QuarterlyScorecard,
  type RuleSetInput,
  type ScorecardWeights,
  type TownshipScore,
} from '@fengqiao/contracts';
import { cityMidnightMs } from '@fengqiao/domain';
import { promiseJudgeOf } from '../model/tier-promises';
import { type ScorecardInput } from './assessed-case';
import { AssessmentError } from './assessment-error';
import { routingJudgeOf } from './routing-judge';
import { componentsOf, ranksOf, scoreOf } from './score';
import { SCORECARD_WEIGHTS } from './scorecard-weights';
import { type AssessmentJudges, measureTownship } from './township-measures';

/** The judges of a rule set's deadline rules (pass the ACTIVE rule set, as the KPI tiles read it). */
export function assessmentJudgesOf(ruleSet?: RuleSetInput): AssessmentJudges {
  return { tiers: promiseJudgeOf(ruleSet), routing: routingJudgeOf(ruleSet) };
}

const defaultJudges = assessmentJudgesOf();

/**
 * The quarterly scorecard of every township center of the registry (月调度、季考评). Pure: the
 * same facts give the same scores. Ranks are within the county and within the city; townships with
 * nothing measured are listed last, unranked.
 */
export function buildScorecard(
  input: ScorecardInput,
  weights: ScorecardWeights = SCORECARD_WEIGHTS,
  judges: AssessmentJudges = defaultJudges,
): QuarterlyScorecard {
  const from = cityMidnightMs(input.quarter.start);
  const end = cityMidnightMs(input.quarter.end);
  if (input.now <= from)
    throw new AssessmentError('QUARTER_NOT_STARTED', `${input.quarter.label} has not begun`);
  const range = { from, to: Math.min(end, input.now) };
  const byTownship = new Map<string, ScorecardInput['cases'][number][]>();
  // Appended in place: copying the township's list per case was quadratic (40,000 cases of one
  // township took 36 s, and a request of the API's authorization matrix timed out in CI).
  for (const c of input.cases) {
    const list = byTownship.get(c.township);
    if (list === undefined) byTownship.set(c.township, [c]);
    else list.push(c);
  }
  const measured = input.townships.map((t) => ({
    t,
    m: measureTownship(byTownship.get(t.code) ?? [], range, judges),
  }));
  const shares = measured.flatMap(({ m }) => (m.jointMediationShare === null ? [] : [m.jointMediationShare]));
  const best = shares.length === 0 ? null : Math.max(...shares);
  const scored = measured.map(({ t, m }) => ({ t, m, score: scoreOf(componentsOf(m, best), weights) }));
  const cityRanks = ranksOf(scored.map((s) => s.score));
  const rows: TownshipScore[] = scored.map(({ t, m, score }, i) => {
    const county = scored.filter((s) => s.t.county === t.county).map((s) => s.score);
    return {
      township: t.code,
      name: t.name,
      county: t.county,
      countyName: t.countyName,
      ...m,
      onTimeByTier: [...m.onTimeByTier],
      score,
      rankInCounty: score === null ? null : 1 + county.filter((s) => s !== null && s > score).length,
      rankInCity: cityRanks[i] ?? null,
    };
  });
  rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.township.localeCompare(b.township));
  return {
    quarter: { ...input.quarter },
    asOf: new Date(input.now).toISOString(),
    complete: input.now >= end,
    weights,
    townships: rows,
  };
}
