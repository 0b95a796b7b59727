-- The `cases` projection: one row per case, kept current from case_events by triggers, because the
-- ingest writes case_events from Kafka and every writer (ingest, history generator) then gets the
-- same projection in the same transaction. Personal data leaves the event payload for its own
-- table (case_parties) on insert, so it can be masked, revealed with an audit row, or purged alone.
-- Deadlines (`dueAt`) are fixed by the producer on the working-day calendar and copied here.

-- migrate:up
CREATE TABLE cases (
  case_id text PRIMARY KEY,
  state text NOT NULL,
  channel text NOT NULL,
  county text NOT NULL,
  township text NOT NULL,
  village text,
  grid text,
  category text NOT NULL,
  summary text NOT NULL,
  lon double precision,
  lat double precision,
  parties_count integer NOT NULL,
  risk_flags jsonb NOT NULL,
  repeat_of text,
  tier text,
  department text,
  unit text,
  override_reason text,
  assignee text,
  mediator text,
  joint_mediation boolean,
  leader text,
  escalated_to text,
  outcome text,
  satisfaction smallint,
  reported_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Routing within one working day, kept after triage for on-time routing figures.
  routing_due_at timestamptz,
  routed_at timestamptz,
  -- The running clock: 'routing' until triage, then the tier's ('tier'); restarted on reopening.
  clock_kind text NOT NULL,
  clock_started_at timestamptz NOT NULL,
  due_at timestamptz,
  clock_stopped_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz
);
CREATE INDEX cases_township_idx ON cases (township, reported_at);
CREATE INDEX cases_county_idx ON cases (county, reported_at);
CREATE INDEX cases_running_due_idx ON cases (due_at) WHERE clock_stopped_at IS NULL;
CREATE INDEX cases_state_idx ON cases (state);

CREATE TABLE case_parties (
  case_id text NOT NULL,
  ordinal smallint NOT NULL,
  name text NOT NULL,
  phone text,
  id_number text,
  -- SHA-256 of the normalised name and phone (the producer's `partyKeys`): what duplicate detection compares.
  party_key text,
  PRIMARY KEY (case_id, ordinal)
);
CREATE INDEX case_parties_key_idx ON case_parties (party_key) WHERE party_key IS NOT NULL;

-- Case ids C<county>-<yyyymmdd>-<nnnnn>: one counter per county and Beijing day.
CREATE TABLE case_id_counters (
  county text NOT NULL,
  day date NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (county, day)
);

-- BEFORE: moves the parties out of the payload. Idempotent (a redelivered event finds its rows).
CREATE FUNCTION fq_case_parties_out() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.type = 'reported' AND NEW.payload ? 'parties' THEN
    INSERT INTO case_parties (case_id, ordinal, name, phone, id_number, party_key)
    SELECT NEW.case_id, (p.ord - 1)::smallint, p.value->>'name', p.value->>'phone', p.value->>'idNumber',
           NEW.payload->'partyKeys'->>((p.ord - 1)::int)
    FROM jsonb_array_elements(NEW.payload->'parties') WITH ORDINALITY AS p(value, ord)
    ON CONFLICT DO NOTHING;
    NEW.payload := NEW.payload - 'parties';
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION fq_case_reported(e case_events) RETURNS void
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

-- A major dispute's promise is a leader in charge: assignment, escalation or a leader stop its clock.
CREATE FUNCTION fq_case_stops_clock(c cases, type text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT type IN ('resolved', 'closed')
      OR (c.clock_kind = 'tier' AND c.tier = 'major' AND type IN ('assigned', 'escalated', 'leader-assigned'))
$$;

CREATE FUNCTION fq_case_apply(e case_events) RETURNS void
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

CREATE FUNCTION fq_case_project() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM fq_case_apply(NEW);
  RETURN NULL;
END $$;

-- Backfill from the events already stored, in order (a one-off; new events take the triggers).
DO $$
DECLARE e case_events;
BEGIN
  INSERT INTO case_parties (case_id, ordinal, name, phone, id_number)
  SELECT ce.case_id, (p.ord - 1)::smallint, p.value->>'name', p.value->>'phone', p.value->>'idNumber'
  FROM case_events ce, jsonb_array_elements(ce.payload->'parties') WITH ORDINALITY AS p(value, ord)
  WHERE ce.type = 'reported' AND ce.payload ? 'parties'
  ON CONFLICT DO NOTHING;
  UPDATE case_events SET payload = payload - 'parties' WHERE type = 'reported' AND payload ? 'parties';
  FOR e IN SELECT * FROM case_events ORDER BY case_id, occurred_at, (type = 'reported') DESC LOOP
    PERFORM fq_case_apply(e);
  END LOOP;
END $$;

CREATE TRIGGER case_events_parties_out BEFORE INSERT ON case_events
  FOR EACH ROW EXECUTE FUNCTION fq_case_parties_out();
-- AFTER fires only for rows really inserted: a redelivered event (ON CONFLICT DO NOTHING) changes nothing.
CREATE TRIGGER case_events_project AFTER INSERT ON case_events
  FOR EACH ROW EXECUTE FUNCTION fq_case_project();

-- migrate:down
DROP TRIGGER IF EXISTS case_events_project ON case_events;
DROP TRIGGER IF EXISTS case_events_parties_out ON case_events;
-- Put the parties back into their events, so nothing is lost going down.
UPDATE case_events ce SET payload = ce.payload || jsonb_build_object('parties', p.parties)
FROM (
  SELECT case_id, jsonb_agg(jsonb_strip_nulls(jsonb_build_object('name', name, 'phone', phone,
                                                                  'idNumber', id_number)) ORDER BY ordinal) AS parties
  FROM case_parties GROUP BY case_id
) p
WHERE ce.case_id = p.case_id AND ce.type = 'reported';
DROP FUNCTION IF EXISTS fq_case_project();
DROP FUNCTION IF EXISTS fq_case_apply(case_events);
DROP FUNCTION IF EXISTS fq_case_stops_clock(cases, text);
DROP FUNCTION IF EXISTS fq_case_reported(case_events);
DROP FUNCTION IF EXISTS fq_case_parties_out();
DROP TABLE IF EXISTS case_id_counters;
DROP TABLE IF EXISTS case_parties;
DROP TABLE IF EXISTS cases;
