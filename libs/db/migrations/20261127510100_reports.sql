-- Cadence reports: metadata, the self-contained HTML and (when Chromium was there) the PDF.
-- One report per level × region × period: the scheduler inserts with ON CONFLICT DO NOTHING, so a
-- restarted run never makes a second copy; an on-demand request replaces the content in place.

-- migrate:up
CREATE TABLE reports (
  report_id uuid PRIMARY KEY,
  level text NOT NULL CHECK (level IN ('city', 'county', 'township', 'village', 'grid')),
  region text NOT NULL CHECK (region ~ '^5119[0-9]{2}([0-9]{3}){0,3}$'),
  region_name text,
  period_kind text NOT NULL CHECK (period_kind IN ('day', 'week', 'month')),
  period_start date NOT NULL,
  period_end date NOT NULL CHECK (period_end > period_start),
  period_label text NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('scheduled', 'on-demand')),
  generated_at timestamptz NOT NULL,
  summary jsonb NOT NULL,
  -- Query / render / pdf milliseconds of the last generation (benchmarks and slow-report hunting).
  timings jsonb NOT NULL,
  html text NOT NULL,
  pdf bytea,
  pdf_unavailable_reason text,
  CHECK ((pdf IS NULL) <> (pdf_unavailable_reason IS NULL)),
  UNIQUE (level, region, period_kind, period_start)
);
-- Lists are newest period first, optionally for one region and the regions inside it (prefix match).
CREATE INDEX reports_period_idx ON reports (period_start DESC, report_id);
CREATE INDEX reports_region_idx ON reports (region text_pattern_ops, period_start DESC);

-- migrate:down
DROP TABLE IF EXISTS reports;
