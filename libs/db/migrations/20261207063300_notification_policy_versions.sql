-- Notification policies become a versioned document (issue 19: one store for every versioned
-- document), like rule sets, routing tables and duty rosters: what each alert colour asks for
-- (page / digest / none) and the escalation timing (backup page, digest period), city-wide with
-- overrides per region, proposed and activated through the API and read by the notify service
-- through the same active-version cache. Until now the policy was configuration
-- (FQ_NOTIFY_BACKUP_AFTER_MS, FQ_NOTIFY_DIGEST_MS, the colours fixed in code); their defaults are
-- carried in as version 1 (libs/notify DEFAULT_NOTIFICATION_POLICY, pinned equal by its spec).
-- The document: {"default": {red, orange, blue, backupAfterMs, digestEveryMs}, "regions":
-- [{regionCode, ...same}]}, checked by @fengqiao/contracts notificationPolicySchema. Plain SQL on
-- both paths (no hypertable). Owner: libs/db/src/versioned (NOTIFICATION_POLICIES_TABLE).

-- migrate:up
CREATE TABLE notification_policy_versions (
  version integer PRIMARY KEY CHECK (version >= 1),
  policy jsonb NOT NULL CHECK (
    jsonb_typeof(policy->'default') = 'object' AND jsonb_typeof(policy->'regions') = 'array'
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
CREATE UNIQUE INDEX notification_policy_versions_one_active_idx
  ON notification_policy_versions ((true)) WHERE status = 'active';

INSERT INTO notification_policy_versions (version, policy, status, note, proposed_by, proposed_at, activated_by, activated_at)
VALUES (1,
  '{"default": {"red": "page", "orange": "digest", "blue": "none", "backupAfterMs": 300000, "digestEveryMs": 900000}, "regions": []}'::jsonb,
  'active', 'carried over from FQ_NOTIFY_BACKUP_AFTER_MS / FQ_NOTIFY_DIGEST_MS defaults', 'system', now(), 'system', now());

-- migrate:down
DROP TABLE notification_policy_versions;
