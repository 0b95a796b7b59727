import { z } from 'zod';
import { alertColourSchema, alertSchema, type AlertState } from '../alerts/alert';
import { instantSchema } from '../ids';
import { countyCodeSchema, townshipCodeSchema } from '../regions';
import { scopeRegionSchema } from './auth';
import { groupMemberSchema } from './alert-groups-api';

/**
 * The states a group counts: open and not silenced (a silenced alert leaves the wall and the queue
 * until its silence ends, as the screens' own open list does).
 */
export const ALERT_GROUP_STATES: readonly AlertState[] = [
  'raised',
  'acknowledged',
  'dispatched',
  'escalated',
  'reopened',
];

/** Members of one group sent in full (worst colour first, then newest); the rest only by reference. */
export const ALERT_GROUP_MEMBERS_SHOWN_MAX = 50;

/**
 * GET /api/alerts/groups: the open alert groups of the caller's scope (or of one county or township
 * inside it), computed by the API over every open alert there with `@fengqiao/domain` `groupAlerts`.
 */
export const alertGroupListQuerySchema = z
  .object({
    region: scopeRegionSchema.optional(),
    /** How many members of each group to send in full (the wall lists 5, the console 50). */
    members: z.coerce
      .number()
      .int()
      .min(0)
      .max(ALERT_GROUP_MEMBERS_SHOWN_MAX)
      .default(ALERT_GROUP_MEMBERS_SHOWN_MAX),
  })
  .strict();
export type AlertGroupListQuery = z.infer<typeof alertGroupListQuerySchema>;

/** One open group: what its members share, its count and worst level, and its members. */
export const alertGroupViewSchema = z
  .object({
    id: z.string().min(1),
    key: z.string().min(1),
    ruleId: z.string().min(1).max(80),
    /** The newest member's title. */
    title: z.string().min(1).max(200),
    cause: z.string(),
    area: z.object({ county: countyCodeSchema, township: townshipCodeSchema.optional() }).strict(),
    worst: alertColourSchema,
    count: z.number().int().min(1),
    newestAt: instantSchema,
    /** The first `members` of the group in full, worst colour first, then newest. */
    members: z.array(alertSchema),
    /** Every member by id and version, in the same order: what a group command names. */
    memberRefs: z.array(groupMemberSchema),
  })
  .strict();
export type AlertGroupView = z.infer<typeof alertGroupViewSchema>;

/** The groups (worst first, then newest) and how many open alerts they hold in all. */
export const alertGroupListResponseSchema = z
  .object({
    items: z.array(alertGroupViewSchema),
    openAlerts: z.number().int().min(0),
    /** True when the scope held more open alerts than the API groups at once (the oldest left out). */
    truncated: z.boolean(),
  })
  .strict();
export type AlertGroupListResponse = z.infer<typeof alertGroupListResponseSchema>;
