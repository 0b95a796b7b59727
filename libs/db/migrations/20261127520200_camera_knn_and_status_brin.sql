-- Nearest cameras to a point: a GiST index on the camera position scaled to equal-distance axes
-- (one degree of longitude at Bazhong's ~31.9° N is cos(31.9°) ≈ 0.849 of a degree of latitude), so
-- `ORDER BY pos <-> point` walks the index nearest first (KNN) instead of sorting 31,000 rows.
-- Recent-window scans of camera status (streaming cameras, the camera-health tail) read a BRIN
-- index on occurred_at: rows arrive in time order, so the index stays tiny and cheap to maintain.

-- migrate:up
CREATE FUNCTION fq_camera_pos(lon double precision, lat double precision) RETURNS point
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT point(lon * 0.849, lat) $$;
CREATE INDEX cameras_pos_knn_idx ON cameras USING gist (fq_camera_pos(lon, lat));
CREATE INDEX camera_status_events_time_brin ON camera_status_events USING brin (occurred_at);

-- migrate:down
DROP INDEX IF EXISTS camera_status_events_time_brin;
DROP INDEX IF EXISTS cameras_pos_knn_idx;
DROP FUNCTION IF EXISTS fq_camera_pos(double precision, double precision);
