-- TimescaleDB where it serves (docs/decisions/0012). Plain PostgreSQL: nothing changes here (the
-- rollups stay trigger-kept tables written by the ingest). With the extension:
-- * chunk intervals sized to each table's rate: case events (thousands a day) 7 days, status history
--   (31,000 cameras × 2 reports a minute, ~45 M rows a day at nominal load) 12 hours, analytics 1 day;
-- * compression segmented by what queries filter on (township for cases; camera for the camera
--   tables) and ordered by time, compressing chunks older than 7 days (the wall reads minutes, the
--   trend queries read rollups);
-- * the township and county rollups become continuous aggregates with real-time aggregation, under
--   the same relation names (views over one aggregate per source), so the trend, hotspot, KPI and
--   report queries read the same columns on both paths, and the ingest stops writing them.
-- A continuous aggregate reads one hypertable, so cases and camera analytics each have their own.
-- Analytics rows now carry the county and township the ingest looked up for them (both paths), so
-- the aggregate counts a detection where the trigger path counted it, with no join to the registry
-- (a camera moved later keeps its past counts where they were, as before).

-- migrate:up
ALTER TABLE camera_analytics_events ADD COLUMN county text, ADD COLUMN township text;
UPDATE camera_analytics_events a SET county = c.county, township = c.township
FROM cameras c WHERE c.camera_id = a.camera_id AND a.township IS NULL;

DO $up$
BEGIN
  IF NOT fq_has_timescale() THEN RETURN; END IF;

  PERFORM set_chunk_time_interval('case_events', interval '7 days');
  PERFORM set_chunk_time_interval('camera_status_events', interval '12 hours');
  PERFORM set_chunk_time_interval('camera_analytics_events', interval '1 day');
  ALTER TABLE case_events SET (timescaledb.compress, timescaledb.compress_segmentby = 'township',
    timescaledb.compress_orderby = 'occurred_at DESC');
  ALTER TABLE camera_status_events SET (timescaledb.compress, timescaledb.compress_segmentby = 'camera_id',
    timescaledb.compress_orderby = 'occurred_at DESC');
  ALTER TABLE camera_analytics_events SET (timescaledb.compress, timescaledb.compress_segmentby = 'camera_id',
    timescaledb.compress_orderby = 'occurred_at DESC');

  DROP TABLE region_county_daily_rollup;
  DROP TABLE region_daily_rollup;
  DROP TABLE region_hourly_rollup;

  CREATE MATERIALIZED VIEW rollup_case_hourly
    WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
    SELECT time_bucket('1 hour', occurred_at) AS bucket, county, township, category, count(*) AS events
    FROM case_events WHERE type = 'reported' AND category IS NOT NULL
    GROUP BY 1, 2, 3, 4 WITH NO DATA;
  CREATE MATERIALIZED VIEW rollup_analytics_hourly
    WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
    SELECT time_bucket('1 hour', occurred_at) AS bucket, county, township, kind AS category, count(*) AS events
    FROM camera_analytics_events WHERE township IS NOT NULL
    GROUP BY 1, 2, 3, 4 WITH NO DATA;
  -- Beijing calendar days (UTC+8, no daylight saving): buckets start at Beijing midnight.
  CREATE MATERIALIZED VIEW rollup_case_daily
    WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
    SELECT time_bucket('1 day', occurred_at, timestamptz '2000-01-03 00:00:00+08') AS bucket, county, township,
           category, count(*) AS events
    FROM case_events WHERE type = 'reported' AND category IS NOT NULL
    GROUP BY 1, 2, 3, 4 WITH NO DATA;
  CREATE MATERIALIZED VIEW rollup_analytics_daily
    WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
    SELECT time_bucket('1 day', occurred_at, timestamptz '2000-01-03 00:00:00+08') AS bucket, county, township,
           kind AS category, count(*) AS events
    FROM camera_analytics_events WHERE township IS NOT NULL
    GROUP BY 1, 2, 3, 4 WITH NO DATA;
  CREATE MATERIALIZED VIEW rollup_case_county_daily
    WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
    SELECT time_bucket('1 day', occurred_at, timestamptz '2000-01-03 00:00:00+08') AS bucket, county, category,
           count(*) AS events
    FROM case_events WHERE type = 'reported' AND category IS NOT NULL
    GROUP BY 1, 2, 3 WITH NO DATA;
  CREATE MATERIALIZED VIEW rollup_analytics_county_daily
    WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS
    SELECT time_bucket('1 day', occurred_at, timestamptz '2000-01-03 00:00:00+08') AS bucket, county,
           kind AS category, count(*) AS events
    FROM camera_analytics_events WHERE township IS NOT NULL
    GROUP BY 1, 2, 3 WITH NO DATA;

  -- Materialise everything up to an hour (a day) ago every few minutes; real-time aggregation adds
  -- the newer rows at query time, so the wall's last minutes are always counted.
  PERFORM add_continuous_aggregate_policy('rollup_case_hourly', start_offset => NULL,
    end_offset => interval '1 hour', schedule_interval => interval '5 minutes');
  PERFORM add_continuous_aggregate_policy('rollup_analytics_hourly', start_offset => NULL,
    end_offset => interval '1 hour', schedule_interval => interval '5 minutes');
  PERFORM add_continuous_aggregate_policy('rollup_case_daily', start_offset => NULL,
    end_offset => interval '1 day', schedule_interval => interval '30 minutes');
  PERFORM add_continuous_aggregate_policy('rollup_analytics_daily', start_offset => NULL,
    end_offset => interval '1 day', schedule_interval => interval '30 minutes');
  PERFORM add_continuous_aggregate_policy('rollup_case_county_daily', start_offset => NULL,
    end_offset => interval '1 day', schedule_interval => interval '30 minutes');
  PERFORM add_continuous_aggregate_policy('rollup_analytics_county_daily', start_offset => NULL,
    end_offset => interval '1 day', schedule_interval => interval '30 minutes');

  -- The relation names every query reads, with the trigger tables' columns and types.
  CREATE VIEW region_hourly_rollup AS
    SELECT bucket, county, township, 'case'::text AS source, category, events::integer AS events
    FROM rollup_case_hourly
    UNION ALL
    SELECT bucket, county, township, 'analytics'::text, category, events::integer FROM rollup_analytics_hourly;
  CREATE VIEW region_daily_rollup AS
    SELECT fq_beijing_day(bucket) AS day, county, township, 'case'::text AS source, category, events
    FROM rollup_case_daily
    UNION ALL
    SELECT fq_beijing_day(bucket), county, township, 'analytics'::text, category, events
    FROM rollup_analytics_daily;
  CREATE VIEW region_county_daily_rollup AS
    SELECT fq_beijing_day(bucket) AS day, county, 'case'::text AS source, category, events
    FROM rollup_case_county_daily
    UNION ALL
    SELECT fq_beijing_day(bucket), county, 'analytics'::text, category, events FROM rollup_analytics_county_daily;
