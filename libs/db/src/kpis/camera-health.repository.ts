import { type Queryable } from '../transaction';

export interface CameraCountRow {
  readonly total: number;
  readonly online: number;
}

export interface HealthBucketRow {
  readonly bucket: Date;
  readonly reports: number;
  readonly online_reports: number;
}

const SCOPE = (n: number, alias: string): string =>
  `($${n}::text IS NULL OR ${alias}.county = $${n} OR ${alias}.township = $${n})`;

/**
 * The KPI tiles' reads of the camera registry and its status: how many cameras are online now, and
 * the camera-health rollup (its refresh and the trend that reads it plus the raw tail).
 */
export class CameraHealthRepository {
  async counts(db: Queryable, scope: string | null): Promise<CameraCountRow> {
    const res = await db.query<CameraCountRow>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE s.online)::int AS online
       FROM cameras c LEFT JOIN camera_state s USING (camera_id) WHERE ${SCOPE(1, 'c')}`,
      [scope],
    );
    return res.rows[0] ?? { total: 0, online: 0 };
  }

  /** Rolls complete hours up to `now`'s hour; returns the new watermark (null: no reports yet). */
  async refresh(db: Queryable, now: Date): Promise<Date | null> {
    const res = await db.query<{ through: Date | null }>('SELECT fq_refresh_camera_health($1) AS through', [
      now,
    ]);
    return res.rows[0]?.through ?? null;
  }

  /**
   * Reports per bucket ('1 hour' or '1 day', days in Beijing time): complete hours from the rollup,
   * hours past its watermark from the raw events, so the newest hour is never missing.
   */
  async trend(
    db: Queryable,
    range: { from: Date; to: Date },
    width: '1 hour' | '1 day',
    scope: string | null,
  ): Promise<HealthBucketRow[]> {
    const res = await db.query<HealthBucketRow>(
      `WITH w AS (SELECT coalesce((SELECT refreshed_through FROM camera_health_watermark), '-infinity') AS t),
       hours AS (
         SELECT h.bucket, h.reports, h.online_reports FROM camera_health_hourly h, w
         WHERE h.bucket >= $1 AND h.bucket < $2 AND h.bucket < w.t AND ${SCOPE(4, 'h')}
         UNION ALL
         SELECT e.occurred_at, 1, CASE WHEN e.online THEN 1 ELSE 0 END
         FROM camera_status_events e JOIN cameras c USING (camera_id), w
         WHERE e.occurred_at >= greatest($1, w.t) AND e.occurred_at < $2 AND ${SCOPE(4, 'c')})
       SELECT date_bin($3::interval, bucket, timestamptz '2000-01-01 00:00:00+08') AS bucket,
              sum(reports)::int AS reports, sum(online_reports)::int AS online_reports
       FROM hours GROUP BY 1 ORDER BY 1`,
      [range.from, range.to, width, scope],
    );
    return res.rows;
  }
}
