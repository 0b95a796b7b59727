-- camera.status.v1 gained `source` (device | media | simulator). Only the media service sees the
-- frames, so only its reports make a camera "streaming". Rows stored before the field have a null
-- source: for them the old reading holds (the media service alone says lastFrameAgeMs 0 when up and
-- omits it when down). fq_is_media_report is that rule, in one place: the API's stream state, the
-- live township aggregate and the simulator's "leave these cameras alone" list all call it, and the
-- partial index below has the same predicate, so each of those reads only the media service's rows
-- (a handful per camera per 90 s) instead of scanning every heartbeat of 31,000 cameras.

-- migrate:up
ALTER TABLE camera_status_events ADD COLUMN IF NOT EXISTS source text
  CHECK (source IN ('device', 'media', 'simulator'));
CREATE FUNCTION fq_is_media_report(source text, online boolean, last_frame_age_ms integer) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN source IS NOT NULL THEN source = 'media'
              ELSE coalesce((online AND last_frame_age_ms = 0) OR (NOT online AND last_frame_age_ms IS NULL), false) END
$$;
CREATE INDEX camera_status_events_media_idx ON camera_status_events (occurred_at, camera_id)
  WHERE fq_is_media_report(source, online, last_frame_age_ms);

-- migrate:down
DROP INDEX IF EXISTS camera_status_events_media_idx;
DROP FUNCTION IF EXISTS fq_is_media_report(text, boolean, integer);
ALTER TABLE camera_status_events DROP COLUMN IF EXISTS source;
