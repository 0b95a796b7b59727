import { z } from 'zod';
import { SERVICE_TIERS, serviceTierSchema } from '../events/case-event';
import { SITE_TYPES, siteTypeSchema } from '../events/camera-event';
import { instantSchema } from '../ids';
import { scopeRegionSchema } from './auth';

/**
 * The quarterly assessment of township centers (月调度、季考评, issue 21) and camera coverage by
 * site type. Shares are 0..1 (null when nothing was measured); scores 0..100.
 */
const share = z.number().min(0).max(1).nullable();
const count = z.number().int().min(0);

/** A calendar quarter in Beijing time: `2026-Q4`. */
export const quarterLabelSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'quarter must look like 2026-Q4');

/** GET /api/assessments/quarterly: a quarter (default: the current one, to date) within the caller's scope. */
export const quarterlyScorecardQuerySchema = z
  .object({ quarter: quarterLabelSchema.optional(), region: scopeRegionSchema.optional() })
  .strict();
export type QuarterlyScorecardQuery = z.infer<typeof quarterlyScorecardQuerySchema>;

/** The weight of each measure in the score (they add up to 100). */
export const scorecardWeightsSchema = z
  .object({
    onTime: z.number().min(0),
    routing: z.number().min(0),
    overdue: z.number().min(0),
    satisfaction: z.number().min(0),
    jointMediation: z.number().min(0),
  })
  .strict();
export type ScorecardWeights = z.infer<typeof scorecardWeightsSchema>;

export const tierScoreSchema = z
  .object({ tier: serviceTierSchema, onTime: count, judged: count, rate: share })
  .strict();

/** One township center's quarter. */
export const townshipScoreSchema = z
  .object({
    township: z.string(),
    name: z.string(),
    county: z.string(),
    countyName: z.string(),
    casesIn: count,
    /** Per tier: promises kept on time ÷ promises judged in the quarter. */
    onTimeByTier: z.array(tierScoreSchema).length(SERVICE_TIERS.length),
    onTimeRate: share,
    routedOnTime: count,
    routingJudged: count,
    /** Routed within 1 working day of the report. */
    routingRate: share,
    /** Open cases past their promise at the quarter's end (or now, for the quarter under way). */
    overdue: count,
    satisfactionResponses: count,
    /** Closing satisfaction 4 or 5 ÷ responses. */
    satisfiedShare: share,
    finished: count,
    /** Finished cases that went through joint mediation ÷ finished cases. */
    jointMediationShare: share,
    /** 0..100, one decimal; null when nothing of the township was measured. */
    score: z.number().min(0).max(100).nullable(),
    rankInCounty: z.number().int().min(1).nullable(),
    rankInCity: z.number().int().min(1).nullable(),
  })
  .strict();
export type TownshipScore = z.infer<typeof townshipScoreSchema>;

export const quarterlyScorecardSchema = z
  .object({
    quarter: z.object({ label: quarterLabelSchema, start: z.string(), end: z.string() }).strict(),
    /** The instant the figures were computed; a quarter under way is measured up to it. */
    asOf: instantSchema,
    complete: z.boolean(),
    weights: scorecardWeightsSchema,
    /** Best score first; ranks are over every township of the city, whatever the caller's scope. */
    townships: z.array(townshipScoreSchema),
  })
  .strict();
export type QuarterlyScorecard = z.infer<typeof quarterlyScorecardSchema>;

/** GET /api/cameras/site-types: `region` narrows within the caller's scope. */
export const cameraSiteTypesQuerySchema = z.object({ region: scopeRegionSchema.optional() }).strict();
export type CameraSiteTypesQuery = z.infer<typeof cameraSiteTypesQuerySchema>;

export const siteTypeRowSchema = z
  .object({
    siteType: siteTypeSchema,
    total: count,
    online: count,
    /** Latest state online ÷ registered (never heard from = offline, as the KPI tile counts). */
    onlineRate: share,
    townshipsCovered: count,
    /** Townships of the scope with at least one camera of the type ÷ townships of the scope. */
    coverage: share,
  })
  .strict();
export type SiteTypeRow = z.infer<typeof siteTypeRowSchema>;

export const cameraSiteTypesSchema = z
  .object({
    region: scopeRegionSchema.nullable(),
    townships: count,
    rows: z.array(siteTypeRowSchema).length(SITE_TYPES.length),
    asOf: instantSchema,
  })
  .strict();
export type CameraSiteTypes = z.infer<typeof cameraSiteTypesSchema>;

/** How the wall and the reports name each site type (domain.md's list of the video network). */
export const SITE_TYPE_LABELS: Readonly<Record<(typeof SITE_TYPES)[number], string>> = {
  'key-industry': '重点行业',
  square: '广场',
  station: '车站',
  school: '学校',
  'smart-community': '智慧平安小区',
  road: '道路',
};

/** The scorecard's columns as a person reads them: the report and the dashboard panel both use these. */
export const SCORECARD_COLUMN_LABELS = [
  '全市排名',
  '县内排名',
  '乡镇（街道）',
  '区县',
  '得分',
  '按时率',
  '分流率',
  '超期',
  '满意率',
  '联调占比',
  '受理',
] as const;
