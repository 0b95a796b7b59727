-- The administrative hierarchy below the city (county → township → village/community → grid cell),
-- with a centre point and an estimated resident count that weights maps, rates and demo data.

-- migrate:up
CREATE TABLE regions (
  code text PRIMARY KEY CHECK (code ~ '^5119[0-9]{2}([0-9]{3}){0,3}$'),
  level text NOT NULL CHECK (level IN ('county', 'township', 'village', 'grid')),
  parent text NOT NULL,
  name text NOT NULL,
  lon double precision NOT NULL,
  lat double precision NOT NULL,
  -- Estimated residents; a parent's weight is the sum of its children's.
  population_weight integer NOT NULL CHECK (population_weight >= 0),
  urban boolean NOT NULL DEFAULT false,
  CHECK (length(code) = CASE level WHEN 'county' THEN 6 WHEN 'township' THEN 9 WHEN 'village' THEN 12 ELSE 15 END),
  CHECK (level = 'county' OR starts_with(code, parent))
);
CREATE INDEX regions_parent_idx ON regions (parent);
CREATE INDEX regions_level_idx ON regions (level, code);

-- migrate:down
DROP TABLE IF EXISTS regions;
