-- The raw event tables, the camera registry with its latest state, and the region rollup that
-- hotspot and trend queries read instead of raw rows.

-- migrate:up
SELECT fq_create_time_table('case_events', $cols$
  event_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  case_id text NOT NULL,
  type text NOT NULL,
  channel text NOT NULL,
  county text NOT NULL,
  township text NOT NULL,
  village text,
  grid text,
  category text,
  tier text,
  payload jsonb NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, occurred_at)
$cols$, interval '5 years');
CREATE INDEX case_events_case_idx ON case_events (case_id, occurred_at);
CREATE INDEX case_events_township_idx ON case_events (township, occurred_at);

SELECT fq_create_time_table('camera_status_events', $cols$
  event_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  camera_id text NOT NULL,
  online boolean NOT NULL,
  bitrate_kbps real,
  fps real,
  last_frame_age_ms integer,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, occurred_at)
$cols$, interval '90 days');
CREATE INDEX camera_status_events_camera_idx ON camera_status_events (camera_id, occurred_at);

SELECT fq_create_time_table('camera_analytics_events', $cols$
  event_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  camera_id text NOT NULL,
  kind text NOT NULL,
  confidence real NOT NULL,
  head_count integer,
  snapshot_ref text,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, occurred_at)
$cols$, interval '2 years');
CREATE INDEX camera_analytics_events_camera_idx ON camera_analytics_events (camera_id, occurred_at);

CREATE TABLE cameras (
  camera_id text PRIMARY KEY CHECK (camera_id ~ '^5119[0-9]{16}$'),
  name text NOT NULL,
  site_type text NOT NULL,
  county text NOT NULL,
  township text NOT NULL,
  village text,
  grid text,
  lon double precision NOT NULL,
  lat double precision NOT NULL,
  department text NOT NULL,
  stream_key text NOT NULL,
  registered_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cameras_township_idx ON cameras (township);
CREATE INDEX cameras_lonlat_idx ON cameras (lon, lat);

-- Latest state per camera; history lives in camera_status_events.
CREATE TABLE camera_state (
  camera_id text PRIMARY KEY,
  online boolean NOT NULL,
  bitrate_kbps real,
  fps real,
  last_frame_age_ms integer,
  changed_at timestamptz NOT NULL,
  seen_at timestamptz NOT NULL
);

-- Counts per hour × township × source × category, maintained by the ingest writer in the same
-- transaction as the raw rows (so a replayed batch adds nothing: see the writer).
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

-- migrate:down
DROP TABLE IF EXISTS region_hourly_rollup;
DROP TABLE IF EXISTS camera_state;
DROP TABLE IF EXISTS cameras;
DROP TABLE IF EXISTS camera_analytics_events CASCADE;
DROP TABLE IF EXISTS camera_status_events CASCADE;
DROP TABLE IF EXISTS case_events CASCADE;
