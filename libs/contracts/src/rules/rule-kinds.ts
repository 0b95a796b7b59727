import { z } from 'zod';
import { alertColourSchema } from '../alerts/alert';
import { siteTypeSchema } from '../events/camera-event';
import { serviceTierSchema } from '../events/case-event';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const durationMs = z
  .number()
  .int()
  .min(0)
  .max(400 * DAY);
const scalar = z.union([z.number(), z.string(), z.boolean()]);

/** The fact names a condition may test; each source fills those that apply to it. */
export const FACT_NAMES = [
  'caseType',
  'category',
  'tier',
  'channel',
  'partiesCount',
  'violenceRisk',
  'extremeWords',
  'groupPetition',
  'repeatVisits',
  'analyticsKind',
  'confidence',
  'headCount',
  'siteType',
  'online',
  'fps',
  'bitrateKbps',
  'lastFrameAgeMs',
] as const;
export const factNameSchema = z.enum(FACT_NAMES);
export type FactName = z.infer<typeof factNameSchema>;

/** One comparison of a fact of the event with a literal; a rule's conditions are ANDed. */
export const conditionSchema = z
  .object({
    fact: factNameSchema,
    op: z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in']),
    value: z.union([scalar, z.array(scalar).min(1).max(50)]),
  })
  .strict();
export type Condition = z.infer<typeof conditionSchema>;

/** Which input stream a rule reads. */
export const ruleSourceSchema = z.enum(['case', 'camera-status', 'camera-analytics']);
export type RuleSource = z.infer<typeof ruleSourceSchema>;

const ruleBase = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'rule id must be a lower-case slug'),
  version: z.number().int().min(1),
  title: z.string().min(1).max(120),
  purpose: z.string().min(1).max(500),
  enabled: z.boolean().default(true),
  /** The condition must hold this long before the alert fires (Alertmanager `for`). */
  pendingMs: durationMs.default(0),
  /** The condition must be false this long before the alert clears (hysteresis). */
  clearAfterMs: durationMs.default(0),
  /** Labels whose values group related alerts for one notification. */
  groupBy: z.array(z.string().max(32)).max(6).default(['county', 'ruleId']),
};

/** Colour levels, checked from the highest threshold down; the first one met gives the colour. */
const levels = <T extends z.ZodType>(threshold: T) =>
  z
    .array(z.object({ colour: alertColourSchema, atLeast: threshold }).strict())
    .min(1)
    .max(3);

export const singleEventRuleSchema = z
  .object({
    ...ruleBase,
    kind: z.literal('single-event'),
    source: ruleSourceSchema,
    when: z.array(conditionSchema).min(1).max(10),
    colour: alertColourSchema,
    /** What one alert is about: the same camera (or case) re-triggering updates it. */
    subject: z.enum(['camera', 'case', 'township']),
  })
  .strict();

export const windowThresholdRuleSchema = z
  .object({
    ...ruleBase,
    kind: z.literal('window-threshold'),
    source: z.enum(['case', 'camera-analytics']),
    when: z.array(conditionSchema).max(10).default([]),
    region: z.enum(['township', 'county']),
    /** Count per category (cases) or per detection kind (analytics) separately. */
    perCategory: z.boolean(),
    windowMs: durationMs.refine((v) => v >= MINUTE, 'window must be at least a minute'),
    bucketMs: durationMs.refine((v) => v >= MINUTE, 'bucket must be at least a minute'),
    levels: levels(z.number().int().min(1)),
  })
  .strict()
  .refine((r) => r.windowMs % r.bucketMs === 0 && r.windowMs / r.bucketMs <= 1440, {
    message: 'window must be a whole number (≤ 1440) of buckets',
    path: ['bucketMs'],
  });

export const anomalyRuleSchema = z
  .object({
    ...ruleBase,
    kind: z.literal('anomaly'),
    source: z.enum(['case', 'camera-analytics']),
    when: z.array(conditionSchema).max(10).default([]),
    /** Baseline metric name (per township and hour-of-week), e.g. `cases` or `analytics`. */
    metric: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
    /** Fewer events than this in the hour never count as unusual. */
    minCount: z.number().int().min(1),
    /** Floor of the standard deviation, so a quiet baseline does not turn 2 events into z = 20. */
    minStd: z.number().positive(),
    levels: levels(z.number().positive()),
  })
  .strict();

export const deadlineDueSchema = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('working-days'), count: z.number().int().min(0).max(60) }).strict(),
  z.object({ unit: z.literal('calendar-days'), count: z.number().int().min(1).max(366) }).strict(),
  z
    .object({
      unit: z.literal('hours'),
      count: z
        .number()
        .int()
        .min(1)
        .max(24 * 30),
    })
    .strict(),
]);
export type DeadlineDue = z.infer<typeof deadlineDueSchema>;

export const deadlineRuleSchema = z
  .object({
    ...ruleBase,
    kind: z.literal('deadline'),
    /** `any` tracks every case (routing happens before the tier is known). */
    tier: z.union([serviceTierSchema, z.literal('any')]),
    startOn: z.enum(['reported', 'triaged', 'assigned', 'reopened']),
    stopOn: z
      .array(z.enum(['triaged', 'assigned', 'leader-assigned', 'escalated', 'resolved', 'closed']))
      .min(1),
    due: deadlineDueSchema,
    /** Colour by share of the allowed time used: 0.8 = at risk, 1 = breached. */
    levels: levels(z.number().positive().max(10)),
  })
  .strict();

export const cameraOfflineShareRuleSchema = z
  .object({
    ...ruleBase,
    kind: z.literal('camera-offline-share'),
    region: z.enum(['township', 'county']),
    /** Regions with fewer known cameras are not judged (a share of 1 of 2 means little). */
    minCameras: z.number().int().min(1),
    levels: levels(z.number().positive().max(1)),
  })
  .strict();

export const darkKeySiteRuleSchema = z
  .object({
    ...ruleBase,
    kind: z.literal('dark-key-site'),
    siteTypes: z.array(siteTypeSchema).min(1),
    /** An open alert of at least this colour within the radius is an active incident. */
    incidentColour: alertColourSchema,
    radiusM: z.number().positive().max(50_000),
    colour: alertColourSchema,
  })
  .strict();

export const repeatRuleSchema = z
  .object({
    ...ruleBase,
    kind: z.literal('repeat'),
    fromColour: alertColourSchema,
    colour: alertColourSchema,
    count: z.number().int().min(2).max(50),
    windowMs: durationMs,
  })
  .strict();

/** One declarative rule; `kind` selects its evaluator. */
export const ruleSchema = z.discriminatedUnion('kind', [
  singleEventRuleSchema,
  windowThresholdRuleSchema,
  anomalyRuleSchema,
  deadlineRuleSchema,
  cameraOfflineShareRuleSchema,
  darkKeySiteRuleSchema,
  repeatRuleSchema,
]);
export type Rule = z.infer<typeof ruleSchema>;
export type RuleKind = Rule['kind'];
