-- One case projection, and no domain rule restated in SQL (issue 19, decision 0010).
--
-- `cases` and `case_kpi_facts` were two trigger projections of case_events, and the cases trigger
-- restated two rules of the domain: which events move a case to which state, and which events stop
-- a clock (it still stopped a major dispute's clock on `assigned`, which rule major-leader-24h v2
-- removed, so the list said "met" while the alerts and the KPI tiles waited for a leader).
--
-- Now:
-- * `case_steps` (the case lifecycle) and `case_clock_rules` (the deadlines of the active rule set)
--   are tables WRITTEN FROM @fengqiao/domain, by the migrator after every `up` and by the rule-set
--   activation (libs/db `syncDomainTables`); this file only creates them. The projection reads them.
-- * `cases` is the one projection (one trigger function, fq_case_apply); it also keeps the first
--   instant of every step, and `case_kpi_facts` becomes a view over it with the same columns, so the
--   KPI queries read what they read before.
-- Until the tables are written (a database migrated by hand), a case keeps its state and only a
-- resolution or a closure stops its clock.

-- migrate:up
CREATE TABLE case_steps (
  event_type text PRIMARY KEY,
  from_states text[] NOT NULL,
  -- NULL keeps the state (an escalation and a leader in charge are flags, not states).
  to_state text
);

CREATE TABLE case_clock_rules (
  -- 'routing' or a service tier.
  clock text PRIMARY KEY,
  rule_id text,
  start_on text NOT NULL,
  stop_on text[] NOT NULL,
  due_unit text NOT NULL,
  due_count integer NOT NULL,
  -- The rule-set version the rows were read from; NULL for the default set before any activation.
  rule_set_version integer,
  synced_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE cases
  ADD COLUMN tier_at timestamptz,
  ADD COLUMN first_triaged_at timestamptz,
  ADD COLUMN first_assigned_at timestamptz,
  ADD COLUMN first_leader_assigned_at timestamptz,
  ADD COLUMN first_escalated_at timestamptz,
  ADD COLUMN first_resolved_at timestamptz,
  ADD COLUMN first_closed_at timestamptz,
  ADD COLUMN first_reopened_at timestamptz;

UPDATE cases c SET
  tier_at = e.tier_at,
  first_triaged_at = e.triaged_at,
  first_assigned_at = e.assigned_at,
  first_leader_assigned_at = e.leader_assigned_at,
  first_escalated_at = e.escalated_at,
  first_resolved_at = e.resolved_at,
  first_closed_at = e.closed_at,
  first_reopened_at = e.reopened_at
FROM (
  SELECT case_id,
         max(occurred_at) FILTER (WHERE type = 'triaged') AS tier_at,
         min(occurred_at) FILTER (WHERE type = 'triaged') AS triaged_at,
         min(occurred_at) FILTER (WHERE type = 'assigned') AS assigned_at,
         min(occurred_at) FILTER (WHERE type = 'leader-assigned') AS leader_assigned_at,
         min(occurred_at) FILTER (WHERE type = 'escalated') AS escalated_at,
         min(occurred_at) FILTER (WHERE type = 'resolved') AS resolved_at,
         min(occurred_at) FILTER (WHERE type = 'closed') AS closed_at,
         min(occurred_at) FILTER (WHERE type = 'reopened') AS reopened_at
  FROM case_events GROUP BY case_id
) e
WHERE e.case_id = c.case_id;

CREATE INDEX cases_reported_idx ON cases (reported_at);
CREATE INDEX cases_first_triaged_idx ON cases (first_triaged_at);
CREATE INDEX cases_tier_triaged_idx ON cases (tier, first_triaged_at);
CREATE INDEX cases_first_resolved_idx ON cases (first_resolved_at);
CREATE INDEX cases_first_closed_idx ON cases (first_closed_at);

-- The second projection goes; its readers read the same columns from `cases`.
DROP TRIGGER IF EXISTS case_events_kpi_fact ON case_events;
DROP FUNCTION IF EXISTS fq_case_kpi_fact();
DROP TABLE IF EXISTS case_kpi_facts;
CREATE VIEW case_kpi_facts AS
SELECT case_id, county, township, reported_at,
       first_triaged_at AS triaged_at, tier, tier_at,
       first_assigned_at AS assigned_at,
       first_leader_assigned_at AS leader_assigned_at,
       first_escalated_at AS escalated_at,
       first_resolved_at AS resolved_at,
       first_closed_at AS closed_at,
       first_reopened_at AS reopened_at,
       satisfaction
FROM cases;

-- The running clock's rule ('routing' until triage, then the tier's) decides what stops it.
CREATE OR REPLACE FUNCTION fq_case_stops_clock(c cases, type text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT type = ANY (r.stop_on) FROM case_clock_rules r
     WHERE r.clock = CASE WHEN c.clock_kind = 'tier' THEN c.tier ELSE 'routing' END),
    type IN ('resolved', 'closed'))
