-- Silences as data: label matchers (rule id, region, camera, colour) and a time window. A silenced
-- alert is still recorded (state `silenced`) but not notified. Expiring sets expired_at; rows are
-- never deleted, so "who silenced what, when and why" stays answerable.

-- migrate:up
CREATE TABLE silences (
  silence_id uuid PRIMARY KEY,
  matchers jsonb NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  allow_red boolean NOT NULL DEFAULT false,
  created_by text NOT NULL,
  created_role text NOT NULL,
  comment text NOT NULL,
  created_at timestamptz NOT NULL,
  expired_at timestamptz,
  expired_by text
);
CREATE INDEX silences_live_idx ON silences (ends_at) WHERE expired_at IS NULL;

-- migrate:down
DROP TABLE IF EXISTS silences;
