#!/bin/sh
# Runs once, when the TimescaleDB container initialises an empty data directory: creates the login
# role the applications connect as (issue 17 #7). The migrate job (as the owner) then grants it
# every table's rows but only INSERT/SELECT on audit_log and audit_checkpoints, and no DDL.
# On a database initialised before this script existed, run the same statement once by hand.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$FQ_APP_DB_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE fengqiao_app LOGIN PASSWORD ' || quote_literal(:'app_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fengqiao_app') \gexec
SQL
