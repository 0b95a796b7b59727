import { type RoutingTableSummary } from '@fengqiao/contracts';
import { type VersionRow } from '@fengqiao/db';

/** A stored routing-table version as the API shows it. */
export function toSummary(r: VersionRow): RoutingTableSummary {
  return {
    version: r.version,
    status: r.status,
    ruleCount: r.size,
    note: r.note,
    createdBy: r.proposedBy,
    createdAt: r.proposedAt.toISOString(),
    activatedBy: r.activatedBy,
    activatedAt: r.activatedAt?.toISOString() ?? null,
  };
}
