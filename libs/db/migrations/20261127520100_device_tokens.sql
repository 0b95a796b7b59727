-- Kiosk credentials for wall displays: an administrator issues a token bound to a wall user; the
-- display exchanges it for the usual token pair. Only a SHA-256 digest is kept (the token carries
-- 256 random bits, so a slow hash adds nothing); the token itself is shown once.

-- migrate:up
CREATE TABLE device_tokens (
  token_id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users (user_id),
  label text NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX device_tokens_user_idx ON device_tokens (user_id);

-- migrate:down
DROP TABLE IF EXISTS device_tokens;
