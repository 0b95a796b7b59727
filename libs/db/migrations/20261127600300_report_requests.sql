-- On-demand report requests (decision 0006): the API queues a row, apps/reports generates it. Kept
-- after completion so the requester can see the outcome; `report_id` points at the stored report.

-- migrate:up
CREATE TABLE report_requests (
  request_id uuid PRIMARY KEY,
  -- The user id of the requester (a pending-per-user limit and "my requests"), never a name.
  requested_by text NOT NULL,
  level text NOT NULL CHECK (level IN ('city', 'county', 'township', 'village', 'grid')),
  region text NOT NULL CHECK (region ~ '^5119[0-9]{2}([0-9]{3}){0,3}$'),
  period_kind text NOT NULL CHECK (period_kind IN ('day', 'week', 'month')),
  period_start date NOT NULL,
  period_end date NOT NULL CHECK (period_end > period_start),
  period_label text NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'running', 'ready', 'failed')),
  requested_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  -- Claims so far: a row stuck `running` after a crash is claimed once more, then failed.
  attempts int NOT NULL DEFAULT 0,
  report_id uuid REFERENCES reports (report_id) ON DELETE SET NULL,
  failure_code text,
  failure_message text,
  CHECK ((state = 'failed') = (failure_code IS NOT NULL)),
  CHECK (state <> 'ready' OR report_id IS NOT NULL)
);
-- At most one pending request per report key: the API reuses it instead of queuing a copy.
CREATE UNIQUE INDEX report_requests_pending_key ON report_requests (level, region, period_kind, period_start)
  WHERE state IN ('queued', 'running');
-- The worker's claim: oldest queued first, and running rows to check for a stale claim.
CREATE INDEX report_requests_pending_idx ON report_requests (state, requested_at)
  WHERE state IN ('queued', 'running');
CREATE INDEX report_requests_user_idx ON report_requests (requested_by, requested_at DESC);

-- migrate:down
DROP TABLE IF EXISTS report_requests;
