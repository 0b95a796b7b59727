import { z } from 'zod';
import { instantSchema } from '../ids';
import { REGION_CODE_PATTERN, isCityRegionCode } from '../regions';

/**
 * Cadence reports (domain.md: "grid cells and villages daily, townships weekly, counties monthly").
 * A report is keyed by (level, region, period): at most one stored report per key, so a scheduled
 * run that is repeated replaces nothing it already made.
 */

/** The administrative level a report covers, city down to grid cell. */
export const REPORT_LEVELS = ['city', 'county', 'township', 'village', 'grid'] as const;
export const reportLevelSchema = z.enum(REPORT_LEVELS);
export type ReportLevel = z.infer<typeof reportLevelSchema>;

/** Period kinds; boundaries are calendar days, ISO weeks (Monday) and months in Asia/Shanghai. */
export const REPORT_PERIOD_KINDS = ['day', 'week', 'month'] as const;
export const reportPeriodKindSchema = z.enum(REPORT_PERIOD_KINDS);
export type ReportPeriodKind = z.infer<typeof reportPeriodKindSchema>;

/** The cadence each level is generated on by the scheduler; on demand any kind is allowed. */
export const REPORT_CADENCE: Readonly<Record<ReportLevel, ReportPeriodKind>> = {
  grid: 'day',
  village: 'day',
  township: 'week',
  county: 'month',
  city: 'month',
};

/** Code length per level: 6 (the city, prefecture + 00, and counties), 9, 12, 15 digits. */
export const REPORT_REGION_DIGITS: Readonly<Record<ReportLevel, number>> = {
  city: 6,
  county: 6,
  township: 9,
  village: 12,
  grid: 15,
};

/** Any region code: the city (prefecture + 00, e.g. 511900), a county, township, village or grid cell. */
export const reportRegionSchema = z
  .string()
  .regex(REGION_CODE_PATTERN, 'region must be a city, county, township, village or grid code');

/** True for a date that exists (no 0000-00-00, no 30 February). */
function isCalendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1970 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export const reportDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date');

/** True when the code has the length of the level (and only the city level ends in 00: 511900). */
export function regionMatchesLevel(level: ReportLevel, region: string): boolean {
  if (region.length !== REPORT_REGION_DIGITS[level]) return false;
  return (level === 'city') === isCityRegionCode(region);
}

const levelRegionRefinement = {
  message: 'region code does not match the level',
  path: ['region'],
};

/** One period: `start` inclusive, `end` exclusive (both Asia/Shanghai dates), plus a label. */
export const reportPeriodSchema = z
  .object({
    kind: reportPeriodKindSchema,
    start: reportDateSchema,
    end: reportDateSchema,
    /** `2026-11-26`, `2026-W48` or `2026-11`. */
    label: z.string(),
  })
  .strict();
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

/** Headline figures, so a list can show them without downloading the report. */
export const reportSummarySchema = z
  .object({
    casesIn: z.number().int(),
    casesClosed: z.number().int(),
    /** Share of cases closed within their tier's promise, 0..1; null when none closed. */
    onTimeRate: z.number().min(0).max(1).nullable(),
    alerts: z.number().int(),
    overdue: z.number().int(),
  })
  .strict();
export type ReportSummary = z.infer<typeof reportSummarySchema>;

/** What the list and the on-demand request return about one stored report. */
export const reportMetadataSchema = z
  .object({
    id: z.string().uuid(),
    level: reportLevelSchema,
    region: reportRegionSchema,
    regionName: z.string().nullable(),
    period: reportPeriodSchema,
    trigger: z.enum(['scheduled', 'on-demand']),
    generatedAt: instantSchema,
    htmlBytes: z.number().int(),
    /** Null when no PDF was made (see `pdfUnavailableReason`). */
    pdfBytes: z.number().int().nullable(),
    /** Why there is no PDF (e.g. no Chromium on the host); null when there is one. */
    pdfUnavailableReason: z.string().nullable(),
    summary: reportSummarySchema,
  })
  .strict();
