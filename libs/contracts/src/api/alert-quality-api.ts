import { z } from 'zod';
import { ALERT_COLOURS } from '../alerts/alert';
import { instantSchema } from '../ids';
import { scopeRegionSchema } from './auth';
import { csvOf } from './query-params';

/** The longest period one quality query covers (a year and a day: a year-on-year look fits). */
export const ALERT_QUALITY_MAX_RANGE_MS = 366 * 24 * 3_600_000;
/** The most alerts one quality query reads; past it the figures cover the newest ones and say so. */
export const ALERT_QUALITY_MAX_ALERTS = 50_000;

/**
 * GET /api/alerts/quality: the alerts raised in [from, to), filtered like the history list
 * (`alerts.list`), folded into response figures. No state filter: the figures are about how alerts
 * were answered, so every state counts.
 */
export const alertQualityQuerySchema = z
  .object({
    from: instantSchema,
    to: instantSchema,
    colour: csvOf(ALERT_COLOURS).optional(),
    region: scopeRegionSchema.optional(),
    ruleId: z.string().min(1).max(80).optional(),
  })
  .strict();
export type AlertQualityQuery = z.infer<typeof alertQualityQuerySchema>;

const count = z.number().int().min(0);
const durationMs = z.number().int().min(0).nullable();

/**
 * How a set of alerts was answered. MTTA and MTTR are MEDIANS (a few alerts left open over a night
 * would drag a mean far from what an officer typically takes), measured from `raisedAt` to the
 * alert's `acknowledgedAt` / `resolvedAt`; null when no alert of the set got there. The false-alarm
 * rate is over the resolutions an officer judged (an outcome given), not over alerts the engine
 * cleared by itself; null when none was judged.
 */
export const alertQualityFiguresSchema = z
  .object({
    alerts: count,
    acknowledged: count,
    mttaMs: durationMs,
    resolved: count,
    mttrMs: durationMs,
    /** Resolved with an outcome (`real-incident`, `false-alarm`, `duplicate`). */
    judged: count,
    falseAlarms: count,
    falseAlarmRate: z.number().min(0).max(1).nullable(),
  })
  .strict();
export type AlertQualityFigures = z.infer<typeof alertQualityFiguresSchema>;

/** The figures of one level (colour), region (code) or rule (id): `key` says which. */
export const alertQualityRowSchema = alertQualityFiguresSchema.extend({ key: z.string() }).strict();
export type AlertQualityRow = z.infer<typeof alertQualityRowSchema>;

export const alertQualityResponseSchema = z
  .object({
    from: instantSchema,
    to: instantSchema,
    /** What `byRegion` keys are: counties for a city-wide query, townships under a county or township. */
    regionLevel: z.enum(['county', 'township']),
    /** More than ALERT_QUALITY_MAX_ALERTS alerts matched: the figures cover the newest ones. */
    truncated: z.boolean(),
    overall: alertQualityFiguresSchema,
    byLevel: z.array(alertQualityRowSchema),
    byRegion: z.array(alertQualityRowSchema),
    byRule: z.array(alertQualityRowSchema),
  })
  .strict();
export type AlertQualityResponse = z.infer<typeof alertQualityResponseSchema>;
