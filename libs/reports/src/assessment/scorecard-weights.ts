import { type ScorecardWeights } from '@fengqiao/contracts';

/**
 * The weight of each measure in a township center's quarterly score (they add up to 100). The seed
 * (domain.md, from the Bazhong Daily report) names the measures but publishes no weights, so these
 * are ours, written down here and in docs/assessment.md, ordered by what the seed stresses:
 *
 * - onTime 35: the five tier promises (on the spot, same day, 5 working days, two months, a leader)
 *   are the center's core promise ("一站式受理、一揽子调处、全链条解决").
 * - routing 20: "within 1 working day every case is routed", the one promise every case gets.
 * - satisfaction 20: the seed reports "satisfaction up" as a result beside the −17.8 %.
 * - overdue 15: closed-loop management (闭环管理): an open case past its promise is the failure a
 *   quarterly review (季考评) looks for; measured apart from the rate so a few very late cases count.
 * - jointMediation 10: the joint mediation team is named for its −65 % cycle; a center that uses
 *   it more is rewarded, but it is a means, so it weighs least.
 */
export const SCORECARD_WEIGHTS: ScorecardWeights = {
  onTime: 35,
  routing: 20,
  overdue: 15,
  satisfaction: 20,
  jointMediation: 10,
};

/**
 * Overdue cases at which the overdue measure reaches 0 (linear from 1 at none). Issue 21 calibrates
 * a healthy center to "a handful of overdue cases, not hundreds"; twice a handful scores nothing.
 */
export const OVERDUE_ZERO_AT = 10;
