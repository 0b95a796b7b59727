-- The one case projection, folded per case for bulk writers (issue 21: the history's first step).
--
-- Measured (2026-12-07, EXPLAIN ANALYZE of one history day, 7,651 case events): the row trigger
-- case_events_project took 7.5 s of the statement's 9.9 s, about 1.1 ms an event under load: each
-- event locked its case row, rewrote it (a new row version and nine index entries) and looked up
-- the lifecycle and clock tables. A bulk writer (the history generator) writes a case's whole life
-- at once, so it rewrote each new case five or six times.
--
-- Still one projection and one copy of its rules, now as pure functions of (row, event):
-- * fq_case_new(event) is the row a `reported` event opens, fq_case_next(row, event) the row after
--   any other event (the SET list of fq_case_apply before, unchanged); fq_case_store writes a row.
-- * fq_case_apply (the row trigger's, one event at a time, as before) = lock, fq_case_next, store.
-- * In a transaction that called fq_case_projection_fold_begin(), the row trigger does not fire (its
--   WHEN clause: not even queued, which alone cost ~0.4 ms an event), and the writer then calls
--   fq_case_projection_fold(ids, times): each case's events that this transaction inserted, in
--   insertion order, folded and written once. Same rows as the row path (libs/db
--   case-projection-folded int spec); without the call nothing changes (the ingest, the API).

-- migrate:up
CREATE FUNCTION fq_case_new(e case_events) RETURNS cases
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  p jsonb := e.payload;
  n cases;
BEGIN
  n.case_id := e.case_id;
  n.state := 'reported';
  n.channel := e.channel;
  n.county := e.county;
  n.township := e.township;
  n.village := e.village;
  n.grid := e.grid;
  n.category := p->>'category';
  n.summary := p->>'summary';
  n.lon := (p->'location'->>'lon')::double precision;
  n.lat := (p->'location'->>'lat')::double precision;
  n.parties_count := (p->>'partiesCount')::int;
  n.risk_flags := p->'riskFlags';
  n.repeat_of := p->>'repeatOf';
  n.reported_at := e.occurred_at;
  n.updated_at := e.occurred_at;
  n.routing_due_at := (p->>'dueAt')::timestamptz;
  n.clock_kind := 'routing';
  n.clock_started_at := e.occurred_at;
  n.due_at := (p->>'dueAt')::timestamptz;
  RETURN n;
END $$;

CREATE OR REPLACE FUNCTION fq_case_reported(e case_events) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE n cases := fq_case_new(e);
BEGIN
  INSERT INTO cases SELECT (n).* ON CONFLICT (case_id) DO NOTHING;
END $$;

-- Every right-hand side reads the row before the event (as an UPDATE's SET list does).
CREATE FUNCTION fq_case_next(c cases, e case_events) RETURNS cases
LANGUAGE plpgsql STABLE AS $$
DECLARE
  p jsonb := e.payload;
  t text := e.type;
  at timestamptz := e.occurred_at;
  first_triage boolean := t = 'triaged' AND c.clock_kind = 'routing';
  n cases := c;
BEGIN
  n.state := fq_case_next_state(c.state, t);
  IF t = 'triaged' THEN
    n.category := p->>'category';
    n.tier := p->>'tier';
    n.tier_at := greatest(c.tier_at, at);
    n.unit := p->>'unit';
    n.override_reason := p->>'overrideReason';
    n.first_triaged_at := least(c.first_triaged_at, at);
  END IF;
  IF t IN ('triaged', 'assigned') THEN n.department := p->>'department'; END IF;
  IF t = 'assigned' THEN
    n.assignee := p->>'assignee';
    n.first_assigned_at := least(c.first_assigned_at, at);
  END IF;
  IF t = 'in-mediation' THEN
    n.mediator := p->>'mediator';
    n.joint_mediation := (p->>'joint')::boolean;
  END IF;
  IF t = 'leader-assigned' THEN
    n.leader := p->>'leader';
    n.first_leader_assigned_at := least(c.first_leader_assigned_at, at);
  END IF;
  IF t = 'escalated' THEN
    n.escalated_to := p->>'toLevel';
    n.first_escalated_at := least(c.first_escalated_at, at);
  END IF;
  IF t = 'resolved' THEN
    n.outcome := p->>'outcome';
    n.resolved_at := at;
    n.first_resolved_at := least(c.first_resolved_at, at);
  END IF;
  IF t = 'closed' THEN
    n.satisfaction := coalesce((p->>'satisfaction')::smallint, c.satisfaction);
    n.closed_at := at;
    n.first_closed_at := least(c.first_closed_at, at);
  END IF;
  IF t = 'reopened' THEN
    n.outcome := NULL;
    n.resolved_at := NULL;
    n.closed_at := NULL;
    n.first_reopened_at := least(c.first_reopened_at, at);
  END IF;
  IF first_triage THEN n.routed_at := at; END IF;
  IF t IN ('triaged', 'reopened') THEN
    n.clock_kind := 'tier';
    n.due_at := (p->>'dueAt')::timestamptz;
  END IF;
  IF first_triage OR t = 'reopened' THEN
    n.clock_started_at := at;
    n.clock_stopped_at := NULL;
  ELSIF c.clock_stopped_at IS NULL AND fq_case_stops_clock(c, t) THEN
    n.clock_stopped_at := at;
  END IF;
  n.updated_at := greatest(c.updated_at, at);
  RETURN n;
END $$;

CREATE FUNCTION fq_case_store(n cases) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cases SET
    state = n.state, category = n.category, tier = n.tier, tier_at = n.tier_at, department = n.department,
    unit = n.unit, override_reason = n.override_reason, assignee = n.assignee, mediator = n.mediator,
    joint_mediation = n.joint_mediation, leader = n.leader, escalated_to = n.escalated_to, outcome = n.outcome,
    satisfaction = n.satisfaction, resolved_at = n.resolved_at, closed_at = n.closed_at, routed_at = n.routed_at,
    clock_kind = n.clock_kind, clock_started_at = n.clock_started_at, due_at = n.due_at,
    clock_stopped_at = n.clock_stopped_at, first_triaged_at = n.first_triaged_at,
    first_assigned_at = n.first_assigned_at, first_leader_assigned_at = n.first_leader_assigned_at,
    first_escalated_at = n.first_escalated_at, first_resolved_at = n.first_resolved_at,
    first_closed_at = n.first_closed_at, first_reopened_at = n.first_reopened_at, updated_at = n.updated_at
  WHERE case_id = n.case_id;
END $$;

CREATE OR REPLACE FUNCTION fq_case_apply(e case_events) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE c cases;
BEGIN
  IF e.type = 'reported' THEN PERFORM fq_case_reported(e); RETURN; END IF;
  SELECT * INTO c FROM cases WHERE case_id = e.case_id FOR UPDATE;
  IF NOT FOUND THEN RETURN; END IF;
  PERFORM fq_case_store(fq_case_next(c, e));
END $$;

-- One case's new events in insertion order: the row the row path would leave, written once.
CREATE FUNCTION fq_case_apply_all(evs case_events[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  c cases;
  e case_events;
  existed boolean;
BEGIN
  SELECT * INTO c FROM cases WHERE case_id = evs[1].case_id FOR UPDATE;
  existed := FOUND;
  FOREACH e IN ARRAY evs LOOP
    IF e.type = 'reported' THEN
      IF c.case_id IS NULL THEN c := fq_case_new(e); END IF;
    ELSIF c.case_id IS NOT NULL THEN
      c := fq_case_next(c, e);
    END IF;
  END LOOP;
  IF c.case_id IS NULL THEN RETURN; END IF;
  IF existed THEN PERFORM fq_case_store(c); RETURN; END IF;
  INSERT INTO cases SELECT (c).* ON CONFLICT (case_id) DO NOTHING;
  IF NOT FOUND THEN
    -- Another writer opened the case meanwhile: its events one at a time onto that row.
    FOREACH e IN ARRAY evs LOOP PERFORM fq_case_apply(e); END LOOP;
  END IF;
END $$;

-- A bulk writer's transaction: the row trigger skips its events (not even queued), and the writer
-- folds the ones this transaction inserted (xmin: a redelivered event is not applied twice).
CREATE FUNCTION fq_case_projection_fold_begin() RETURNS void
LANGUAGE sql AS $$
  SELECT set_config('fq.case_projection', 'folded', true)
$$;

-- The events (ids and times, in insertion order) this transaction inserted: each case folded and
-- written once, cases in id order (the lock order of every bulk writer). Ends the deferral.
CREATE FUNCTION fq_case_projection_fold(ids uuid[], ats timestamptz[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  r record;
  n integer := 0;
BEGIN
  PERFORM set_config('fq.case_projection', '', true);
  FOR r IN
    SELECT array_agg(ce ORDER BY k.ord) AS evs
    FROM unnest(ids, ats) WITH ORDINALITY AS k(event_id, occurred_at, ord)
    JOIN case_events ce ON ce.event_id = k.event_id AND ce.occurred_at = k.occurred_at
    WHERE ce.xmin = pg_current_xact_id()::xid
    GROUP BY ce.case_id ORDER BY ce.case_id
  LOOP
    PERFORM fq_case_apply_all(r.evs);
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;

DROP TRIGGER case_events_project ON case_events;
CREATE TRIGGER case_events_project AFTER INSERT ON case_events
  FOR EACH ROW WHEN (current_setting('fq.case_projection', true) IS DISTINCT FROM 'folded')
  EXECUTE FUNCTION fq_case_project();

-- migrate:down
-- Back to the row-at-a-time projection of 20261206205600 (fq_case_apply) and 20261127500100.
DROP TRIGGER case_events_project ON case_events;
CREATE TRIGGER case_events_project AFTER INSERT ON case_events
  FOR EACH ROW EXECUTE FUNCTION fq_case_project();
DROP FUNCTION IF EXISTS fq_case_projection_fold(uuid[], timestamptz[]);
DROP FUNCTION IF EXISTS fq_case_projection_fold_begin();
DROP FUNCTION IF EXISTS fq_case_apply_all(case_events[]);

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
DROP FUNCTION IF EXISTS fq_case_store(cases);
DROP FUNCTION IF EXISTS fq_case_next(cases, case_events);

CREATE OR REPLACE FUNCTION fq_case_reported(e case_events) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE p jsonb := e.payload;
BEGIN
  INSERT INTO cases (case_id, state, channel, county, township, village, grid, category, summary, lon, lat,
                     parties_count, risk_flags, repeat_of, reported_at, updated_at, routing_due_at,
                     clock_kind, clock_started_at, due_at)
  VALUES (e.case_id, 'reported', e.channel, e.county, e.township, e.village, e.grid, p->>'category',
          p->>'summary', (p->'location'->>'lon')::double precision, (p->'location'->>'lat')::double precision,
          (p->>'partiesCount')::int, p->'riskFlags', p->>'repeatOf', e.occurred_at, e.occurred_at,
          (p->>'dueAt')::timestamptz, 'routing', e.occurred_at, (p->>'dueAt')::timestamptz)
  ON CONFLICT (case_id) DO NOTHING;
END $$;
DROP FUNCTION IF EXISTS fq_case_new(case_events);
