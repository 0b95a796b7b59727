import { SERVICE_TIERS, type ServiceTier } from '@fengqiao/contracts';
import { caseDeadlinesOf, keepingEventsOf } from '@fengqiao/domain';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { type AssessedCase } from './assessed-case';

/** One row of the `case_kpi_facts` view (the KPI tiles' facts), as the database returns it. */
export interface KpiFactRow {
  readonly case_id: string;
  readonly township: string;
  readonly tier: string | null;
  readonly reported_at: Date;
  readonly triaged_at: Date | null;
  readonly leader_assigned_at: Date | null;
  readonly escalated_at: Date | null;
  readonly resolved_at: Date | null;
  readonly closed_at: Date | null;
  readonly satisfaction: number | null;
  readonly joint_mediation: boolean;
}

/** The events that keep a tier's promise without finishing the case (a leader, an escalation). */
const KEEPING = keepingEventsOf(caseDeadlinesOf(DEFAULT_RULE_SET));
const TIERS: readonly string[] = SERVICE_TIERS;
const ms = (d: Date | null): number | null => (d === null ? null : d.getTime());

function earliest(times: readonly (number | null)[]): number | null {
  const known = times.filter((t): t is number => t !== null);
  return known.length === 0 ? null : Math.min(...known);
}

/** A KPI fact as the assessment's case: the first finishing step is when it was done (as the tiles read it). */
export function assessedCaseOf(r: KpiFactRow): AssessedCase {
  const keeping = KEEPING.map((s) =>
    s === 'leader-assigned' ? ms(r.leader_assigned_at) : s === 'escalated' ? ms(r.escalated_at) : null,
  );
  return {
    caseId: r.case_id,
    category: 'other',
    tier: r.tier !== null && TIERS.includes(r.tier) ? (r.tier as ServiceTier) : null,
    subRegion: r.township,
    township: r.township,
    reportedAt: r.reported_at.getTime(),
    triagedAt: ms(r.triaged_at),
    assignedAt: earliest(keeping),
    doneAt: earliest([ms(r.resolved_at), ms(r.closed_at)]),
    closedAt: ms(r.closed_at),
    riskFlagged: false,
    party: null,
    satisfaction: r.satisfaction,
    jointMediation: r.joint_mediation,
  };
}
