-- Issue 17 #7: the audit chain could be rewritten by the role the applications connect as.
-- 1. Signed checkpoints: "through seq N the chain's hash was H", HMAC-signed by the API under a key
--    the database never holds; verify-audit checks them, so rewriting covered rows or cutting them
--    off the tail is detected even by someone who recomputes the (unkeyed) SHA-256 chain.
-- 2. The application role `fengqiao_app`: every table's rows, but audit_log and audit_checkpoints
--    INSERT and SELECT only (no UPDATE, DELETE, TRUNCATE), and no DDL. The apps connect as it in
--    production (docker-compose.yml); the owner only migrates. Roles are cluster-wide: the role is
--    created here when the migrating role may create roles (the compose superuser), otherwise it is
--    expected from the stack (tools/stack creates it) and only granted to here.

-- migrate:up
CREATE TABLE audit_checkpoints (
  id bigserial PRIMARY KEY,
  through_seq bigint NOT NULL,
  chain_hash text NOT NULL,
  signed_at timestamptz NOT NULL,
  key_id text NOT NULL,
  signature text NOT NULL
);
CREATE INDEX audit_checkpoints_through_idx ON audit_checkpoints (through_seq);

CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION fq_audit_log_is_append_only();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION fq_audit_log_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_checkpoints FROM PUBLIC;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fengqiao_app') THEN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
      CREATE ROLE fengqiao_app NOLOGIN;
    ELSE
      RAISE NOTICE 'role fengqiao_app is missing and % may not create it: privileges not granted', current_user;
      RETURN;
    END IF;
  END IF;
  GRANT USAGE ON SCHEMA public TO fengqiao_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fengqiao_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO fengqiao_app;
  REVOKE INSERT, UPDATE, DELETE ON fq_schema_migrations FROM fengqiao_app;
  REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_checkpoints FROM fengqiao_app;
  -- Tables later migrations create (as this owner) are the app's too; append-only ones revoke again.
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO fengqiao_app;
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO fengqiao_app;
END $$;

-- migrate:down
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fengqiao_app') THEN
    ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM fengqiao_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM fengqiao_app;
    REVOKE ALL ON ALL TABLES IN SCHEMA public FROM fengqiao_app;
    REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM fengqiao_app;
    REVOKE ALL ON SCHEMA public FROM fengqiao_app;
  END IF;
END $$;
DROP TABLE IF EXISTS audit_checkpoints;
