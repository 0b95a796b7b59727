-- Duty rosters, notification preferences and the notifications sent for alerts (issue 16).
-- One row per region, shift and weekday (a weekly pattern is up to 14 rows), so two patterns can
-- never both claim the same shift; exceptions replace the pattern for one city date. Region 'city'
-- is the city's own roster (the regions table has no city row). Owner: libs/db/src/notify.

-- migrate:up
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

-- Per user: the channel that reaches them, its address, and a daily quiet period (city time).
CREATE TABLE notification_preferences (
  user_id uuid PRIMARY KEY REFERENCES users (user_id),
  channel text NOT NULL CHECK (channel IN ('email', 'sms', 'wecom', 'dingtalk', 'feishu', 'webhook')),
  address text NOT NULL CHECK (length(address) BETWEEN 1 AND 200),
  quiet_from text CHECK (quiet_from ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  quiet_to text CHECK (quiet_to ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  updated_at timestamptz NOT NULL,
  CHECK ((quiet_from IS NULL) = (quiet_to IS NULL))
);

-- Every notification about an alert, and the queue the notify service works from. The unique key
-- makes a redelivered alert change plan nothing twice.
CREATE TABLE notifications (
  notification_id uuid PRIMARY KEY,
  alert_id uuid NOT NULL,
  alert_version integer NOT NULL,
  reason text NOT NULL CHECK (reason IN ('first', 'backup', 'escalated', 'digest')),
  level text NOT NULL CHECK (level IN ('grid', 'township', 'county', 'city')),
  region_code text NOT NULL,
  duty_role text NOT NULL CHECK (duty_role IN ('primary', 'backup')),
  user_id uuid,
  channel text,
  address text,
  status text NOT NULL CHECK (status IN ('scheduled', 'delivered', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  due_at timestamptz NOT NULL,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  delivered_at timestamptz,
  -- A digest row carried by another row's message.
  carried_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (alert_id, alert_version, reason, duty_role, level)
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status = 'scheduled';
CREATE INDEX notifications_alert_idx ON notifications (alert_id, created_at);

CREATE TABLE notification_attempts (
  notification_id uuid NOT NULL REFERENCES notifications (notification_id) ON DELETE CASCADE,
  attempt integer NOT NULL CHECK (attempt >= 1),
  attempted_at timestamptz NOT NULL,
  ok boolean NOT NULL,
  detail text NOT NULL,
  PRIMARY KEY (notification_id, attempt)
);

-- An acknowledgement link works once: its notification id is kept here when used.
CREATE TABLE ack_link_uses (
  notification_id uuid PRIMARY KEY,
  user_id uuid NOT NULL,
  alert_id uuid NOT NULL,
  used_at timestamptz NOT NULL
);

-- migrate:down
DROP TABLE IF EXISTS ack_link_uses;
DROP TABLE IF EXISTS notification_attempts;
DROP TABLE IF EXISTS notifications;
DROP TABLE IF EXISTS notification_preferences;
DROP TABLE IF EXISTS duty_roster_exceptions;
DROP TABLE IF EXISTS duty_rosters;
