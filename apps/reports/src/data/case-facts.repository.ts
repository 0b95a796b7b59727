import { type ReportLevel, SERVICE_TIERS, type ServiceTier } from '@fengqiao/contracts';
import { type Queryable } from '@fengqiao/db';
import { FINISHING_STEPS } from '@fengqiao/domain';
import { type CaseFact } from '@fengqiao/reports';
import { regionWhere, subRegionColumn } from './region-sql';

/** The window a report scans, as instants. */
export interface ScanWindow {
  /** Oldest event considered: cases reported before it and still open are not seen. */
  readonly scanFrom: Date;
  /** Start of the previous period (cycle time and case counts are compared with it). */
  readonly previousStart: Date;
  readonly periodStart: Date;
  /** End of the period (exclusive): later events are ignored, so a past report stays as it was. */
  readonly end: Date;
}

interface FactRow {
  case_id: string;
  category: string | null;
  tier: string | null;
  sub_region: string | null;
  reported_at: Date;
  triaged_at: Date | null;
  assigned_at: Date | null;
  done_at: Date | null;
}

interface PartyRow {
  case_id: string;
  name: string | null;
  phone: string | null;
}

const TIERS: readonly string[] = SERVICE_TIERS;
const ms = (d: Date | null): number | null => (d === null ? null : d.getTime());

/** Risk flags at intake, read from the reported event's payload. */
const RISK_FLAGGED = `(coalesce((payload->'riskFlags'->>'violenceRisk')::boolean, false)
  OR coalesce((payload->'riskFlags'->>'extremeWords')::boolean, false)
  OR coalesce((payload->'riskFlags'->>'groupPetition')::boolean, false)
  OR coalesce((payload->'riskFlags'->>'repeatVisits')::int, 0) > 0)`;

/**
 * Case facts straight from case_events (no projection table): one aggregate per case over the
 * narrow columns, then the payload only where it is needed (risk flags of the period's intake,
 * parties of the overdue cases). One repository, one query per method.
 */
export class CaseFactsRepository {
  /**
   * Lifecycle instants of every case of the region reported or finished since `previousStart`, or
   * open at the end. `keeping`: the events that keep a tier's promise without finishing the case (a
   * leader, an escalation), read from the active rule set by the caller (`keepingEventsOf`).
   */
  async lifecycles(
    db: Queryable,
    level: ReportLevel,
    region: string,
    w: ScanWindow,
    keeping: readonly string[],
  ): Promise<FactRow[]> {
    const sub = subRegionColumn(level);
    const res = await db.query<FactRow>(
      `SELECT case_id, category, tier, sub_region, reported_at, triaged_at, assigned_at,
              (SELECT min(t) FROM unnest(done_times) t WHERE t > coalesce(reopened_at, '-infinity')) AS done_at
       FROM (
         SELECT case_id,
           (array_agg(category ORDER BY occurred_at DESC) FILTER (WHERE category IS NOT NULL))[1] AS category,
           (array_agg(tier ORDER BY occurred_at DESC) FILTER (WHERE type = 'triaged'))[1] AS tier,
           ${sub === null ? 'NULL::text' : `min(${sub})`} AS sub_region,
           min(occurred_at) FILTER (WHERE type = 'reported') AS reported_at,
           min(occurred_at) FILTER (WHERE type = 'triaged') AS triaged_at,
           min(occurred_at) FILTER (WHERE type = ANY($5)) AS assigned_at,
           array_agg(occurred_at) FILTER (WHERE type = ANY($6)) AS done_times,
           max(occurred_at) FILTER (WHERE type = ANY($6)) AS done_at,
           max(occurred_at) FILTER (WHERE type = 'reopened') AS reopened_at
         FROM case_events
         WHERE ${regionWhere(level, 1)} AND occurred_at >= $2 AND occurred_at < $3
         GROUP BY case_id
       ) c
       WHERE reported_at IS NOT NULL
         AND (reported_at >= $4 OR done_at IS NULL OR done_at >= $4 OR done_at <= reopened_at)`,
      // $6: the steps that finish a case, the domain's one list (libs/domain FINISHING_STEPS).
      [region, w.scanFrom, w.end, w.previousStart, keeping, FINISHING_STEPS],
    );
    return res.rows;
  }

  /** Cases reported in the period with a risk flag at intake. */
  async riskFlagged(db: Queryable, level: ReportLevel, region: string, w: ScanWindow): Promise<Set<string>> {
    const res = await db.query<{ case_id: string }>(
      `SELECT case_id FROM case_events
       WHERE ${regionWhere(level, 1)} AND type = 'reported' AND occurred_at >= $2 AND occurred_at < $3
         AND ${RISK_FLAGGED}`,
      [region, w.periodStart, w.end],
    );
    return new Set(res.rows.map((r) => r.case_id));
  }

  /**
   * Name and phone of the first party (never the ID number) of the given cases, to be masked. The
   * intake projection keeps parties in case_parties, out of the event payload (migration
   * 20261127500100, whose trigger also moved the older events' parties there).
   */
  async firstParties(
    db: Queryable,
    caseIds: readonly string[],
  ): Promise<Map<string, { name: string; phone?: string }>> {
    if (caseIds.length === 0) return new Map();
    const res = await db.query<PartyRow>(
      `SELECT case_id, name, phone FROM case_parties WHERE case_id = ANY($1) AND ordinal = 0`,
      [caseIds],
    );
    const out = new Map<string, { name: string; phone?: string }>();
    for (const r of res.rows) {
      if (r.name === null) continue;
      out.set(r.case_id, r.phone === null ? { name: r.name } : { name: r.name, phone: r.phone });
    }
    return out;
  }
}

/** A lifecycle row as the report model's fact (flags and party filled in later). */
export function toCaseFact(r: FactRow, riskFlagged: boolean): CaseFact {
  return {
    caseId: r.case_id,
    category: r.category ?? 'other',
    tier: r.tier !== null && TIERS.includes(r.tier) ? (r.tier as ServiceTier) : null,
    subRegion: r.sub_region,
    reportedAt: r.reported_at.getTime(),
    triagedAt: ms(r.triaged_at),
    assignedAt: ms(r.assigned_at),
    doneAt: ms(r.done_at),
    riskFlagged,
    party: null,
  };
}
