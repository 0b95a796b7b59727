import {
  type ReportLevel,
  type ReportMetadata,
  type ReportPeriodKind,
  type ReportSummary,
} from '@fengqiao/contracts';
import { type Queryable } from '../transaction';

/** Milliseconds spent per stage of one generation. */
export interface ReportTimings {
  readonly queryMs: number;
  readonly renderMs: number;
  readonly pdfMs: number;
}

/** A generated report ready to store. */
export interface StoredReport {
  readonly id: string;
  readonly metadata: Omit<ReportMetadata, 'id' | 'htmlBytes' | 'pdfBytes'>;
  readonly html: string;
  readonly pdf: Buffer | null;
  readonly timings: ReportTimings;
}

/** Filters of a list, already authorized and parsed. */
export interface ReportListFilter {
  readonly level?: ReportLevel;
  readonly periodKind?: ReportPeriodKind;
  readonly from?: string;
  readonly to?: string;
  /** Each entry: an exact region, or with `within` a prefix (the region and everything inside). */
  readonly regions?: readonly { code: string; within: boolean }[];
  readonly limit: number;
  /** Keyset: continue after this (period start, id). */
  readonly after?: { periodStart: string; id: string };
}

interface MetadataRow {
  report_id: string;
  level: ReportLevel;
  region: string;
  region_name: string | null;
  period_kind: ReportPeriodKind;
  period_start: string;
  period_end: string;
  period_label: string;
  trigger: 'scheduled' | 'on-demand';
  generated_at: Date;
  summary: ReportSummary;
  html_bytes: number;
  pdf_bytes: number | null;
  pdf_unavailable_reason: string | null;
}

const METADATA = `report_id, level, region, region_name, period_kind, to_char(period_start, 'YYYY-MM-DD') AS period_start,
  to_char(period_end, 'YYYY-MM-DD') AS period_end, period_label, trigger, generated_at, summary,
  octet_length(html) AS html_bytes, octet_length(pdf) AS pdf_bytes, pdf_unavailable_reason`;

function toMetadata(r: MetadataRow): ReportMetadata {
  return {
    id: r.report_id,
    level: r.level,
    region: r.region,
    regionName: r.region_name,
    period: { kind: r.period_kind, start: r.period_start, end: r.period_end, label: r.period_label },
    trigger: r.trigger,
    generatedAt: r.generated_at.toISOString(),
    htmlBytes: r.html_bytes,
    pdfBytes: r.pdf_bytes,
    pdfUnavailableReason: r.pdf_unavailable_reason,
    summary: r.summary,
  };
}

/** The reports table: one query per method. */
export class ReportsRepository {
  /**
   * Stores a report. `replace` (on demand) overwrites the content of an existing report of the same
   * key, keeping its id; otherwise an existing one wins and null is returned (a repeated scheduled run).
   */
  async save(db: Queryable, r: StoredReport, replace: boolean): Promise<ReportMetadata | null> {
    const m = r.metadata;
    const res = await db.query<MetadataRow>(
      `INSERT INTO reports (report_id, level, region, region_name, period_kind, period_start, period_end, period_label,
         trigger, generated_at, summary, timings, html, pdf, pdf_unavailable_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (level, region, period_kind, period_start) DO ${
         replace
           ? `UPDATE SET region_name = EXCLUDED.region_name, trigger = EXCLUDED.trigger, generated_at = EXCLUDED.generated_at,
              summary = EXCLUDED.summary, timings = EXCLUDED.timings, html = EXCLUDED.html, pdf = EXCLUDED.pdf,
              pdf_unavailable_reason = EXCLUDED.pdf_unavailable_reason`
           : 'NOTHING'
       }
       RETURNING ${METADATA}`,
      [
        r.id,
        m.level,
        m.region,
        m.regionName,
        m.period.kind,
        m.period.start,
        m.period.end,
        m.period.label,
        m.trigger,
        m.generatedAt,
        JSON.stringify(m.summary),
        JSON.stringify(r.timings),
        r.html,
        r.pdf,
        m.pdfUnavailableReason,
      ],
    );
    return res.rows[0] === undefined ? null : toMetadata(res.rows[0]);
  }

  /** Whether a report of this key exists (the scheduler skips it without loading anything). */
  async exists(
    db: Queryable,
    level: ReportLevel,
    region: string,
    kind: ReportPeriodKind,
    start: string,
  ): Promise<boolean> {
    const res = await db.query(
      `SELECT 1 FROM reports WHERE level = $1 AND region = $2 AND period_kind = $3 AND period_start = $4`,
      [level, region, kind, start],
    );
    return (res.rowCount ?? 0) > 0;
  }

  async metadata(db: Queryable, id: string): Promise<ReportMetadata | null> {
    const res = await db.query<MetadataRow>(`SELECT ${METADATA} FROM reports WHERE report_id = $1`, [id]);
    return res.rows[0] === undefined ? null : toMetadata(res.rows[0]);
  }

  async content(
    db: Queryable,
    id: string,
    kind: 'html' | 'pdf',
  ): Promise<{ region: string; body: string | Buffer | null } | null> {
    const res = await db.query<{ region: string; body: string | Buffer | null }>(
      `SELECT region, ${kind === 'html' ? 'html' : 'pdf'} AS body FROM reports WHERE report_id = $1`,
      [id],
    );
    return res.rows[0] ?? null;
  }

  /** Newest period first, then id, for keyset paging. */
  async list(db: Queryable, f: ReportListFilter): Promise<ReportMetadata[]> {
    const regions = f.regions ?? null;
    const res = await db.query<MetadataRow>(
      `SELECT ${METADATA} FROM reports
       WHERE ($1::text IS NULL OR level = $1) AND ($2::text IS NULL OR period_kind = $2)
         AND ($3::date IS NULL OR period_start >= $3) AND ($4::date IS NULL OR period_start < $4)
         AND ($5::text[] IS NULL OR EXISTS (
           SELECT 1 FROM unnest($5::text[], $6::boolean[]) AS s(code, within)
           WHERE region = s.code OR (s.within AND starts_with(region, s.code))))
         AND ($7::date IS NULL OR (period_start, report_id) < ($7::date, $8::uuid))
       ORDER BY period_start DESC, report_id DESC
       LIMIT $9`,
      [
        f.level ?? null,
        f.periodKind ?? null,
        f.from ?? null,
        f.to ?? null,
        regions === null ? null : regions.map((r) => r.code),
        regions === null ? null : regions.map((r) => r.within),
        f.after?.periodStart ?? null,
        f.after?.id ?? null,
        f.limit,
      ],
    );
    return res.rows.map(toMetadata);
  }
}
