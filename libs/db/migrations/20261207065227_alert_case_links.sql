-- An alert turned into a case (issue 20, the duty officer's loop): the link, both ways. One case per
-- alert (a second request is refused with ALERT_CASE_EXISTS and names the first); a case may come
-- from several alerts over time. The case row itself is written by the ingest once the intake's
-- events are on Kafka (about a second later), so case_id is not a foreign key. Plain SQL on both
-- paths (no hypertable). Owner: libs/db/src/alerts (AlertCaseLinks).

-- migrate:up
CREATE TABLE alert_case_links (
  alert_id uuid PRIMARY KEY REFERENCES alerts (alert_id),
  case_id text NOT NULL CHECK (case_id ~ '^C\d{6}-\d{8}-\d{5}$'),
  linked_at timestamptz NOT NULL,
  linked_by text NOT NULL
);
CREATE INDEX alert_case_links_case_idx ON alert_case_links (case_id);

-- migrate:down
DROP TABLE alert_case_links;
