-- The trend queries read region_daily_rollup by township and region_county_daily_rollup by day.
-- Covering indexes make both index-only scans (no heap visits), and the city index's order
-- (day, county, category) lets a day-bucket query aggregate in index order with no sort.
-- Measured on the bench history (EXPLAIN ANALYZE, median of 15, a busy 2-core machine): one
-- township over 90 days 12.9 → 5.4 ms; the city by day over 90 days 42.9 → 16.7 ms (with the
-- grouped-by-day query of CityTrendsRepository). Index-only scans need a fresh visibility map: the
-- rollups are updated all day, so autovacuum visits them sooner than the default.

-- migrate:up
CREATE INDEX region_daily_rollup_township_cover_idx ON region_daily_rollup (township, day)
  INCLUDE (source, category, events);
DROP INDEX IF EXISTS region_daily_rollup_township_idx;
CREATE INDEX region_county_daily_rollup_day_cover_idx ON region_county_daily_rollup (day, county, category)
  INCLUDE (source, events);
ALTER TABLE region_daily_rollup SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
ALTER TABLE region_county_daily_rollup SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);

-- migrate:down
ALTER TABLE region_county_daily_rollup RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_insert_scale_factor);
ALTER TABLE region_daily_rollup RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_insert_scale_factor);
DROP INDEX IF EXISTS region_county_daily_rollup_day_cover_idx;
CREATE INDEX IF NOT EXISTS region_daily_rollup_township_idx ON region_daily_rollup (township, day);
DROP INDEX IF EXISTS region_daily_rollup_township_cover_idx;
