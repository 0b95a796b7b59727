import { z } from 'zod';
import { caseCategorySchema } from '../events/case-event';
import { instantSchema } from '../ids';
import { routingSchema } from './cases-api';

/**
 * Routing tables as data (docs/decisions/0009): an ordered list of rules, the first whose conditions
 * all hold routes the case. These schemas check each rule's shape and ranges; the table-level checks
 * (unique ids, the catch-all last) are `validateRoutingTable` of @fengqiao/intake, which the API
 * applies after these.
 */

/** Local hours [from, to) of a day, 0–23; `from > to` wraps past midnight (18 → 8 is the night). */
export const routingHourRangeSchema = z
  .object({ from: z.number().int().min(0).max(23), to: z.number().int().min(0).max(23) })
  .strict()
  .refine((h) => h.from !== h.to, { message: 'from and to must differ (an empty range never holds)' });

/** A region code prefix: county (6), township (9) or village (12) digits, or any shorter prefix. */
export const routingRegionPrefixSchema = z.string().regex(/^\d{1,12}$/, 'a region prefix is 1–12 digits');

export const ROUTING_RISK_FLAGS = ['violenceRisk', 'extremeWords', 'groupPetition'] as const;

/** What a rule looks at; every condition given must hold, an absent one always holds. */
export const routingConditionsSchema = z
  .object({
    categories: z.array(caseCategorySchema).min(1).max(20).optional(),
    regionPrefixes: z.array(routingRegionPrefixSchema).min(1).max(200).optional(),
    /** Local weekdays, 0 = Sunday ... 6 = Saturday. */
    weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7).optional(),
    hours: routingHourRangeSchema.optional(),
    /** Risk flags that must all be set. */
    flags: z.array(z.enum(ROUTING_RISK_FLAGS)).min(1).max(3).optional(),
    minParties: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type RoutingConditionsBody = z.infer<typeof routingConditionsSchema>;

/** One rule: a stable id (kebab-case, named by suggestions and the audit), a title for people. */
export const routingRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a rule id is kebab-case, at most 64 characters'),
    title: z.string().max(100).trim().min(1),
    when: routingConditionsSchema,
    then: routingSchema,
  })
  .strict();
export type RoutingRuleBody = z.infer<typeof routingRuleSchema>;

/** The rules of one table, in order. */
export const routingTableRulesSchema = z.array(routingRuleSchema).min(1).max(200);

/** A version's life: proposed → active → retired (by the next activation; it may come back). */
export const ROUTING_TABLE_STATUSES = ['proposed', 'active', 'retired'] as const;
export const routingTableStatusSchema = z.enum(ROUTING_TABLE_STATUSES);
export type RoutingTableStatus = z.infer<typeof routingTableStatusSchema>;

/** One stored version without its rules (the versions list). */
export const routingTableSummarySchema = z
  .object({
    version: z.number().int().min(1),
    status: routingTableStatusSchema,
    ruleCount: z.number().int().min(0),
    note: z.string(),
    createdBy: z.string(),
    createdAt: instantSchema,
    activatedBy: z.string().nullable(),
    activatedAt: instantSchema.nullable(),
  })
  .strict();
export type RoutingTableSummary = z.infer<typeof routingTableSummarySchema>;

/** GET /api/routing-rules (the active version) and GET /api/routing-rules/versions/:version. */
export const routingTableDetailSchema = routingTableSummarySchema.extend({ rules: routingTableRulesSchema });
export type RoutingTableDetail = z.infer<typeof routingTableDetailSchema>;

export const routingTableListResponseSchema = z
  .object({ items: z.array(routingTableSummarySchema) })
  .strict();
export type RoutingTableListResponse = z.infer<typeof routingTableListResponseSchema>;

export const routingTableVersionParamsSchema = z
  .object({ version: z.coerce.number().int().min(1).max(1_000_000) })
  .strict();
export type RoutingTableVersionParams = z.infer<typeof routingTableVersionParamsSchema>;

const note = z.string().max(500).trim().min(1);

/** POST /api/routing-rules/versions: a new version, proposed (not active until activated). */
export const proposeRoutingTableRequestSchema = z.object({ rules: routingTableRulesSchema, note }).strict();
export type ProposeRoutingTableRequest = z.infer<typeof proposeRoutingTableRequestSchema>;

/** POST /api/routing-rules/versions/:version/activate: why (kept in the audit chain). */
export const activateRoutingTableRequestSchema = z.object({ note: note.optional() }).strict();
export type ActivateRoutingTableRequest = z.infer<typeof activateRoutingTableRequestSchema>;

export const activateRoutingTableResponseSchema = z
  .object({
    version: z.number().int().min(1),
    /** The version active before (itself when it already was); null when none was. */
    previous: z.number().int().min(1).nullable(),
    activatedAt: instantSchema,
  })
  .strict();
export type ActivateRoutingTableResponse = z.infer<typeof activateRoutingTableResponseSchema>;
