-- camera_health_hourly and grid_analytics_daily become continuous aggregates under TimescaleDB
-- (issue 14; decision 0012 had kept them as API-refreshed tables). Both are a GROUP BY of one
-- hypertable joined to the camera registry, which a continuous aggregate expresses (TimescaleDB
-- 2.10+: one hypertable INNER JOIN one plain table on an equality):
-- * camera_health_hourly: status reports per hour × township and how many said online;
-- * grid_analytics_daily: analytics events per Beijing day × township × grid cell × kind.
-- Real-time aggregation (materialized_only = false) adds the rows past the materialisation at query
-- time, so the open hour and day are always counted; refresh policies materialise the rest (hourly:
-- every 5 minutes up to an hour ago; daily: every 30 minutes up to a day ago). A camera's region and
-- cell are the registry's when a bucket is materialised (as the refresh functions had it: moving a
-- camera re-labels only buckets recomputed afterwards, and the open ones).
-- The readers keep their shape: the relation names stay (views with the tables' columns and types),
-- the watermark relations say through when the rollup is materialised, and fq_refresh_camera_health /
-- fq_refresh_grid_analytics, which the API calls each minute, answer that watermark and do nothing
-- else (refresh_continuous_aggregate cannot run inside the API's statement; the policies refresh).
-- A watermark before the newest rows only moves work to the readers' raw tail; both halves together
-- answer the same figures. Plain PostgreSQL: nothing changes (refresh-kept tables, 20261127520400 and
-- 20261127600450); libs/db/src/plain-path.int-spec.ts compares both paths.

-- migrate:up
DO $up$
BEGIN
  IF NOT fq_has_timescale() THEN RETURN; END IF;

  DROP TABLE camera_health_hourly;
  DROP TABLE camera_health_watermark;
  DROP TABLE grid_analytics_daily;
  DROP TABLE grid_analytics_watermark;
  DROP FUNCTION fq_grid_analytics_day(timestamptz);

  CREATE MATERIALIZED VIEW rollup_camera_health_hourly
    WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
    SELECT time_bucket('1 hour', e.occurred_at) AS bucket, c.county, c.township, count(*) AS reports,
           count(*) FILTER (WHERE e.online) AS online_reports
    FROM camera_status_events e JOIN cameras c ON c.camera_id = e.camera_id
    GROUP BY 1, 2, 3 WITH NO DATA;
  -- Beijing calendar days (UTC+8): buckets start at Beijing midnight, as fq_refresh_grid_analytics had.
  CREATE MATERIALIZED VIEW rollup_grid_analytics_daily
    WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
    SELECT time_bucket('1 day', a.occurred_at, timestamptz '2000-01-03 00:00:00+08') AS day, c.township, c.grid,
           a.kind, count(*) AS events
    FROM camera_analytics_events a JOIN cameras c ON c.camera_id = a.camera_id
    WHERE c.grid IS NOT NULL
    GROUP BY 1, 2, 3, 4 WITH NO DATA;
  PERFORM add_continuous_aggregate_policy('rollup_camera_health_hourly', start_offset => NULL,
    end_offset => interval '1 hour', schedule_interval => interval '5 minutes');
  PERFORM add_continuous_aggregate_policy('rollup_grid_analytics_daily', start_offset => NULL,
    end_offset => interval '1 day', schedule_interval => interval '30 minutes');

  CREATE VIEW camera_health_hourly AS
    SELECT bucket, county, township, reports::integer AS reports, online_reports::integer AS online_reports
    FROM rollup_camera_health_hourly;
  CREATE VIEW grid_analytics_daily AS
    SELECT day, township, grid, kind, events::integer AS events FROM rollup_grid_analytics_daily;

  -- Materialised through: the aggregate's watermark (its lowest time before the first refresh).
  CREATE FUNCTION fq_cagg_watermark(view_name text) RETURNS timestamptz
  LANGUAGE sql STABLE AS $f$
    SELECT _timescaledb_functions.to_timestamp(_timescaledb_functions.cagg_watermark(mat_hypertable_id))
    FROM _timescaledb_catalog.continuous_agg WHERE user_view_schema = 'public' AND user_view_name = view_name
  $f$;
  CREATE VIEW camera_health_watermark AS
    SELECT true AS id, fq_cagg_watermark('rollup_camera_health_hourly') AS refreshed_through;
  CREATE VIEW grid_analytics_watermark AS
    SELECT true AS id, fq_cagg_watermark('rollup_grid_analytics_daily') AS refreshed_through,
           now() AS ingested_mark;

  CREATE OR REPLACE FUNCTION fq_refresh_camera_health(now_ts timestamptz) RETURNS timestamptz
  LANGUAGE sql STABLE AS $f$ SELECT fq_cagg_watermark('rollup_camera_health_hourly') $f$;
  CREATE OR REPLACE FUNCTION fq_refresh_grid_analytics(now_ts timestamptz) RETURNS timestamptz
  LANGUAGE sql STABLE AS $f$ SELECT fq_cagg_watermark('rollup_grid_analytics_daily') $f$;
END $up$;

-- migrate:down
DO $down$
BEGIN
  IF NOT fq_has_timescale() THEN RETURN; END IF;
  DROP VIEW grid_analytics_watermark;
  DROP VIEW camera_health_watermark;
  DROP VIEW grid_analytics_daily;
  DROP VIEW camera_health_hourly;
  DROP FUNCTION fq_refresh_grid_analytics(timestamptz);
  DROP FUNCTION fq_refresh_camera_health(timestamptz);
  DROP FUNCTION fq_cagg_watermark(text);
  DROP MATERIALIZED VIEW rollup_grid_analytics_daily;
  DROP MATERIALIZED VIEW rollup_camera_health_hourly;

  -- The refresh-kept tables and functions as 20261127520400, 20261127600450 and 600451 left them.
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
  LANGUAGE plpgsql AS $f$
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
  END $f$;

  CREATE TABLE grid_analytics_daily (
    day timestamptz NOT NULL,
    township text NOT NULL,
    grid text NOT NULL,
    kind text NOT NULL,
    events integer NOT NULL,
    PRIMARY KEY (township, day, grid, kind)
  );
  CREATE INDEX grid_analytics_daily_cover_idx ON grid_analytics_daily (township, day) INCLUDE (grid, kind, events);
  CREATE TABLE grid_analytics_watermark (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    refreshed_through timestamptz NOT NULL,
    ingested_mark timestamptz NOT NULL
  );
  CREATE FUNCTION fq_grid_analytics_day(d timestamptz) RETURNS void
  LANGUAGE sql AS $f$
    DELETE FROM grid_analytics_daily WHERE day = d;
    INSERT INTO grid_analytics_daily (day, township, grid, kind, events)
    SELECT d, c.township, c.grid, a.kind, count(*)
    FROM camera_analytics_events a JOIN cameras c USING (camera_id)
    WHERE a.occurred_at >= d AND a.occurred_at < d + interval '1 day' AND c.grid IS NOT NULL
    GROUP BY 2, 3, 4;
  $f$;
  CREATE FUNCTION fq_refresh_grid_analytics(now_ts timestamptz) RETURNS timestamptz
  LANGUAGE plpgsql AS $f$
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
  END $f$;
  PERFORM fq_refresh_camera_health(now());
  PERFORM fq_refresh_grid_analytics(now());
END $down$;
