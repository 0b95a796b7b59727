-- The folded case projection (20261207112900) without xmin: the writer names the events it inserted.
--
-- fq_case_projection_fold found "the events this transaction inserted" by case_events.xmin. On a
-- compressed chunk TimescaleDB refuses every system column but tableoid ("transparent decompression
-- only supports tableoid system column"), and case_events chunks are compressed after 1 day
-- (20261206234300): the history, which writes past days, failed whenever the policy had compressed
-- the chunk of a day it wrote (clean-clone CI of 2026-12-07 18:36, libs/db case-projection-folded
-- int spec). The caller now passes only the events its INSERT ... RETURNING answered as inserted
-- (libs/db CaseProjectionRepository.folded), so a redelivered event is still applied once.

-- migrate:up
CREATE OR REPLACE FUNCTION fq_case_projection_fold(ids uuid[], ats timestamptz[]) RETURNS integer
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
    GROUP BY ce.case_id ORDER BY ce.case_id
  LOOP
    PERFORM fq_case_apply_all(r.evs);
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;

-- migrate:down
CREATE OR REPLACE FUNCTION fq_case_projection_fold(ids uuid[], ats timestamptz[]) RETURNS integer
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
