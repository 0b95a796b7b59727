-- Camera health over time: status reports per hour × township and how many said online. Cameras
-- report on a fixed heartbeat, so online reports ÷ reports is the time-weighted online share.
-- camera_status_events takes ~31,000 rows a minute at nominal load: the trend reads this rollup
-- for complete hours and the raw rows only for the open tail (a real-time aggregate, as TimescaleDB's
-- continuous aggregates do). fq_refresh_camera_health recomputes the hours since the watermark (and
-- two before it, for late reports) and moves the watermark; the API calls it every minute, and
-- concurrent callers serialise on an advisory lock. No trigger on the hypertable: ingest stays lean.

-- migrate:up
CREATE TABLE camera_health_hourly (
  bucket timestamptz NOT NULL,
  county text NOT NULL,
  township text NOT NULL,
  reports integer NOT NULL,
  online_reports integer NOT NULL,
  PRIMARY KEY (bucket, township)
);
CREATE INDEX camera_health_hourly_county_idx ON camera_health_hourly (county, bucket);
CREATE INDEX camera_health_hourly_township_idx ON camera_health_hourly (township, bucket);

CREATE TABLE camera_health_watermark (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  refreshed_through timestamptz NOT NULL
);

CREATE FUNCTION fq_refresh_camera_health(now_ts timestamptz) RETURNS timestamptz
LANGUAGE plpgsql AS $$
DECLARE
  through timestamptz := date_bin('1 hour', now_ts, timestamptz '2000-01-01 00:00:00+00');
  since timestamptz;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('fq_refresh_camera_health'));
  SELECT refreshed_through - interval '2 hours' INTO since FROM camera_health_watermark;
  IF since IS NULL THEN
    SELECT date_bin('1 hour', min(occurred_at), timestamptz '2000-01-01 00:00:00+00') INTO since
    FROM camera_status_events;
  END IF;
  IF since IS NULL OR since >= through THEN
    RETURN (SELECT refreshed_through FROM camera_health_watermark);
  END IF;
  DELETE FROM camera_health_hourly WHERE bucket >= since AND bucket < through;
  INSERT INTO camera_health_hourly (bucket, county, township, reports, online_reports)
  SELECT date_bin('1 hour', e.occurred_at, timestamptz '2000-01-01 00:00:00+00'), c.county, c.township,
         count(*), count(*) FILTER (WHERE e.online)
  FROM camera_status_events e JOIN cameras c USING (camera_id)
  WHERE e.occurred_at >= since AND e.occurred_at < through
  GROUP BY 1, 2, 3;
  INSERT INTO camera_health_watermark (id, refreshed_through) VALUES (true, through)
  ON CONFLICT (id) DO UPDATE SET refreshed_through = greatest(camera_health_watermark.refreshed_through, through);
  RETURN through;
END $$;

SELECT fq_refresh_camera_health(now());

-- migrate:down
DROP FUNCTION IF EXISTS fq_refresh_camera_health(timestamptz);
DROP TABLE IF EXISTS camera_health_watermark;
DROP TABLE IF EXISTS camera_health_hourly;
