// The media service reports a publish, an unpublish and a heartbeat (FQ_MEDIA_HEARTBEAT_MS); a
// stream no longer counts as live after FQ_STREAMING_WINDOW_MS without one (config.tuning.api,
// checked at load to span more than two heartbeats).

/**
 * A media-service report among the camera status events (alias `e`): the explicit `source`, and for
 * rows stored before it existed the old reading. The rule lives in the database
 * (migration 20261127600500) so a partial index with the same predicate serves every reader.
 */
export const MEDIA_REPORT_SQL = `fq_is_media_report(e.source, e.online, e.last_frame_age_ms)`;

/**
 * `live`: each camera's latest media report in the window before `now` ($now, $window are the
 * placeholders to use). Reads only the partial index, a few rows per streaming camera.
 */
export const liveStreamsCte = (now: string, window: string): string => `live AS (
  SELECT DISTINCT ON (e.camera_id) e.camera_id, e.online AS streaming FROM camera_status_events e
  WHERE e.occurred_at > ${now}::timestamptz - make_interval(secs => ${window})
    AND e.occurred_at <= ${now}::timestamptz + interval '1 minute' AND ${MEDIA_REPORT_SQL}
  ORDER BY e.camera_id, e.occurred_at DESC)`;

/** The contract's StreamState from `live` and the camera's latest state `s`. */
export const STREAM_STATE_SQL = `CASE WHEN live.streaming THEN 'streaming' WHEN s.online IS NULL THEN 'unknown'
  WHEN s.online THEN 'online' ELSE 'offline' END`;
