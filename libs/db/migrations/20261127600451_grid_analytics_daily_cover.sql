-- The grid queries read a township's days of grid_analytics_daily (~22,000 rows for the busiest
-- township over 90 days): with its count in the index they are index-only scans instead of ~7,000
-- random heap blocks (EXPLAIN on the seeded demo history).

-- migrate:up
CREATE INDEX grid_analytics_daily_cover_idx ON grid_analytics_daily (township, day) INCLUDE (grid, kind, events);
ANALYZE grid_analytics_daily;

-- migrate:down
DROP INDEX IF EXISTS grid_analytics_daily_cover_idx;