END $up$;

-- migrate:down
DO $down$
BEGIN
  IF NOT fq_has_timescale() THEN RETURN; END IF;
  DROP VIEW region_county_daily_rollup;
  DROP VIEW region_daily_rollup;
  DROP VIEW region_hourly_rollup;
  DROP MATERIALIZED VIEW rollup_analytics_county_daily;
  DROP MATERIALIZED VIEW rollup_case_county_daily;
  DROP MATERIALIZED VIEW rollup_analytics_daily;
  DROP MATERIALIZED VIEW rollup_case_daily;
  DROP MATERIALIZED VIEW rollup_analytics_hourly;
  DROP MATERIALIZED VIEW rollup_case_hourly;

  -- The trigger-kept tables as the earlier migrations left them, refilled from the raw rows.
  CREATE TABLE region_hourly_rollup (
    bucket timestamptz NOT NULL,
    county text NOT NULL,
    township text NOT NULL,
    source text NOT NULL CHECK (source IN ('case', 'analytics')),
    category text NOT NULL,
    events integer NOT NULL,
    PRIMARY KEY (bucket, township, source, category)
  );
  CREATE INDEX region_hourly_rollup_county_idx ON region_hourly_rollup (county, bucket);
  CREATE INDEX region_hourly_rollup_township_idx ON region_hourly_rollup (township, bucket);
  CREATE TABLE region_daily_rollup (
    day date NOT NULL,
    county text NOT NULL,
    township text NOT NULL,
    source text NOT NULL,
    category text NOT NULL,
    events bigint NOT NULL,
    PRIMARY KEY (day, township, source, category)
  );
  CREATE INDEX region_daily_rollup_county_idx ON region_daily_rollup (county, day);
  CREATE INDEX region_daily_rollup_township_cover_idx ON region_daily_rollup (township, day)
    INCLUDE (source, category, events);
  CREATE TABLE region_county_daily_rollup (
    day date NOT NULL,
    county text NOT NULL,
    source text NOT NULL,
    category text NOT NULL,
    events bigint NOT NULL,
    PRIMARY KEY (day, county, source, category)
  );
  CREATE INDEX region_county_daily_rollup_day_cover_idx ON region_county_daily_rollup (day, county, category)
    INCLUDE (source, events);
  ALTER TABLE region_daily_rollup SET (autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_vacuum_insert_scale_factor = 0.02);
  ALTER TABLE region_county_daily_rollup SET (autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_vacuum_insert_scale_factor = 0.02);
  CREATE TRIGGER region_hourly_rollup_inserted AFTER INSERT ON region_hourly_rollup
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fq_roll_daily_inserted();
  CREATE TRIGGER region_hourly_rollup_updated AFTER UPDATE ON region_hourly_rollup
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fq_roll_daily_updated();
  CREATE TRIGGER region_daily_rollup_inserted AFTER INSERT ON region_daily_rollup
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fq_roll_county_inserted();
  CREATE TRIGGER region_daily_rollup_updated AFTER UPDATE ON region_daily_rollup
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fq_roll_county_updated();
  INSERT INTO region_hourly_rollup (bucket, county, township, source, category, events)
  SELECT date_bin('1 hour', occurred_at, timestamptz '2000-01-01 00:00:00+00'), county, township, 'case', category,
         count(*)
  FROM case_events WHERE type = 'reported' AND category IS NOT NULL GROUP BY 1, 2, 3, 5
  UNION ALL
  SELECT date_bin('1 hour', occurred_at, timestamptz '2000-01-01 00:00:00+00'), county, township, 'analytics',
         kind, count(*)
  FROM camera_analytics_events WHERE township IS NOT NULL GROUP BY 1, 2, 3, 5;
END $down$;

ALTER TABLE camera_analytics_events DROP COLUMN township, DROP COLUMN county;
