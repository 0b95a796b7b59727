import { z } from 'zod';
import { alertColourSchema } from '../alerts/alert';
import { cameraIdSchema, instantSchema } from '../ids';
import { labelMatcherSchema } from '../rules/rule-set';

/** Where a rule-set version is in its life: proposed → active → retired (by the next activation). */
export const RULE_SET_STATUSES = ['proposed', 'active', 'retired'] as const;
export const ruleSetStatusSchema = z.enum(RULE_SET_STATUSES);
export type RuleSetStatus = z.infer<typeof ruleSetStatusSchema>;

/** One stored version without its body (the list). */
export const ruleSetSummarySchema = z
  .object({
    version: z.number().int().min(1),
    name: z.string(),
    status: ruleSetStatusSchema,
    rules: z.number().int().min(0),
    proposedBy: z.string(),
    proposedAt: instantSchema,
    activatedBy: z.string().nullable(),
    activatedAt: instantSchema.nullable(),
    comment: z.string(),
  })
  .strict();
export type RuleSetSummary = z.infer<typeof ruleSetSummarySchema>;

export const ruleSetListResponseSchema = z.object({ items: z.array(ruleSetSummarySchema) }).strict();
export type RuleSetListResponse = z.infer<typeof ruleSetListResponseSchema>;

/** One stored version with its body (a `rule-set.v1` document, defaults applied). */
export const ruleSetDetailSchema = ruleSetSummarySchema.extend({ body: z.record(z.string(), z.unknown()) });
export type RuleSetDetail = z.infer<typeof ruleSetDetailSchema>;

export const ruleSetVersionParamsSchema = z
  .object({ version: z.coerce.number().int().min(1).max(1_000_000) })
  .strict();
export type RuleSetVersionParams = z.infer<typeof ruleSetVersionParamsSchema>;

/**
 * POST /api/rules: a new version. `body` is validated against `rule-set.v1` by the service (so the
 * errors name the rule and field); its own `version` is overwritten by the next free number.
 */
export const proposeRuleSetRequestSchema = z
  .object({
    body: z.record(z.string(), z.unknown()),
    comment: z.string().max(500).default(''),
  })
  .strict();
export type ProposeRuleSetRequest = z.infer<typeof proposeRuleSetRequestSchema>;

/** The longest range one backtest may replay, and the most events it reads. */
export const BACKTEST_MAX_RANGE_MS = 31 * 24 * 3_600_000;
export const BACKTEST_MAX_EVENTS = 100_000;

export const backtestRequestSchema = z
  .object({
    from: instantSchema,
    to: instantSchema,
    /** Restrict to one county or township (prefix of the region code). */
    region: z
      .string()
      .regex(/^[1-8]\d{5}(\d{3})?$/)
      .optional(),
  })
  .strict()
  .refine((b) => Date.parse(b.to) > Date.parse(b.from), { message: 'to must be after from', path: ['to'] })
  .refine((b) => Date.parse(b.to) - Date.parse(b.from) <= BACKTEST_MAX_RANGE_MS, {
    message: 'a backtest covers at most 31 days',
    path: ['to'],
  });
export type BacktestRequest = z.infer<typeof backtestRequestSchema>;

const countsByColour = z
  .object({ blue: z.number().int(), orange: z.number().int(), red: z.number().int() })
  .strict();

/** What one version would have raised over the range. */
export const backtestRunSchema = z
  .object({
    version: z.number().int().min(1),
    byColour: countsByColour,
    byRule: z.record(z.string(), z.number().int()),
    suppressed: z.number().int(),
    alerts: z.array(
      z
        .object({
          ruleId: z.string(),
          colour: alertColourSchema,
          county: z.string(),
          township: z.string().optional(),
          raisedAt: instantSchema,
        })
        .strict(),
    ),
  })
  .strict();
export type BacktestRun = z.infer<typeof backtestRunSchema>;

export const backtestResponseSchema = z
  .object({
    from: instantSchema,
    to: instantSchema,
    events: z.number().int(),
    /** True when the range held more events than one backtest reads; the counts cover the first ones. */
    truncated: z.boolean(),
    candidate: backtestRunSchema,
    /** The active version over the same events (absent when the candidate is the active one). */
    active: backtestRunSchema.nullable(),
    /** candidate − active, per colour and per rule id (rules of either side). */
    diff: z
      .object({ byColour: countsByColour, byRule: z.record(z.string(), z.number().int()) })
      .strict()
      .nullable(),
  })
  .strict();
export type BacktestResponse = z.infer<typeof backtestResponseSchema>;

export const activateRuleSetResponseSchema = z
  .object({ version: z.number().int(), previous: z.number().int().nullable(), activatedAt: instantSchema })
  .strict();
export type ActivateRuleSetResponse = z.infer<typeof activateRuleSetResponseSchema>;

/** POST /api/silences: structured matchers (at least one), turned into label matchers. */
export const createSilenceRequestSchema = z
  .object({
    ruleId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
      .optional(),
    /** A county (6 digits) or township (9 digits) code, or a longer prefix of one. */
    regionPrefix: z
      .string()
      .regex(/^[1-8]\d{5,9}$/)
      .optional(),
    cameraId: cameraIdSchema.optional(),
    colour: alertColourSchema.optional(),
    startsAt: instantSchema.optional(),
    endsAt: instantSchema,
    comment: z.string().min(1).max(500),
    /** Reds are never silenced unless an administrator sets this (planned maintenance). */
    allowRed: z.boolean().default(false),
  })
  .strict()
  .refine((s) => [s.ruleId, s.regionPrefix, s.cameraId, s.colour].some((v) => v !== undefined), {
    message: 'a silence needs at least one matcher (ruleId, regionPrefix, cameraId or colour)',
    path: ['ruleId'],
  });
export type CreateSilenceRequest = z.infer<typeof createSilenceRequestSchema>;

export const silenceViewSchema = z
  .object({
    id: z.string().uuid(),
    matchers: z.array(labelMatcherSchema),
    startsAt: instantSchema,
    endsAt: instantSchema,
    allowRed: z.boolean(),
    createdBy: z.string(),
    comment: z.string(),
    expiredAt: instantSchema.nullable(),
    active: z.boolean(),
  })
  .strict();
export type SilenceView = z.infer<typeof silenceViewSchema>;

export const silenceListQuerySchema = z
  .object({ include: z.enum(['active', 'all']).default('active') })
  .strict();
export type SilenceListQuery = z.infer<typeof silenceListQuerySchema>;

export const silenceListResponseSchema = z.object({ items: z.array(silenceViewSchema) }).strict();
export type SilenceListResponse = z.infer<typeof silenceListResponseSchema>;

export const silenceIdParamsSchema = z.object({ silenceId: z.string().uuid() }).strict();
export type SilenceIdParams = z.infer<typeof silenceIdParamsSchema>;
