-- Grid-cell trends of camera analytics: events per Beijing day × township × grid cell × kind. The raw
-- read (20261127600400) walks ~70,000 rows of 1,534 cameras for the busiest township over 90 days;
-- this rollup answers whole days and the grid queries read raw rows only for the open tail past the
-- watermark (the way camera_health_hourly is kept). No trigger: the ingest writer stays as it is.
--   fq_refresh_grid_analytics(now) recomputes the days since the watermark (and the one before it),
--   plus every day that received rows since the previous refresh (ingested_at, with a 10-minute margin
--   for transactions still open then): late events and a history loaded afterwards are counted too.
--   The API calls it every minute; concurrent callers serialise on an advisory lock.
--   A camera's cell is the registry's at refresh time: moving a camera to another cell re-labels its
--   past events only in the days recomputed afterwards (the raw read re-labels all of them).
-- One BRIN index (occurred_at, ingested_at) lets the refresh find a day's rows and the newly ingested
-- ones without an index maintained per row.

-- migrate:up
CREATE TABLE grid_analytics_daily (
  day timestamptz NOT NULL,
  township text NOT NULL,
  grid text NOT NULL,
  kind text NOT NULL,
  events integer NOT NULL,
  PRIMARY KEY (township, day, grid, kind)
);

CREATE TABLE grid_analytics_watermark (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  refreshed_through timestamptz NOT NULL,
  ingested_mark timestamptz NOT NULL
);

CREATE INDEX camera_analytics_events_times_brin ON camera_analytics_events
  USING brin (occurred_at, ingested_at);

CREATE FUNCTION fq_grid_analytics_day(d timestamptz) RETURNS void
LANGUAGE sql AS $$
  DELETE FROM grid_analytics_daily WHERE day = d;
  INSERT INTO grid_analytics_daily (day, township, grid, kind, events)
  SELECT d, c.township, c.grid, a.kind, count(*)
  FROM camera_analytics_events a JOIN cameras c USING (camera_id)
  WHERE a.occurred_at >= d AND a.occurred_at < d + interval '1 day' AND c.grid IS NOT NULL
  GROUP BY 2, 3, 4;
$$;

CREATE FUNCTION fq_refresh_grid_analytics(now_ts timestamptz) RETURNS timestamptz
LANGUAGE plpgsql AS $$
DECLARE
  origin constant timestamptz := timestamptz '2000-01-03 00:00:00+08';
  through timestamptz := date_bin('1 day', now_ts, origin);
  since timestamptz;
  mark timestamptz;
  d timestamptz;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('fq_refresh_grid_analytics'));
  SELECT refreshed_through - interval '1 day', ingested_mark - interval '10 minutes' INTO since, mark
  FROM grid_analytics_watermark;
  IF since IS NULL THEN
    -- First build: every day at once, one pass over the table.
    INSERT INTO grid_analytics_daily (day, township, grid, kind, events)
    SELECT date_bin('1 day', a.occurred_at, origin), c.township, c.grid, a.kind, count(*)
    FROM camera_analytics_events a JOIN cameras c USING (camera_id)
    WHERE a.occurred_at < through AND c.grid IS NOT NULL
    GROUP BY 1, 2, 3, 4;
  ELSE
    FOR d IN
      SELECT g FROM generate_series(since, through - interval '1 day', interval '1 day') g
      UNION
      SELECT DISTINCT date_bin('1 day', occurred_at, origin) FROM camera_analytics_events
      WHERE ingested_at >= mark AND occurred_at < through
    LOOP
      PERFORM fq_grid_analytics_day(d);
    END LOOP;
  END IF;
  INSERT INTO grid_analytics_watermark (id, refreshed_through, ingested_mark) VALUES (true, through, now())
  ON CONFLICT (id) DO UPDATE SET
    refreshed_through = greatest(grid_analytics_watermark.refreshed_through, through),
    ingested_mark = now();
  RETURN (SELECT refreshed_through FROM grid_analytics_watermark);
END $$;

SELECT fq_refresh_grid_analytics(now());

-- migrate:down
DROP FUNCTION IF EXISTS fq_refresh_grid_analytics(timestamptz);
DROP FUNCTION IF EXISTS fq_grid_analytics_day(timestamptz);
DROP INDEX IF EXISTS camera_analytics_events_times_brin;
DROP TABLE IF EXISTS grid_analytics_watermark;
DROP TABLE IF EXISTS grid_analytics_daily;