export type ReportMetadata = z.infer<typeof reportMetadataSchema>;

/** GET /api/reports: newest period first; officers see only their regions and the ones inside. */
export const reportListQuerySchema = z
  .object({
    level: reportLevelSchema.optional(),
    /** Exact region, or with `within=true` the region and every region inside it. */
    region: reportRegionSchema.optional(),
    within: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    periodKind: reportPeriodKindSchema.optional(),
    /** Periods starting on or after / before these dates. */
    from: reportDateSchema.optional(),
    to: reportDateSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Opaque; the previous page's `nextCursor`. */
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;

export const reportListResponseSchema = z
  .object({ items: z.array(reportMetadataSchema), nextCursor: z.string().nullable() })
  .strict();
export type ReportListResponse = z.infer<typeof reportListResponseSchema>;

/** GET /api/reports/:id, /:id/html, /:id/pdf. */
export const reportIdParamsSchema = z.object({ id: z.string().uuid() }).strict();
export type ReportIdParams = z.infer<typeof reportIdParamsSchema>;

/**
 * POST /api/reports: generate (or regenerate) one report now. `date` is any day inside the
 * period; `periodKind` defaults to the level's cadence.
 */
export const reportRequestSchema = z
  .object({
    level: reportLevelSchema,
    region: reportRegionSchema,
    periodKind: reportPeriodKindSchema.optional(),
    date: reportDateSchema,
  })
  .strict()
  .refine((r) => regionMatchesLevel(r.level, r.region), levelRegionRefinement);
export type ReportRequest = z.infer<typeof reportRequestSchema>;

/**
 * On-demand requests are queued, not generated in the HTTP request (decision 0006): POST
 * /api/reports answers 202 with the request, apps/reports generates it, GET shows its state.
 */
export const REPORT_REQUEST_STATES = ['queued', 'running', 'ready', 'failed'] as const;
export const reportRequestStateSchema = z.enum(REPORT_REQUEST_STATES);
export type ReportRequestState = z.infer<typeof reportRequestStateSchema>;

/**
 * Why a request failed: REGION_UNKNOWN (not in the registry when generated), GENERATION_FAILED
 * (an error while loading, rendering or storing), TIMED_OUT (still running after its retry).
 */
export const REPORT_REQUEST_FAILURES = ['REGION_UNKNOWN', 'GENERATION_FAILED', 'TIMED_OUT'] as const;
export const reportRequestFailureSchema = z.enum(REPORT_REQUEST_FAILURES);
export type ReportRequestFailure = z.infer<typeof reportRequestFailureSchema>;

export const reportRequestStatusSchema = z
  .object({
    id: z.string().uuid(),
    level: reportLevelSchema,
    region: reportRegionSchema,
    period: reportPeriodSchema,
    state: reportRequestStateSchema,
    requestedAt: instantSchema,
    startedAt: instantSchema.nullable(),
    finishedAt: instantSchema.nullable(),
    /** Claims so far (a claim lost to a crash is retried once). */
    attempts: z.number().int(),
    /** The stored report once `ready`. */
    reportId: z.string().uuid().nullable(),
    failure: z.object({ code: reportRequestFailureSchema, message: z.string() }).strict().nullable(),
    /** True when POST found an identical pending request and returned it instead of queuing a copy. */
    reused: z.boolean().optional(),
  })
  .strict();
export type ReportRequestStatus = z.infer<typeof reportRequestStatusSchema>;

/** GET /api/reports/requests: the caller's own latest requests, newest first. */
export const reportRequestListResponseSchema = z
  .object({ items: z.array(reportRequestStatusSchema) })
  .strict();
export type ReportRequestListResponse = z.infer<typeof reportRequestListResponseSchema>;

/** How many queued or running requests one user may have at once (POST answers 429 past it). */
export const MAX_PENDING_REPORT_REQUESTS_PER_USER = 3;
