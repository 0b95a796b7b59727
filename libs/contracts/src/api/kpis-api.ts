import { z } from 'zod';
import { ALERT_COLOURS } from '../alerts/alert';
import { SERVICE_TIERS, serviceTierSchema } from '../events/case-event';
import { instantSchema } from '../ids';
import { scopeRegionSchema } from './auth';

/**
 * Every tile carries its own `asOf`: the instant its figure was computed. Tiles are computed on
 * different cadences (cameras often, year-on-year rarely), so a wall shows each tile's age and marks
 * the tile stale on its own when its source stops answering.
 */
const asOf = instantSchema;
/** A share 0..1 rounded to 4 decimals; null when the denominator is 0 (nothing to rate yet). */
const share = z.number().min(0).max(1).nullable();
const count = z.number().int().min(0);

/** GET /api/kpis: `region` narrows within the caller's scope; a scoped caller without it gets its own. */
export const kpisQuerySchema = z.object({ region: scopeRegionSchema.optional() }).strict();
export type KpisQuery = z.infer<typeof kpisQuerySchema>;

/** The scope a snapshot covers: `null` region = the whole city. */
export const kpiScopeSchema = z.object({ region: scopeRegionSchema.nullable() }).strict();
export type KpiScope = z.infer<typeof kpiScopeSchema>;

export const tierOnTimeSchema = z
  .object({ tier: serviceTierSchema, onTime: count, due: count, rate: share })
  .strict();
export type TierOnTime = z.infer<typeof tierOnTimeSchema>;

/**
 * The KPI tiles of the wall (issue 6). Windows: `casesToday` since Beijing midnight; routing,
 * on-time, resolution, cycle time and satisfaction over the trailing `windowDays`; year on year
 * compares the trailing `windowDays` with the same days a year earlier.
 */
export const kpiSnapshotSchema = z
  .object({
    scope: kpiScopeSchema,
    windowDays: z.number().int().min(1),
    /** Cases reported since 00:00 Beijing time. */
    casesToday: z.object({ value: count, asOf }).strict(),
    /** Cases triaged within 1 working day of being reported ÷ cases reported (older than 1 working day). */
    routedWithinOneWorkingDay: z.object({ routed: count, total: count, rate: share, asOf }).strict(),
    /** Per service tier: cases resolved within the tier's promise ÷ cases whose promise fell due. */
    onTimeByTier: z.object({ rows: z.array(tierOnTimeSchema).length(SERVICE_TIERS.length), asOf }).strict(),
    /** Cases resolved ÷ cases reported in the window. */
    resolutionRate: z.object({ resolved: count, total: count, rate: share, asOf }).strict(),
    /** Mean hours from report to resolution of the cases resolved in the window; null when none. */
    averageCycleHours: z
      .object({
        value: z.number().min(0).nullable(),
        cases: count,
        /**
         * The jointly mediated cases (mediator + legal adviser + counselor) resolved in the window:
         * their mean days from report to resolution, the same window a year earlier, the change
         * (domain: −65 %); null where there were none.
         */
        jointMediation: z
          .object({
            days: z.number().min(0).nullable(),
            cases: count,
            previousDays: z.number().min(0).nullable(),
            changePercent: z.number().nullable(),
          })
          .strict(),
        asOf,
      })
      .strict(),
    /** Cases reported in the window against the same window one year earlier (domain: −17.8%). */
    disputesYearOnYear: z
      .object({ current: count, previous: count, changePercent: z.number().nullable(), asOf })
      .strict(),
    /** Closing satisfaction 1..5: the mean and the share of 4 or 5. */
    satisfaction: z
      .object({ average: z.number().min(1).max(5).nullable(), satisfiedShare: share, responses: count, asOf })
      .strict(),
    /** Registry cameras whose latest state is online ÷ registry cameras (never heard from = offline). */
    camerasOnline: z.object({ online: count, total: count, share, asOf }).strict(),
    /** Alerts not resolved or closed, by colour. */
    openAlerts: z.object({ blue: count, orange: count, red: count, asOf }).strict(),
  })
  .strict();
export type KpiSnapshot = z.infer<typeof kpiSnapshotSchema>;

export const KPI_TILES = [
  'casesToday',
  'routedWithinOneWorkingDay',
  'onTimeByTier',
  'resolutionRate',
  'averageCycleHours',
  'disputesYearOnYear',
  'satisfaction',
  'camerasOnline',
  'openAlerts',
] as const satisfies readonly (keyof KpiSnapshot)[];
export type KpiTile = (typeof KPI_TILES)[number];

/** Colours of `openAlerts`, in rising severity (same order as ALERT_COLOURS). */
export const KPI_ALERT_COLOURS = ALERT_COLOURS;

/** GET /api/kpis/tier-compliance: on-time rate per tier per day or week, by the day the promise fell due. */
export const tierComplianceQuerySchema = z
  .object({
    from: instantSchema,
    to: instantSchema,
    bucket: z.enum(['day', 'week']).default('day'),
    region: scopeRegionSchema.optional(),
  })
  .strict();
export type TierComplianceQuery = z.infer<typeof tierComplianceQuerySchema>;
export const tierCompliancePointSchema = z
  .object({ bucket: instantSchema, tier: serviceTierSchema, onTime: count, due: count, rate: share })
  .strict();
export type TierCompliancePoint = z.infer<typeof tierCompliancePointSchema>;
export const tierComplianceResponseSchema = z
  .object({
    scope: kpiScopeSchema,
    bucket: z.enum(['day', 'week']),
    points: z.array(tierCompliancePointSchema),
  })
  .strict();
export type TierComplianceResponse = z.infer<typeof tierComplianceResponseSchema>;

/** GET /api/cameras/health-trend: online share over time, from the camera status history. */
export const cameraHealthTrendQuerySchema = z
  .object({
    from: instantSchema,
    to: instantSchema,
    bucket: z.enum(['hour', 'day']).default('hour'),
    region: scopeRegionSchema.optional(),
  })
  .strict();
export type CameraHealthTrendQuery = z.infer<typeof cameraHealthTrendQuerySchema>;
export const cameraHealthPointSchema = z
  .object({
    bucket: instantSchema,
    /**
     * Status reports in the bucket and the share that said online. Cameras report on a fixed
     * heartbeat, so the share of reports is the time-weighted online share.
     */
    reports: count,
    onlineShare: share,
  })
  .strict();
export type CameraHealthPoint = z.infer<typeof cameraHealthPointSchema>;
export const cameraHealthTrendResponseSchema = z
  .object({
    scope: kpiScopeSchema,
    bucket: z.enum(['hour', 'day']),
    points: z.array(cameraHealthPointSchema),
  })
  .strict();
export type CameraHealthTrendResponse = z.infer<typeof cameraHealthTrendResponseSchema>;
