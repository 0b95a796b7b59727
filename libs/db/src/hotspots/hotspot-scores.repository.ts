import { type Hotspot, type HotspotContribution } from '@fengqiao/contracts';
import { type Queryable } from '../transaction';

/** One township of a top list: counts over the window, and the engine's score when it has one. */
export interface HotspotRow {
  readonly county: string;
  readonly township: string;
  readonly name: string | null;
  readonly events: number;
  readonly expected: number;
  readonly top_category: string;
  readonly score?: number;
  readonly factors?: HotspotContribution[];
}

export interface ScoreRun {
  readonly computed_at: Date;
  readonly rule_set_version: number;
}

/** Counts over the window and the mean of the 7 same-length windows before it, for the chosen townships. */
const COUNTS_OF = `
  cur AS (
    SELECT township, category, sum(events) AS n FROM region_hourly_rollup
    WHERE bucket >= $1 AND township IN (SELECT township FROM top) GROUP BY 1, 2),
  tot AS (
    SELECT township, sum(n)::int AS events, (array_agg(category ORDER BY n DESC, category))[1] AS top_category
    FROM cur GROUP BY 1),
  base AS (
    SELECT township, sum(events) / 7.0 AS expected FROM region_hourly_rollup
    WHERE township IN (SELECT township FROM top) AND bucket >= $1 - interval '7 days' AND bucket < $1
    GROUP BY 1)`;

const ENGINE_TOP = `
WITH top AS (
  SELECT region AS township, county, score, factors FROM hotspot_scores
  WHERE level = 'township' AND ($2::text IS NULL OR county = $2 OR region = $2)
  ORDER BY score DESC, region LIMIT $3),
${COUNTS_OF}
SELECT top.county, top.township, g.name, coalesce(tot.events, 0) AS events,
       round(coalesce(base.expected, 0), 1)::float8 AS expected, coalesce(tot.top_category, '') AS top_category,
       top.score, top.factors
FROM top LEFT JOIN tot USING (township) LEFT JOIN base USING (township) LEFT JOIN regions g ON g.code = top.township
ORDER BY top.score DESC, top.township`;

const COUNTS_TOP = `
WITH top AS (
  SELECT county, township, sum(events) AS n FROM region_hourly_rollup
  WHERE bucket >= $1 AND ($2::text IS NULL OR county = $2 OR township = $2)
  GROUP BY 1, 2 ORDER BY n DESC, township LIMIT $3),
${COUNTS_OF}
SELECT top.county, top.township, g.name, tot.events, round(coalesce(base.expected, 0), 1)::float8 AS expected,
       tot.top_category
FROM top JOIN tot USING (township) LEFT JOIN base USING (township) LEFT JOIN regions g ON g.code = top.township
ORDER BY tot.events DESC, top.township`;

const CLEAR = `DELETE FROM hotspot_scores`;

/** One statement for the whole list: unnest keeps it one round trip whatever N is. */
const INSERT = `
INSERT INTO hotspot_scores (region, level, county, rank, score, factors, bucket_start, rule_set_version, computed_at)
SELECT r.region, r.level, left(r.region, 6), r.rank, r.score, r.factors, r.bucket_start, $2, $3
FROM jsonb_to_recordset($1::jsonb)
  AS r(region text, level text, rank int, score float8, factors jsonb, bucket_start timestamptz)`;

const HEARTBEAT = `
INSERT INTO hotspot_score_runs (id, computed_at, rule_set_version, cells) VALUES (1, $1, $2, $3)
ON CONFLICT (id) DO UPDATE SET computed_at = $1, rule_set_version = $2, cells = $3`;

/**
 * hotspot_scores (the current list) and hotspot_score_runs (when the engine last judged): the
 * warning engine writes them (fenced by its leader lock), the API reads the top townships of a scope,
 * ranked by those scores or, before the engine has scored, by the hourly rollup's counts.
 */
export class HotspotScoresRepository {
  async replace(tx: Queryable, list: readonly Hotspot[], ruleSetVersion: number, at: Date): Promise<void> {
    await tx.query(CLEAR);
    if (list.length === 0) return;
    const rows = list.map((h) => ({
      region: h.region,
      level: h.level,
      rank: h.rank,
      score: h.score,
      factors: h.factors,
      bucket_start: h.bucketStart,
    }));
    await tx.query(INSERT, [JSON.stringify(rows), ruleSetVersion, at]);
  }

  /** A cleanly stopping service withdraws its list: readers fall back to counts at once, not 2 min later. */
  async retire(tx: Queryable): Promise<void> {
    await tx.query('DELETE FROM hotspot_score_runs');
    await tx.query(CLEAR);
  }

  async heartbeat(db: Queryable, at: Date, ruleSetVersion: number, cells: number): Promise<void> {
    await db.query(HEARTBEAT, [at, ruleSetVersion, cells]);
  }

  /** When the warning service last judged the hotspots (undefined: never). */
  async lastRun(db: Queryable): Promise<ScoreRun | undefined> {
    const r = await db.query<ScoreRun>(
      'SELECT computed_at, rule_set_version FROM hotspot_score_runs WHERE id = 1',
    );
    return r.rows[0];
  }

  async engineTop(db: Queryable, since: Date, scope: string | null, limit: number): Promise<HotspotRow[]> {
    return (await db.query<HotspotRow>(ENGINE_TOP, [since, scope, limit])).rows;
  }

  async countsTop(db: Queryable, since: Date, scope: string | null, limit: number): Promise<HotspotRow[]> {
    return (await db.query<HotspotRow>(COUNTS_TOP, [since, scope, limit])).rows;
  }
}