$$;

-- The state after an event, from the lifecycle table; an event it does not know keeps the state.
CREATE FUNCTION fq_case_next_state(current_state text, type text) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT s.to_state FROM case_steps s WHERE s.event_type = type), current_state)
$$;

CREATE OR REPLACE FUNCTION fq_case_apply(e case_events) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  p jsonb := e.payload;
  t text := e.type;
  at timestamptz := e.occurred_at;
  first_triage boolean;
  c cases;
BEGIN
  IF t = 'reported' THEN PERFORM fq_case_reported(e); RETURN; END IF;
  SELECT * INTO c FROM cases WHERE case_id = e.case_id FOR UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
  first_triage := t = 'triaged' AND c.clock_kind = 'routing';
  UPDATE cases SET
    state = fq_case_next_state(c.state, t),
    category = CASE WHEN t = 'triaged' THEN p->>'category' ELSE c.category END,
    tier = CASE WHEN t = 'triaged' THEN p->>'tier' ELSE c.tier END,
    tier_at = CASE WHEN t = 'triaged' THEN greatest(c.tier_at, at) ELSE c.tier_at END,
    department = CASE WHEN t IN ('triaged', 'assigned') THEN p->>'department' ELSE c.department END,
    unit = CASE WHEN t = 'triaged' THEN p->>'unit' ELSE c.unit END,
    override_reason = CASE WHEN t = 'triaged' THEN p->>'overrideReason' ELSE c.override_reason END,
    assignee = CASE WHEN t = 'assigned' THEN p->>'assignee' ELSE c.assignee END,
    mediator = CASE WHEN t = 'in-mediation' THEN p->>'mediator' ELSE c.mediator END,
    joint_mediation = CASE WHEN t = 'in-mediation' THEN (p->>'joint')::boolean ELSE c.joint_mediation END,
    leader = CASE WHEN t = 'leader-assigned' THEN p->>'leader' ELSE c.leader END,
    escalated_to = CASE WHEN t = 'escalated' THEN p->>'toLevel' ELSE c.escalated_to END,
    outcome = CASE WHEN t = 'resolved' THEN p->>'outcome' WHEN t = 'reopened' THEN NULL ELSE c.outcome END,
    satisfaction = CASE WHEN t = 'closed' THEN coalesce((p->>'satisfaction')::smallint, c.satisfaction)
                        ELSE c.satisfaction END,
    resolved_at = CASE WHEN t = 'resolved' THEN at WHEN t = 'reopened' THEN NULL ELSE c.resolved_at END,
    closed_at = CASE WHEN t = 'closed' THEN at WHEN t = 'reopened' THEN NULL ELSE c.closed_at END,
    routed_at = CASE WHEN first_triage THEN at ELSE c.routed_at END,
    clock_kind = CASE WHEN t IN ('triaged', 'reopened') THEN 'tier' ELSE c.clock_kind END,
    clock_started_at = CASE WHEN first_triage OR t = 'reopened' THEN at ELSE c.clock_started_at END,
    due_at = CASE WHEN t IN ('triaged', 'reopened') THEN (p->>'dueAt')::timestamptz ELSE c.due_at END,
    clock_stopped_at = CASE
      WHEN first_triage OR t = 'reopened' THEN NULL
      WHEN c.clock_stopped_at IS NULL AND fq_case_stops_clock(c, t) THEN at
      ELSE c.clock_stopped_at END,
    first_triaged_at = CASE WHEN t = 'triaged' THEN least(c.first_triaged_at, at) ELSE c.first_triaged_at END,
    first_assigned_at = CASE WHEN t = 'assigned' THEN least(c.first_assigned_at, at) ELSE c.first_assigned_at END,
    first_leader_assigned_at = CASE WHEN t = 'leader-assigned' THEN least(c.first_leader_assigned_at, at)
                                    ELSE c.first_leader_assigned_at END,
    first_escalated_at = CASE WHEN t = 'escalated' THEN least(c.first_escalated_at, at) ELSE c.first_escalated_at END,
    first_resolved_at = CASE WHEN t = 'resolved' THEN least(c.first_resolved_at, at) ELSE c.first_resolved_at END,
    first_closed_at = CASE WHEN t = 'closed' THEN least(c.first_closed_at, at) ELSE c.first_closed_at END,
    first_reopened_at = CASE WHEN t = 'reopened' THEN least(c.first_reopened_at, at) ELSE c.first_reopened_at END,
    updated_at = greatest(c.updated_at, at)
  WHERE case_id = e.case_id;
