-- A major dispute's promise is kept when a leader takes charge (case event `leader-assigned`, rule
-- major-leader-24h v2): the facts keep that instant too.

-- migrate:up
ALTER TABLE case_kpi_facts ADD COLUMN leader_assigned_at timestamptz;

CREATE OR REPLACE FUNCTION fq_case_kpi_fact() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  t timestamptz := NEW.occurred_at;
BEGIN
  INSERT INTO case_kpi_facts AS f (case_id, county, township, reported_at, triaged_at, tier, tier_at,
                                   assigned_at, leader_assigned_at, escalated_at, resolved_at, closed_at, satisfaction)
  VALUES (NEW.case_id, NEW.county, NEW.township,
          CASE WHEN NEW.type = 'reported' THEN t END,
          CASE WHEN NEW.type = 'triaged' THEN t END,
          CASE WHEN NEW.type = 'triaged' THEN NEW.tier END,
          CASE WHEN NEW.type = 'triaged' THEN t END,
          CASE WHEN NEW.type = 'assigned' THEN t END,
          CASE WHEN NEW.type = 'leader-assigned' THEN t END,
          CASE WHEN NEW.type = 'escalated' THEN t END,
          CASE WHEN NEW.type = 'resolved' THEN t END,
          CASE WHEN NEW.type = 'closed' THEN t END,
          CASE WHEN NEW.type = 'closed' THEN (NEW.payload ->> 'satisfaction')::smallint END)
  ON CONFLICT (case_id) DO UPDATE SET
    reported_at = least(f.reported_at, EXCLUDED.reported_at),
    triaged_at = least(f.triaged_at, EXCLUDED.triaged_at),
    tier = CASE WHEN EXCLUDED.tier_at >= coalesce(f.tier_at, '-infinity') THEN EXCLUDED.tier ELSE f.tier END,
    tier_at = greatest(f.tier_at, EXCLUDED.tier_at),
    assigned_at = least(f.assigned_at, EXCLUDED.assigned_at),
    leader_assigned_at = least(f.leader_assigned_at, EXCLUDED.leader_assigned_at),
    escalated_at = least(f.escalated_at, EXCLUDED.escalated_at),
    resolved_at = least(f.resolved_at, EXCLUDED.resolved_at),
    closed_at = least(f.closed_at, EXCLUDED.closed_at),
    satisfaction = coalesce(EXCLUDED.satisfaction, f.satisfaction);
  RETURN NULL;
END $$;

UPDATE case_kpi_facts f SET leader_assigned_at = e.at
FROM (SELECT case_id, min(occurred_at) AS at FROM case_events WHERE type = 'leader-assigned' GROUP BY case_id) e
WHERE e.case_id = f.case_id;

-- migrate:down
-- The trigger function of 20261127520300 first: this one writes the column dropped below.
CREATE OR REPLACE FUNCTION fq_case_kpi_fact() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  t timestamptz := NEW.occurred_at;
BEGIN
  INSERT INTO case_kpi_facts AS f (case_id, county, township, reported_at, triaged_at, tier, tier_at,
                                   assigned_at, escalated_at, resolved_at, closed_at, satisfaction)
  VALUES (NEW.case_id, NEW.county, NEW.township,
          CASE WHEN NEW.type = 'reported' THEN t END,
          CASE WHEN NEW.type = 'triaged' THEN t END,
          CASE WHEN NEW.type = 'triaged' THEN NEW.tier END,
          CASE WHEN NEW.type = 'triaged' THEN t END,
          CASE WHEN NEW.type = 'assigned' THEN t END,
          CASE WHEN NEW.type = 'escalated' THEN t END,
          CASE WHEN NEW.type = 'resolved' THEN t END,
          CASE WHEN NEW.type = 'closed' THEN t END,
          CASE WHEN NEW.type = 'closed' THEN (NEW.payload ->> 'satisfaction')::smallint END)
  ON CONFLICT (case_id) DO UPDATE SET
    reported_at = least(f.reported_at, EXCLUDED.reported_at),
    triaged_at = least(f.triaged_at, EXCLUDED.triaged_at),
    tier = CASE WHEN EXCLUDED.tier_at >= coalesce(f.tier_at, '-infinity') THEN EXCLUDED.tier ELSE f.tier END,
    tier_at = greatest(f.tier_at, EXCLUDED.tier_at),
    assigned_at = least(f.assigned_at, EXCLUDED.assigned_at),
    escalated_at = least(f.escalated_at, EXCLUDED.escalated_at),
    resolved_at = least(f.resolved_at, EXCLUDED.resolved_at),
    closed_at = least(f.closed_at, EXCLUDED.closed_at),
    satisfaction = coalesce(EXCLUDED.satisfaction, f.satisfaction);
  RETURN NULL;
END $$;
ALTER TABLE case_kpi_facts DROP COLUMN IF EXISTS leader_assigned_at;
