-- Routing tables as data: the ordered rules that suggest a case's service tier and department
-- (first match wins), every version with who wrote it and why. Exactly one version is active at a
-- time (partial unique index); each API instance caches it, refreshed on activation and by a 30 s
-- poll (docs/decisions/0009). A version's rules never change once stored: a change is a new version.
-- Version 1 (DEFAULT_ROUTING_RULES of libs/intake) is inserted by the API at start when the table is
-- empty, as rule_sets does, so the body is the lib's and no copy is frozen in SQL.

-- migrate:up
CREATE TABLE routing_tables (
  version integer PRIMARY KEY CHECK (version >= 1),
  rules jsonb NOT NULL CHECK (jsonb_typeof(rules) = 'array' AND jsonb_array_length(rules) >= 1),
  status text NOT NULL CHECK (status IN ('proposed', 'active', 'retired')),
  note text NOT NULL DEFAULT '',
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  activated_by text,
  activated_at timestamptz,
  retired_at timestamptz,
  CHECK ((status = 'proposed') = (activated_at IS NULL))
);
CREATE UNIQUE INDEX routing_tables_one_active_idx ON routing_tables ((true)) WHERE status = 'active';

-- migrate:down
DROP TABLE IF EXISTS routing_tables;
