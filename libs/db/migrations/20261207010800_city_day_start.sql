-- The instant a city day begins (00:00 Beijing time), the inverse of fq_beijing_day: the trend
-- queries restated it as `(day::timestamp - interval '8 hours') AT TIME ZONE 'UTC'` (issue 19: the
-- city's clock has one owner per language; libs/db/src/city-day-sql.int-spec.ts pins both functions
-- to libs/domain cityDateOf / cityMidnightMs). A one-expression SQL function, inlined by the planner.

-- migrate:up
CREATE FUNCTION fq_beijing_day_start(d date) RETURNS timestamptz
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (d::timestamp - interval '8 hours') AT TIME ZONE 'UTC' $$;

-- migrate:down
DROP FUNCTION IF EXISTS fq_beijing_day_start(date);
