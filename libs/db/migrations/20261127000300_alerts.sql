-- Alerts: the current state of each alert, and the append-only log of its changes whose bigserial
-- `seq` is the global order clients resume from after a reconnect.

-- migrate:up
CREATE TABLE alerts (
  alert_id uuid PRIMARY KEY,
  dedup_key text NOT NULL,
  rule_id text NOT NULL,
  rule_version integer NOT NULL,
  colour text NOT NULL CHECK (colour IN ('blue', 'orange', 'red')),
  state text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  title text NOT NULL,
  county text NOT NULL,
  township text,
  grid text,
  lon double precision,
  lat double precision,
  escalation_level text NOT NULL DEFAULT 'grid',
  raised_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  resolved_at timestamptz,
  outcome text,
  explanation jsonb NOT NULL,
  last_seq bigint NOT NULL DEFAULT 0
);
-- One open alert per dedup key: a re-trigger updates it rather than raising a second one.
CREATE UNIQUE INDEX alerts_open_dedup_idx ON alerts (dedup_key) WHERE state NOT IN ('resolved', 'closed');
CREATE INDEX alerts_colour_state_idx ON alerts (colour, state, raised_at DESC);
CREATE INDEX alerts_region_idx ON alerts (county, township, raised_at DESC);

CREATE TABLE alert_changes (
  seq bigserial PRIMARY KEY,
  alert_id uuid NOT NULL REFERENCES alerts (alert_id),
  version integer NOT NULL,
  change text NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_user_id text,
  actor_role text,
  note text,
  snapshot jsonb NOT NULL,
  UNIQUE (alert_id, version)
);

-- migrate:down
DROP TABLE IF EXISTS alert_changes;
DROP TABLE IF EXISTS alerts;
