-- Plain PostgreSQL: monthly partitions are created ahead for as long as the system runs, not only
-- for the months the first migration prepared (26 back, 3 ahead). fq_maintain_time_partitions(now)
-- ensures every month from now's to `ahead` past it, for each time-partitioned table; the ingest runs
-- it at start and every few hours (libs/db PartitionMaintainer). A month whose rows already sit in
-- the DEFAULT partition cannot get its own partition (PostgreSQL refuses); it is skipped with a
-- warning and counted, instead of failing the other months. Under TimescaleDB chunks are created on
-- demand and this returns 0.

-- migrate:up
CREATE FUNCTION fq_maintain_time_partitions(now_ts timestamptz, ahead interval DEFAULT interval '6 months')
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  tbl text;
  m timestamptz;
  created integer := 0;
BEGIN
  IF fq_has_timescale() THEN RETURN 0; END IF;
  FOREACH tbl IN ARRAY ARRAY['case_events', 'camera_status_events', 'camera_analytics_events'] LOOP
    m := date_trunc('month', now_ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    WHILE m < now_ts + ahead LOOP
      BEGIN
        created := created + fq_ensure_month_partitions(tbl, m, m + interval '1 month');
      EXCEPTION WHEN check_violation THEN
        RAISE WARNING '%: rows of % are in the DEFAULT partition; its month partition was not created', tbl,
          to_char(m AT TIME ZONE 'UTC', 'YYYY-MM');
      END;
      m := m + interval '1 month';
    END LOOP;
  END LOOP;
  RETURN created;
END $$;

SELECT fq_maintain_time_partitions(now());

-- migrate:down
DROP FUNCTION IF EXISTS fq_maintain_time_partitions(timestamptz, interval);
