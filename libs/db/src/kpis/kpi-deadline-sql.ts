import { type DeadlineDue, SERVICE_TIERS } from '@fengqiao/contracts';
import { type CaseDeadline, type CaseDeadlines, DAY_MS, HOUR_MS } from '@fengqiao/domain';

/** A fixed length in ms, or null for working days (those depend on the calendar, day by day). */
export function fixedMsOf(due: DeadlineDue): number | null {
  switch (due.unit) {
    case 'working-days':
      return null;
    case 'calendar-days':
      return due.count * DAY_MS;
    case 'hours':
      return due.count * HOUR_MS;
  }
}

/** The longest a promise can take to fall due after it starts (working days: room for holidays). */
export function lookbackMs(due: DeadlineDue): number {
  return fixedMsOf(due) ?? (due.count * 2 + 12) * DAY_MS;
}

/** How far before a window the tier query must look: the slowest tier's promise. */
export function maxTierLookbackMs(d: CaseDeadlines): number {
  return Math.max(...SERVICE_TIERS.map((t) => lookbackMs(d.tiers[t].due)));
}

/**
 * SQL that groups cases by their promise so the calendar work is left to TypeScript on a few
 * hundred rows. Working-day promises group by (start day, stop day): with a due time at the end of a
 * day, those two decide whether it was kept. Fixed-length promises are judged in SQL and group by
 * the day they fell due. Every name and number spliced in comes from the specs, never from a caller.
 */
export interface DeadlineGroupRow {
  readonly key: string;
  /** Working days: the start day; fixed lengths: the due day (Beijing, YYYY-MM-DD). */
  readonly day: string;
  readonly working: boolean;
  readonly stop_day: string | null;
  readonly n: number;
  readonly due_fixed: number;
  readonly on_time_fixed: number;
}

const col = (step: string): string => `f.${step.replace('-', '_')}_at`;
const stopOf = (s: CaseDeadline): string =>
  s.stopOn.length === 1 ? col(s.stopOn[0] ?? 'closed') : `least(${s.stopOn.map(col).join(', ')})`;
const fixedOf = (s: CaseDeadline): string => {
  const ms = fixedMsOf(s.due);
  return ms === null ? 'NULL::float8' : `${ms}::float8`;
};

function byTier(pick: (s: CaseDeadline) => string, d: CaseDeadlines): string {
  const arms = SERVICE_TIERS.map((t) => `WHEN '${t}' THEN ${pick(d.tiers[t])}`).join(' ');
  return `CASE f.tier ${arms} END`;
}

/** $1 from, $2 to (of the range column), $3 scope region or null, $4 now. */
function groupsSql(key: string, start: string, stop: string, fixed: string, where: string): string {
  const due = `start_at + fixed_ms * interval '1 millisecond'`;
  return `WITH f AS (
    SELECT ${key} AS key, ${start} AS start_at, ${stop} AS stop_at, ${fixed} AS fixed_ms
    FROM case_kpi_facts f
    WHERE ${where} AND ($3::text IS NULL OR f.county = $3 OR f.township = $3))
  SELECT key, fixed_ms IS NULL AS working,
         fq_beijing_day(CASE WHEN fixed_ms IS NULL THEN start_at ELSE ${due} END)::text AS day,
         CASE WHEN fixed_ms IS NULL THEN fq_beijing_day(stop_at)::text END AS stop_day,
         count(*)::int AS n,
         count(*) FILTER (WHERE fixed_ms IS NOT NULL AND ${due} <= $4)::int AS due_fixed,
         count(*) FILTER (WHERE fixed_ms IS NOT NULL AND ${due} <= $4 AND stop_at <= ${due})::int AS on_time_fixed
  FROM f WHERE start_at IS NOT NULL GROUP BY 1, 2, 3, 4`;
}

/**
 * Cases by tier, selected by their triage time. `$1` is the window's start less the slowest tier's
 * lookback; each tier reads only as far back as its own promise needs (a third of the rows of one
 * common range on the seeded history: complex disputes look back 61 days, the rest about 12).
 */
export function tierGroupsSql(d: CaseDeadlines): string {
  const max = maxTierLookbackMs(d);
  const arms = SERVICE_TIERS.map(
    (t) =>
      `(f.tier = '${t}' AND f.triaged_at >= $1::timestamptz + interval '${max - lookbackMs(d.tiers[t].due)} milliseconds')`,
  );
  return groupsSql(
    'f.tier',
    byTier((s) => col(s.startOn), d),
    byTier(stopOf, d),
    byTier(fixedOf, d),
    `(${arms.join(' OR ')}) AND f.triaged_at < $2`,
  );
}

/** Routing (triage within 1 working day), selected by the report time. */
export function routingGroupsSql(d: CaseDeadlines): string {
  const r = d.routing;
  return groupsSql(
    `'routing'::text`,
    col(r.startOn),
    stopOf(r),
    fixedOf(r),
    'f.reported_at >= $1 AND f.reported_at < $2',
  );
}
