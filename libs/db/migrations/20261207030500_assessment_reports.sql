-- The quarterly assessment of township centers (月调度、季考评, issue 21): one stored scorecard per
-- quarter, made by the reports service once the quarter has ended (the API computes the quarter under
-- way live from the same facts). The scorecard as JSON (the API's contract) and the self-contained
-- HTML report beside it; a repeated run keeps the first (ON CONFLICT DO NOTHING).

-- migrate:up
CREATE TABLE assessment_reports (
  quarter text PRIMARY KEY CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  period_start date NOT NULL,
  period_end date NOT NULL CHECK (period_end > period_start),
  generated_at timestamptz NOT NULL,
  scorecard jsonb NOT NULL,
  html text NOT NULL
);

-- migrate:down
DROP TABLE IF EXISTS assessment_reports;