END $$;

-- migrate:down
-- Back to the two projections of 20261127500100 and 20261127520700, facts rebuilt from the events.
CREATE OR REPLACE FUNCTION fq_case_apply(e case_events) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  p jsonb := e.payload;
  t text := e.type;
  first_triage boolean;
  c cases;
BEGIN
  IF t = 'reported' THEN PERFORM fq_case_reported(e); RETURN; END IF;
  SELECT * INTO c FROM cases WHERE case_id = e.case_id FOR UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
  first_triage := t = 'triaged' AND c.clock_kind = 'routing';
  UPDATE cases SET
    state = CASE WHEN t IN ('escalated', 'leader-assigned') THEN c.state ELSE t END,
    category = CASE WHEN t = 'triaged' THEN p->>'category' ELSE c.category END,
    tier = CASE WHEN t = 'triaged' THEN p->>'tier' ELSE c.tier END,
    department = CASE WHEN t IN ('triaged', 'assigned') THEN p->>'department' ELSE c.department END,
    unit = CASE WHEN t = 'triaged' THEN p->>'unit' ELSE c.unit END,
    override_reason = CASE WHEN t = 'triaged' THEN p->>'overrideReason' ELSE c.override_reason END,
    assignee = CASE WHEN t = 'assigned' THEN p->>'assignee' ELSE c.assignee END,
    mediator = CASE WHEN t = 'in-mediation' THEN p->>'mediator' ELSE c.mediator END,
    joint_mediation = CASE WHEN t = 'in-mediation' THEN (p->>'joint')::boolean ELSE c.joint_mediation END,
    leader = CASE WHEN t = 'leader-assigned' THEN p->>'leader' ELSE c.leader END,
    escalated_to = CASE WHEN t = 'escalated' THEN p->>'toLevel' ELSE c.escalated_to END,
    outcome = CASE WHEN t = 'resolved' THEN p->>'outcome' WHEN t = 'reopened' THEN NULL ELSE c.outcome END,
    satisfaction = CASE WHEN t = 'closed' THEN (p->>'satisfaction')::smallint ELSE c.satisfaction END,
    resolved_at = CASE WHEN t = 'resolved' THEN e.occurred_at WHEN t = 'reopened' THEN NULL ELSE c.resolved_at END,
    closed_at = CASE WHEN t = 'closed' THEN e.occurred_at WHEN t = 'reopened' THEN NULL ELSE c.closed_at END,
    routed_at = CASE WHEN first_triage THEN e.occurred_at ELSE c.routed_at END,
    clock_kind = CASE WHEN t IN ('triaged', 'reopened') THEN 'tier' ELSE c.clock_kind END,
    clock_started_at = CASE WHEN first_triage OR t = 'reopened' THEN e.occurred_at ELSE c.clock_started_at END,
    due_at = CASE WHEN t IN ('triaged', 'reopened') THEN (p->>'dueAt')::timestamptz ELSE c.due_at END,
    clock_stopped_at = CASE
      WHEN first_triage OR t = 'reopened' THEN NULL
      WHEN c.clock_stopped_at IS NULL AND fq_case_stops_clock(c, t) THEN e.occurred_at
      ELSE c.clock_stopped_at END,
    updated_at = greatest(c.updated_at, e.occurred_at)
  WHERE case_id = e.case_id;
