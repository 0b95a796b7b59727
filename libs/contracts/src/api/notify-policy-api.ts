import { z } from 'zod';
import { instantSchema } from '../ids';

/**
 * The notification policy as a versioned document (`notification_policy_versions`, issue 19): what
 * each alert colour asks for and the escalation timing, for the whole city, with overrides for some
 * regions. Who holds the shift comes from the duty roster, the channel from each person's preference.
 */

/** What an alert of one colour asks for: page the on-duty people, gather it into a digest, or nothing. */
export const notifyModeSchema = z.enum(['page', 'digest', 'none']);
export type NotifyMode = z.infer<typeof notifyModeSchema>;

const MINUTE_MS = 60_000;

/** One policy: per colour, and the timing of the backup page and of digests. */
export const notifyRuleSchema = z
  .object({
    red: notifyModeSchema,
    orange: notifyModeSchema,
    blue: notifyModeSchema,
    /** A page nobody acknowledged goes to the level's backup this much later; null: no backup page. */
    backupAfterMs: z
      .number()
      .int()
      .min(100)
      .max(24 * 60 * MINUTE_MS)
      .nullable(),
    /** Digests leave on a fixed grid of this period. */
    digestEveryMs: z
      .number()
      .int()
      .min(100)
      .max(24 * 60 * MINUTE_MS),
  })
  .strict();
export type NotifyRule = z.infer<typeof notifyRuleSchema>;

/** An override for one region (county, township, village or grid) and everything inside it. */
export const notifyRegionRuleSchema = notifyRuleSchema
  .extend({
    regionCode: z.string().regex(/^[1-8]\d{5}(\d{3}){0,3}$/, 'a county, township, village or grid code'),
  })
  .strict();
export type NotifyRegionRule = z.infer<typeof notifyRegionRuleSchema>;

export const notificationPolicySchema = z
  .object({ default: notifyRuleSchema, regions: z.array(notifyRegionRuleSchema).max(2000) })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.regions.forEach((r, i) => {
      if (seen.has(r.regionCode))
        ctx.addIssue({ code: 'custom', path: ['regions', i, 'regionCode'], message: 'region listed twice' });
      seen.add(r.regionCode);
    });
  });
export type NotificationPolicy = z.infer<typeof notificationPolicySchema>;

export const notificationPolicyStatusSchema = z.enum(['proposed', 'active', 'retired']);

/** One stored version without its document. */
export const notificationPolicySummarySchema = z
  .object({
    version: z.number().int().min(1),
    status: notificationPolicyStatusSchema,
    /** 1 + the number of region overrides. */
    entries: z.number().int().min(0),
    note: z.string(),
    proposedBy: z.string(),
    proposedAt: instantSchema,
    activatedBy: z.string().nullable(),
    activatedAt: instantSchema.nullable(),
  })
  .strict();
export type NotificationPolicySummary = z.infer<typeof notificationPolicySummarySchema>;

/** GET /api/notify/policy (the active version) and GET /api/notify/policy/versions/:version. */
export const notificationPolicyDetailSchema = notificationPolicySummarySchema
  .extend({ policy: notificationPolicySchema })
  .strict();
export type NotificationPolicyDetail = z.infer<typeof notificationPolicyDetailSchema>;

export const notificationPolicyListSchema = z
  .object({ items: z.array(notificationPolicySummarySchema) })
  .strict();
export type NotificationPolicyList = z.infer<typeof notificationPolicyListSchema>;

export const notificationPolicyVersionParamsSchema = z
  .object({ version: z.coerce.number().int().min(1).max(1_000_000) })
  .strict();

const note = z.string().max(500).trim().min(1);

/** POST /api/notify/policy/versions: a new version, proposed (it changes nothing until activated). */
export const proposeNotificationPolicyRequestSchema = z
  .object({ policy: notificationPolicySchema, note })
  .strict();
export type ProposeNotificationPolicyRequest = z.infer<typeof proposeNotificationPolicyRequestSchema>;

export const activateNotificationPolicyRequestSchema = z.object({ note: note.optional() }).strict();
export type ActivateNotificationPolicyRequest = z.infer<typeof activateNotificationPolicyRequestSchema>;

export const activateNotificationPolicyResponseSchema = z
  .object({
    version: z.number().int().min(1),
    /** The version active before (itself when it already was); null when none was. */
    previous: z.number().int().min(1).nullable(),
    activatedAt: instantSchema,
  })
  .strict();
export type ActivateNotificationPolicyResponse = z.infer<typeof activateNotificationPolicyResponseSchema>;
