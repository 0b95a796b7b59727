-- The tier-compliance query reads each tier only as far back as its own promise needs (61 days for
-- complex disputes, about 12 for the others): per-tier ranges on (tier, triaged_at), OR-ed into one
-- bitmap, instead of one 100-day range over every tier.

-- migrate:up
CREATE INDEX case_kpi_facts_tier_triaged_idx ON case_kpi_facts (tier, triaged_at);

-- migrate:down
DROP INDEX IF EXISTS case_kpi_facts_tier_triaged_idx;
