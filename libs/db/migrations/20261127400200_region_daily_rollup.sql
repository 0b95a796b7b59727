-- Daily counts per Beijing calendar day × township × source × category, kept in step with
-- region_hourly_rollup by statement triggers, so trend queries over months and years read ~24× fewer rows
-- (a continuous aggregate would do this under TimescaleDB; this works on plain PostgreSQL too).
-- Hourly rows removed by retention leave the daily history in place on purpose.

-- migrate:up
CREATE TABLE region_daily_rollup (
  day date NOT NULL,
  county text NOT NULL,
  township text NOT NULL,
  source text NOT NULL,
  category text NOT NULL,
  events bigint NOT NULL,
  PRIMARY KEY (day, township, source, category)
);
CREATE INDEX region_daily_rollup_township_idx ON region_daily_rollup (township, day);
CREATE INDEX region_daily_rollup_county_idx ON region_daily_rollup (county, day);

-- Townships filter hourly series too: the primary key leads with bucket, which does not help them.
CREATE INDEX region_hourly_rollup_township_idx ON region_hourly_rollup (township, bucket);

-- The Beijing day of an instant, with no dependence on the session's TimeZone.
CREATE FUNCTION fq_beijing_day(ts timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE AS $$ SELECT ((ts AT TIME ZONE 'UTC') + interval '8 hours')::date $$;

-- Statement-level, from the transition tables, upserting in key order: concurrent ingest
-- transactions then lock daily rows in one global order and cannot deadlock on them.
CREATE FUNCTION fq_roll_daily_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO region_daily_rollup AS d (day, county, township, source, category, events)
  SELECT fq_beijing_day(bucket), county, township, source, category, sum(events)
  FROM new_rows GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 3, 4, 5
  ON CONFLICT (day, township, source, category) DO UPDATE SET events = d.events + EXCLUDED.events;
  RETURN NULL;
END $$;

CREATE FUNCTION fq_roll_daily_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO region_daily_rollup AS d (day, county, township, source, category, events)
  SELECT fq_beijing_day(n.bucket), n.county, n.township, n.source, n.category, sum(n.events - o.events)
  FROM new_rows n JOIN old_rows o USING (bucket, township, source, category)
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 3, 4, 5
  ON CONFLICT (day, township, source, category) DO UPDATE SET events = d.events + EXCLUDED.events;
  RETURN NULL;
END $$;

CREATE TRIGGER region_hourly_rollup_inserted AFTER INSERT ON region_hourly_rollup
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fq_roll_daily_inserted();
CREATE TRIGGER region_hourly_rollup_updated AFTER UPDATE ON region_hourly_rollup
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fq_roll_daily_updated();

INSERT INTO region_daily_rollup (day, county, township, source, category, events)
SELECT fq_beijing_day(bucket), county, township, source, category, sum(events)
FROM region_hourly_rollup GROUP BY 1, 2, 3, 4, 5;

-- migrate:down
DROP TRIGGER IF EXISTS region_hourly_rollup_updated ON region_hourly_rollup;
DROP TRIGGER IF EXISTS region_hourly_rollup_inserted ON region_hourly_rollup;
DROP FUNCTION IF EXISTS fq_roll_daily_updated();
DROP FUNCTION IF EXISTS fq_roll_daily_inserted();
DROP FUNCTION IF EXISTS fq_beijing_day(timestamptz);
DROP INDEX IF EXISTS region_hourly_rollup_township_idx;
DROP TABLE IF EXISTS region_daily_rollup;
