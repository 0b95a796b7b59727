-- Users of the command API, their refresh tokens, and the append-only, hash-chained audit log.
-- The application connects as the owner of these tables here, so GRANT/REVOKE cannot stop it from
-- rewriting history: triggers that raise do. (Production should also connect as a role that holds
-- only INSERT/SELECT on audit_log: see docs/security.md.)

-- migrate:up
CREATE TABLE users (
  user_id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('wall', 'duty-officer', 'analyst', 'intake-clerk', 'admin')),
  -- County (6-digit) or township (9-digit) codes this user may see; empty = the whole city.
  regions text[] NOT NULL DEFAULT '{}',
  password_hash text NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Refresh tokens are stored as SHA-256 digests; rotation links each to its successor so that the
-- reuse of a rotated token (a stolen copy) revokes the whole family.
CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (user_id),
  family_id uuid NOT NULL,
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  rotated_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);

CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor_user_id text NOT NULL,
  actor_role text NOT NULL,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text NOT NULL,
  detail jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);

CREATE FUNCTION fq_audit_log_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION fq_audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION fq_audit_log_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;

-- migrate:down
DROP TABLE IF EXISTS audit_log;
DROP FUNCTION IF EXISTS fq_audit_log_is_append_only();
DROP TABLE IF EXISTS refresh_tokens;
DROP TABLE IF EXISTS users;
