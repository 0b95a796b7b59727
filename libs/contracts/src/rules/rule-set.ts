import { z } from 'zod';
import { alertColourSchema } from '../alerts/alert';
import { caseCategorySchema } from '../events/case-event';
import { ruleSchema } from './rule-kinds';

const HOUR = 3_600_000;
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date must be YYYY-MM-DD');
const durationMs = z
  .number()
  .int()
  .min(0)
  .max(400 * 24 * HOUR);

/** Alertmanager-style label matcher: `=`, `!=`, `=~` (anchored regex), `!~`. */
export const labelMatcherSchema = z
  .object({
    label: z.string().min(1).max(32),
    op: z.enum(['=', '!=', '=~', '!~']),
    value: z.string().max(200),
  })
  .strict();
export type LabelMatcher = z.infer<typeof labelMatcherSchema>;

/** While a source alert is open, new target alerts that share the `equal` labels are suppressed. */
export const inhibitionSchema = z
  .object({
    id: z.string().min(1).max(64),
    source: z.array(labelMatcherSchema).min(1).max(10),
    target: z.array(labelMatcherSchema).min(1).max(10),
    equal: z.array(z.string().min(1).max(32)).max(6),
  })
  .strict();
export type Inhibition = z.infer<typeof inhibitionSchema>;

/** A planned-maintenance silence: alerts matching all matchers inside the window are muted. */
export const silenceSchema = z
  .object({
    id: z.string().min(1).max(64),
    matchers: z.array(labelMatcherSchema).min(1).max(10),
    startsAt: z.string().datetime({ offset: true }),
    endsAt: z.string().datetime({ offset: true }),
    createdBy: z.string().min(1).max(64),
    comment: z.string().max(500),
    /** Red alerts stay unsilenceable unless an administrator allowed it (planned maintenance). */
    allowRed: z.boolean().optional(),
  })
  .strict()
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    message: 'a silence must end after it starts',
    path: ['endsAt'],
  });
export type Silence = z.infer<typeof silenceSchema>;

/**
 * Working-day calendar. China moves workdays: public holidays (假日) fall on weekdays and make-up
 * workdays (调休上班) fall on weekends, both published yearly, so both lists are data.
 */
export const workingCalendarSchema = z
  .object({
    /** Local offset from UTC; Bazhong is UTC+8 all year (no daylight saving). */
    utcOffsetMinutes: z.number().int().min(-720).max(840),
    /** Weekend days, 0 = Sunday ... 6 = Saturday. */
    weekend: z.array(z.number().int().min(0).max(6)).max(6),
    holidays: z.array(localDate).max(1000),
    makeupWorkdays: z.array(localDate).max(1000),
  })
  .strict();
export type WorkingCalendarSpec = z.infer<typeof workingCalendarSchema>;

/** Unacknowledged red alerts climb grid → township → county → city, re-notifying at each step. */
export const escalationPolicySchema = z
  .object({
    colour: alertColourSchema,
    ackTimeoutMs: durationMs.refine((v) => v >= 60_000, 'at least a minute'),
    /** An acknowledgement holds this long; an alert still open after it resumes escalating. */
    ackTtlMs: durationMs.refine((v) => v >= 60_000, 'at least a minute'),
  })
  .strict();
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;

/** Weights of the hotspot score's factors. */
export const hotspotPolicySchema = z
  .object({
    bucketMs: durationMs.refine((v) => v === HOUR, 'baselines are hourly'),
    caseWeight: z.number().min(0),
    analyticsWeight: z.number().min(0),
    blindnessWeight: z.number().min(0),
    categoryWeights: z.partialRecord(caseCategorySchema, z.number().min(0)),
    /** Extra weight of a case reported with any risk flag set. */
    riskFlagWeight: z.number().min(0),
    minStd: z.number().positive(),
  })
  .strict();
export type HotspotPolicy = z.infer<typeof hotspotPolicySchema>;

/** A versioned, declarative rule set: what the API lists, proposes, backtests and activates. */
export const ruleSetSchema = z
  .object({
    schema: z.literal('rule-set.v1'),
    name: z.string().min(1).max(64),
    version: z.number().int().min(1),
    rules: z.array(ruleSchema).min(1).max(500),
    inhibitions: z.array(inhibitionSchema).max(100).default([]),
    escalation: escalationPolicySchema,
    /** A cleared alert that fires again within this period is reopened, not raised anew. */
    reopenWithinMs: durationMs,
    calendar: workingCalendarSchema,
    hotspot: hotspotPolicySchema,
  })
  .strict()
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((rule, i) => {
      if (seen.has(rule.id))
        ctx.addIssue({ code: 'custom', message: 'duplicate rule id', path: ['rules', i, 'id'] });
      seen.add(rule.id);
    });
  });
export type RuleSet = z.infer<typeof ruleSetSchema>;
/** A rule set as written (defaults not yet applied), e.g. read from JSON or YAML. */
export type RuleSetInput = z.input<typeof ruleSetSchema>;
