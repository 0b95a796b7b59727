-- Idempotent case intake (issue 17 #10): a client retrying POST /api/cases after a timeout sends
-- the same Idempotency-Key and gets the first answer back instead of a second case. Keys are per
-- user; the request's digest tells a true retry from a different body under a reused key.

-- migrate:up
CREATE TABLE case_intake_keys (
  user_id uuid NOT NULL,
  idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 128),
  request_digest text NOT NULL,
  case_id text NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX case_intake_keys_created_idx ON case_intake_keys (created_at);

-- migrate:down
DROP TABLE IF EXISTS case_intake_keys;
