import { type DbPool } from '@fengqiao/db';

// fq_is_media_report (migration 20261127600500): the explicit source, or the old reading for rows
// stored before it. Its partial index makes this a read of the media service's rows only.
const MEDIA_REPORTED = `
SELECT DISTINCT camera_id FROM camera_status_events
WHERE occurred_at > $1::timestamptz - make_interval(secs => $2) AND occurred_at <= $1::timestamptz + interval '1 minute'
  AND fq_is_media_report(source, online, last_frame_age_ms)`;

/** The cameras the media service has reported on (up or down) within `windowS` before `now`. */
export async function mediaReportedCameras(pool: DbPool, now: Date, windowS: number): Promise<Set<string>> {
  const res = await pool.query<{ camera_id: string }>(MEDIA_REPORTED, [now, windowS]);
  return new Set(res.rows.map((r) => r.camera_id));
}
