import { type RuleSetSummary } from '@fengqiao/contracts';
import { type VersionRow } from '@fengqiao/db';

/** A stored rule-set version as the API shows it. */
export function toSummary(r: VersionRow): RuleSetSummary {
  return {
    version: r.version,
    name: r.label ?? '',
    status: r.status,
    rules: r.size,
    proposedBy: r.proposedBy,
    proposedAt: r.proposedAt.toISOString(),
    activatedBy: r.activatedBy,
    activatedAt: r.activatedAt?.toISOString() ?? null,
    comment: r.note,
  };
}
