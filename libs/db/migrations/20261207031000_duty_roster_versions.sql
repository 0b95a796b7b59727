-- Duty rosters become one versioned document (issue 19: one store for every versioned document), like
-- rule sets and routing tables: every edit is a new version made active in the same transaction,
-- the previous one retired, so the roster's history is kept and one cache (libs/db
-- ActiveVersionCache) serves every reader. The document: {"patterns": [{regionCode, shift, weekday,
-- primaryUserId, backupUserId}], "exceptions": [{regionCode, shift, date, primaryUserId,
-- backupUserId, reason}]}, checked by libs/notify dutyRosterSchema. The rows of duty_rosters and
-- duty_roster_exceptions are carried over as version 1; the two tables go. Plain SQL on both paths
-- (no hypertable). Owner: libs/db/src/versioned (DUTY_ROSTERS_TABLE).

-- migrate:up
CREATE TABLE duty_roster_versions (
  version integer PRIMARY KEY CHECK (version >= 1),
  roster jsonb NOT NULL CHECK (
    jsonb_typeof(roster->'patterns') = 'array' AND jsonb_typeof(roster->'exceptions') = 'array'
  ),
  status text NOT NULL CHECK (status IN ('proposed', 'active', 'retired')),
  note text NOT NULL DEFAULT '',
  proposed_by text NOT NULL,
  proposed_at timestamptz NOT NULL,
  activated_by text,
  activated_at timestamptz,
  retired_at timestamptz,
  CHECK ((status = 'proposed') = (activated_at IS NULL))
);
CREATE UNIQUE INDEX duty_roster_versions_one_active_idx ON duty_roster_versions ((true)) WHERE status = 'active';

INSERT INTO duty_roster_versions (version, roster, status, note, proposed_by, proposed_at, activated_by, activated_at)
SELECT 1,
  jsonb_build_object(
    'patterns', coalesce((
      SELECT jsonb_agg(jsonb_build_object(
          'regionCode', region_code, 'shift', shift, 'weekday', weekday,
          'primaryUserId', primary_user_id, 'backupUserId', backup_user_id)
        ORDER BY region_code, shift, weekday)
      FROM duty_rosters), '[]'::jsonb),
    'exceptions', coalesce((
      SELECT jsonb_agg(jsonb_build_object(
          'regionCode', region_code, 'shift', shift, 'date', to_char(on_date, 'YYYY-MM-DD'),
          'primaryUserId', primary_user_id, 'backupUserId', backup_user_id, 'reason', reason)
        ORDER BY on_date, region_code, shift)
      FROM duty_roster_exceptions), '[]'::jsonb)),
  'active', 'carried over from duty_rosters and duty_roster_exceptions', 'system', now(), 'system', now()
WHERE EXISTS (SELECT 1 FROM duty_rosters) OR EXISTS (SELECT 1 FROM duty_roster_exceptions);

DROP TABLE duty_roster_exceptions;
DROP TABLE duty_rosters;

-- migrate:down
CREATE TABLE duty_rosters (
  region_code text NOT NULL CHECK (region_code = 'city' OR region_code ~ '^5119[0-9]{2}([0-9]{3}){0,3}$'),
  shift text NOT NULL CHECK (shift IN ('day', 'night')),
  weekday smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  primary_user_id uuid NOT NULL REFERENCES users (user_id),
  backup_user_id uuid REFERENCES users (user_id),
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  PRIMARY KEY (region_code, shift, weekday),
  CHECK (backup_user_id IS NULL OR backup_user_id <> primary_user_id)
);

CREATE TABLE duty_roster_exceptions (
  region_code text NOT NULL CHECK (region_code = 'city' OR region_code ~ '^5119[0-9]{2}([0-9]{3}){0,3}$'),
  shift text NOT NULL CHECK (shift IN ('day', 'night')),
  on_date date NOT NULL,
  primary_user_id uuid NOT NULL REFERENCES users (user_id),
  backup_user_id uuid REFERENCES users (user_id),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  PRIMARY KEY (region_code, shift, on_date),
  CHECK (backup_user_id IS NULL OR backup_user_id <> primary_user_id)
);

-- The active version back as rows (people deleted since are left out: the rows reference users).
INSERT INTO duty_rosters (region_code, shift, weekday, primary_user_id, backup_user_id, updated_at, updated_by)
SELECT p->>'regionCode', p->>'shift', (p->>'weekday')::smallint, (p->>'primaryUserId')::uuid,
  (p->>'backupUserId')::uuid, v.activated_at, v.activated_by
FROM duty_roster_versions v, jsonb_array_elements(v.roster->'patterns') p
WHERE v.status = 'active'
  AND EXISTS (SELECT 1 FROM users u WHERE u.user_id = (p->>'primaryUserId')::uuid)
  AND (p->>'backupUserId' IS NULL OR EXISTS (SELECT 1 FROM users u WHERE u.user_id = (p->>'backupUserId')::uuid));

INSERT INTO duty_roster_exceptions (region_code, shift, on_date, primary_user_id, backup_user_id, reason,
  updated_at, updated_by)
SELECT e->>'regionCode', e->>'shift', (e->>'date')::date, (e->>'primaryUserId')::uuid,
  (e->>'backupUserId')::uuid, e->>'reason', v.activated_at, v.activated_by
FROM duty_roster_versions v, jsonb_array_elements(v.roster->'exceptions') e
WHERE v.status = 'active'
  AND EXISTS (SELECT 1 FROM users u WHERE u.user_id = (e->>'primaryUserId')::uuid)
  AND (e->>'backupUserId' IS NULL OR EXISTS (SELECT 1 FROM users u WHERE u.user_id = (e->>'backupUserId')::uuid));

DROP TABLE duty_roster_versions;
