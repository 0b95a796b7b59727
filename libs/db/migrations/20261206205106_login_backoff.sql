-- Per-account login back-off (issue 17 #6), in the database so every API instance applies it.
-- Keyed by the submitted (lower-cased) username whether or not such a user exists, so the answer
-- does not tell which names exist. Replaces the fixed 5-failure lock of users.locked_until.

-- migrate:up
CREATE TABLE login_backoff (
  username text PRIMARY KEY CHECK (length(username) BETWEEN 1 AND 128),
  failures integer NOT NULL CHECK (failures >= 0),
  last_failed_at timestamptz NOT NULL,
  blocked_until timestamptz
);

-- migrate:down
DROP TABLE IF EXISTS login_backoff;
