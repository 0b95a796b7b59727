-- The warning service's current top hotspots, as the engine judges them (baseline-fused score with
-- its contributing factors). One row per region cell and level; the service replaces the whole set
-- in one transaction when the ranking changes, so readers see one tick's list, never a mix. The
-- engine's score fuses every category (weighted), so category is not part of the key.

-- migrate:up
CREATE TABLE hotspot_scores (
  region text NOT NULL,
  level text NOT NULL CHECK (level IN ('grid', 'township', 'county')),
  county text NOT NULL,
  rank int NOT NULL CHECK (rank >= 1),
  score double precision NOT NULL CHECK (score >= 0),
  factors jsonb NOT NULL,
  bucket_start timestamptz NOT NULL,
  rule_set_version int NOT NULL,
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (level, region)
);
CREATE INDEX hotspot_scores_county_idx ON hotspot_scores (level, county, rank);
-- The service's heartbeat: when it last judged (even an empty list), so a reader can tell "nothing is
-- hot" from "the engine has not scored" (or has stopped), and fall back to counts only in the latter.
CREATE TABLE hotspot_score_runs (
  id int PRIMARY KEY CHECK (id = 1),
  computed_at timestamptz NOT NULL,
  rule_set_version int NOT NULL,
  cells int NOT NULL
);

-- migrate:down
DROP TABLE IF EXISTS hotspot_score_runs;
DROP TABLE IF EXISTS hotspot_scores;
