-- Grid-cell trends read the raw events of one township instead of a grid rollup: the ingest writer
-- stays as it is, and these covering indexes make the reads index-only scans.
--   case_events: the `reported` events (the ones the rollups count) of a township, with their grid
--   cell and category in the index.
--   camera_analytics_events: a camera's events with their kind; the township's cameras come from the
--   registry (cameras.township, cameras.grid), one short range scan per camera.
-- Measured on the seeded 90-day history (512,867 case events, 1,414,108 analytics events): see
-- apps/api/src/trends/grid-trends.repository.ts and bench/api/trend-query.bench.ts.
-- IF NOT EXISTS: the shared demo database got these by hand while they were being measured.

-- migrate:up
CREATE INDEX IF NOT EXISTS case_events_reported_grid_idx ON case_events (township, occurred_at)
  INCLUDE (grid, category) WHERE type = 'reported' AND category IS NOT NULL;
CREATE INDEX IF NOT EXISTS camera_analytics_events_camera_kind_idx ON camera_analytics_events (camera_id, occurred_at)
  INCLUDE (kind);
CREATE INDEX IF NOT EXISTS cameras_township_grid_idx ON cameras (township, camera_id) INCLUDE (grid);

-- migrate:down
DROP INDEX IF EXISTS cameras_township_grid_idx;
DROP INDEX IF EXISTS camera_analytics_events_camera_kind_idx;
DROP INDEX IF EXISTS case_events_reported_grid_idx;
