-- Time-partitioned tables on both paths: TimescaleDB hypertables when the extension is available
-- (production image), native monthly range partitions on plain PostgreSQL (embedded dev/test).
-- Every query the product runs is written against the parent table, so it is the same on both.

-- migrate:up
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
    EXECUTE 'CREATE EXTENSION IF NOT EXISTS timescaledb';
  END IF;
END $$;

CREATE FUNCTION fq_has_timescale() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') $$;

-- Creates the monthly partitions of a natively partitioned table covering [from_ts, to_ts).
CREATE FUNCTION fq_ensure_month_partitions(parent text, from_ts timestamptz, to_ts timestamptz) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  m timestamptz := date_trunc('month', from_ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  created integer := 0;
  part text;
BEGIN
  IF fq_has_timescale() THEN RETURN 0; END IF;
  WHILE m < to_ts LOOP
    part := format('%s_p%s', parent, to_char(m AT TIME ZONE 'UTC', 'YYYYMM'));
    IF to_regclass(part) IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                     part, parent, m, m + interval '1 month');
      created := created + 1;
    END IF;
    m := m + interval '1 month';
  END LOOP;
  RETURN created;
END $$;

-- Creates an event table partitioned on occurred_at, whichever path this server supports.
CREATE FUNCTION fq_create_time_table(tbl text, columns text, retention interval) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF fq_has_timescale() THEN
    EXECUTE format('CREATE TABLE %I (%s)', tbl, columns);
    EXECUTE format('SELECT create_hypertable(%L, %L, chunk_time_interval => interval %L)', tbl, 'occurred_at', '1 day');
    EXECUTE format('ALTER TABLE %I SET (timescaledb.compress)', tbl);
    EXECUTE format('SELECT add_compression_policy(%L, interval %L)', tbl, '7 days');
    EXECUTE format('SELECT add_retention_policy(%L, %L::interval)', tbl, retention);
  ELSE
    EXECUTE format('CREATE TABLE %I (%s) PARTITION BY RANGE (occurred_at)', tbl, columns);
    -- Events outside the prepared months land here rather than fail; housekeeping adds months ahead.
    EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', tbl || '_pdefault', tbl);
    PERFORM fq_ensure_month_partitions(tbl, now() - interval '26 months', now() + interval '3 months');
  END IF;
END $$;

-- migrate:down
DROP FUNCTION IF EXISTS fq_create_time_table(text, text, interval);
DROP FUNCTION IF EXISTS fq_ensure_month_partitions(text, timestamptz, timestamptz);
DROP FUNCTION IF EXISTS fq_has_timescale();
