-- The stream prober's last sample of each camera (issue 15, 视频质量诊断): camera.status.v1 carries an
-- optional `health` {verdict, sampleS, fps, bitrateKbps, frozenS, blackS}; the latest one per camera
-- is kept beside the camera's state (heartbeats without it leave it alone), with when it was taken.
-- A plain table on both engines: nothing here depends on TimescaleDB.

-- migrate:up
ALTER TABLE camera_state ADD COLUMN IF NOT EXISTS health jsonb;
ALTER TABLE camera_state ADD COLUMN IF NOT EXISTS health_at timestamptz;

-- migrate:down
ALTER TABLE camera_state DROP COLUMN IF EXISTS health_at;
ALTER TABLE camera_state DROP COLUMN IF EXISTS health;
