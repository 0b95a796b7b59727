-- Rule sets as data: every version the API was given, with who proposed and who activated it.
-- Exactly one version is active at a time (partial unique index); the warning service polls the
-- active version and swaps its engine's rules without a restart (docs/decisions/0008).
-- Version 1 (the default rule set compiled into libs/rules) is inserted by the API at start when
-- the table is empty, so the body is the lib's, not a copy frozen in SQL.

-- migrate:up
CREATE TABLE rule_sets (
  version integer PRIMARY KEY CHECK (version >= 1),
  name text NOT NULL,
  body jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('proposed', 'active', 'retired')),
  comment text NOT NULL DEFAULT '',
  proposed_by text NOT NULL,
  proposed_at timestamptz NOT NULL,
  activated_by text,
  activated_at timestamptz,
  retired_at timestamptz
);
CREATE UNIQUE INDEX rule_sets_one_active_idx ON rule_sets ((true)) WHERE status = 'active';

-- migrate:down
DROP TABLE IF EXISTS rule_sets;
