-- camera_state takes one update per camera heartbeat (31,000 cameras). Room left in each page lets
-- PostgreSQL update the row in place (a HOT update: no new index entry), which measured ~1.8x the
-- writer's rows/s in bench/ingest; frequent autovacuum keeps the dead versions from piling up.

-- migrate:up
ALTER TABLE camera_state SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02);

-- migrate:down
ALTER TABLE camera_state RESET (fillfactor, autovacuum_vacuum_scale_factor);