END $$;
DROP FUNCTION IF EXISTS fq_case_next_state(text, text);
CREATE OR REPLACE FUNCTION fq_case_stops_clock(c cases, type text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT type IN ('resolved', 'closed')
      OR (c.clock_kind = 'tier' AND c.tier = 'major' AND type IN ('assigned', 'escalated', 'leader-assigned'))
$$;

DROP VIEW IF EXISTS case_kpi_facts;
CREATE TABLE case_kpi_facts (
  case_id text PRIMARY KEY,
  county text NOT NULL,
  township text NOT NULL,
  reported_at timestamptz,
  triaged_at timestamptz,
  tier text,
  tier_at timestamptz,
  assigned_at timestamptz,
  escalated_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  satisfaction smallint,
  leader_assigned_at timestamptz
);
CREATE INDEX case_kpi_facts_reported_idx ON case_kpi_facts (reported_at);
CREATE INDEX case_kpi_facts_triaged_idx ON case_kpi_facts (triaged_at);
CREATE INDEX case_kpi_facts_resolved_idx ON case_kpi_facts (resolved_at);
CREATE INDEX case_kpi_facts_closed_idx ON case_kpi_facts (closed_at);
CREATE INDEX case_kpi_facts_tier_triaged_idx ON case_kpi_facts (tier, triaged_at);

CREATE FUNCTION fq_case_kpi_fact() RETURNS trigger
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
CREATE TRIGGER case_events_kpi_fact AFTER INSERT ON case_events
  FOR EACH ROW EXECUTE FUNCTION fq_case_kpi_fact();

INSERT INTO case_kpi_facts (case_id, county, township, reported_at, triaged_at, tier, tier_at,
                            assigned_at, leader_assigned_at, escalated_at, resolved_at, closed_at, satisfaction)
SELECT case_id, min(county), min(township),
       min(occurred_at) FILTER (WHERE type = 'reported'),
       min(occurred_at) FILTER (WHERE type = 'triaged'),
       (array_agg(tier ORDER BY occurred_at DESC) FILTER (WHERE type = 'triaged'))[1],
       max(occurred_at) FILTER (WHERE type = 'triaged'),
       min(occurred_at) FILTER (WHERE type = 'assigned'),
       min(occurred_at) FILTER (WHERE type = 'leader-assigned'),
       min(occurred_at) FILTER (WHERE type = 'escalated'),
       min(occurred_at) FILTER (WHERE type = 'resolved'),
       min(occurred_at) FILTER (WHERE type = 'closed'),
       (array_agg((payload ->> 'satisfaction')::smallint ORDER BY occurred_at DESC)
          FILTER (WHERE type = 'closed' AND payload ? 'satisfaction'))[1]
FROM case_events GROUP BY case_id;

DROP INDEX IF EXISTS cases_first_closed_idx;
DROP INDEX IF EXISTS cases_first_resolved_idx;
DROP INDEX IF EXISTS cases_tier_triaged_idx;
DROP INDEX IF EXISTS cases_first_triaged_idx;
DROP INDEX IF EXISTS cases_reported_idx;
ALTER TABLE cases
  DROP COLUMN IF EXISTS tier_at,
  DROP COLUMN IF EXISTS first_triaged_at,
  DROP COLUMN IF EXISTS first_assigned_at,
  DROP COLUMN IF EXISTS first_leader_assigned_at,
  DROP COLUMN IF EXISTS first_escalated_at,
  DROP COLUMN IF EXISTS first_resolved_at,
  DROP COLUMN IF EXISTS first_closed_at,
  DROP COLUMN IF EXISTS first_reopened_at;
DROP TABLE IF EXISTS case_clock_rules;
DROP TABLE IF EXISTS case_steps;
