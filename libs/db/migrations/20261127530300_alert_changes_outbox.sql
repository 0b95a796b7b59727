-- alert_changes doubles as the warning service's outbox: a change is written with published_at
-- NULL in the same transaction as the alert, and a relay publishes unpublished rows in seq order and
-- marks them. A Kafka failure right after the commit now delays a publication instead of losing it.
-- The default is now() so writers that publish themselves (the API's transitions) and the rows that
-- exist already count as published; only the warning service writes NULL.

-- migrate:up
ALTER TABLE alert_changes ADD COLUMN published_at timestamptz DEFAULT now();
CREATE INDEX alert_changes_unpublished_idx ON alert_changes (seq) WHERE published_at IS NULL;

-- migrate:down
DROP INDEX IF EXISTS alert_changes_unpublished_idx;
ALTER TABLE alert_changes DROP COLUMN IF EXISTS published_at;
