-- A change the outbox relay cannot turn into a valid alert.changed.v1 (a snapshot that breaks the
-- contract: written by hand, or by an older version) used to fail its whole batch on every attempt,
-- so every later change of the warning service stayed unpublished behind it. The relay now sets it
-- aside: published_at stamped, the reason kept here, the row itself unchanged for the audit.

-- migrate:up
ALTER TABLE alert_changes ADD COLUMN IF NOT EXISTS publish_error text;

-- migrate:down
ALTER TABLE alert_changes DROP COLUMN IF EXISTS publish_error;
