import { type Hotspot } from '@fengqiao/contracts';
import { type Queryable } from '@fengqiao/db';

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

/** hotspot_scores (the current list) and hotspot_score_runs (when the engine last judged). */
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
}
