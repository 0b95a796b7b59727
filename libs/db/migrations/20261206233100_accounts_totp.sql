-- Accounts (issue 16): the grid worker, auditor and account-administrator roles; a password the user
-- must replace at the next sign-in; the TOTP second factor (its secret sealed with AES-256-GCM by the
-- API, the last accepted time step against replays) and single-use recovery codes (SHA-256 digests);
-- an index for the API's watch on revoked sessions (a revoked device token or disabled user is
-- dropped within seconds on every instance).

-- migrate:up
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN (
  'wall', 'duty-officer', 'analyst', 'intake-clerk', 'admin', 'grid-worker', 'auditor', 'account-admin'));

ALTER TABLE users
  ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
  ADD COLUMN totp_secret text,
  ADD COLUMN totp_pending_secret text,
  ADD COLUMN totp_enabled_at timestamptz,
  ADD COLUMN totp_last_step bigint;

CREATE TABLE user_recovery_codes (
  user_id uuid NOT NULL REFERENCES users (user_id),
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

CREATE INDEX refresh_tokens_revoked_at_idx ON refresh_tokens (revoked_at) WHERE revoked_at IS NOT NULL;
CREATE INDEX users_role_idx ON users (role);

-- migrate:down
DROP INDEX IF EXISTS users_role_idx;
DROP INDEX IF EXISTS refresh_tokens_revoked_at_idx;
DROP TABLE IF EXISTS user_recovery_codes;
ALTER TABLE users
  DROP COLUMN IF EXISTS totp_last_step,
  DROP COLUMN IF EXISTS totp_enabled_at,
  DROP COLUMN IF EXISTS totp_pending_secret,
  DROP COLUMN IF EXISTS totp_secret,
  DROP COLUMN IF EXISTS must_change_password;
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check;
-- NOT VALID: accounts of the newer roles may exist; they keep working rows but no new ones are made.
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('wall', 'duty-officer', 'analyst', 'intake-clerk', 'admin')) NOT VALID;
