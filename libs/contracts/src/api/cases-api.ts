import { z } from 'zod';
import {
  CASE_EVENT_TYPES,
  SERVICE_TIERS,
  caseCategorySchema,
  caseChannelSchema,
  caseUnitSchema,
  partyPersonalDataSchema,
  riskFlagsSchema,
  serviceTierSchema,
} from '../events/case-event';
import { caseIdSchema, eventIdSchema, instantSchema } from '../ids';
import { countyCodeSchema, geoPointSchema, regionRefSchema, townshipCodeSchema } from '../regions';
import { scopeRegionSchema, type UserRole } from './auth';
import { csvOf } from './query-params';

const reason = z.string().max(500).trim().min(1);
const name = z.string().max(64).trim().min(1);

/** Where a case stands in its lifecycle (the `cases` projection of its events). */
export const CASE_STATES = [
  'reported',
  'triaged',
  'assigned',
  'in-mediation',
  'resolved',
  'closed',
  'reopened',
] as const;
export const caseStateSchema = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof caseStateSchema>;

/**
 * The service-tier clock of a case: `on-track`, `at-risk` (less than a fifth of the window left),
 * `breached` (past due, still open); once resolved: `met` or `missed`; `none` without a deadline.
 */
export const CLOCK_STATUSES = ['on-track', 'at-risk', 'breached', 'met', 'missed', 'none'] as const;
export const clockStatusSchema = z.enum(CLOCK_STATUSES);
export type ClockStatus = z.infer<typeof clockStatusSchema>;

/** What the clock runs for: routing within one working day, then the tier's promise. */
export const caseClockSchema = z
  .object({
    kind: z.enum(['routing', 'tier']),
    startedAt: instantSchema,
    dueAt: instantSchema.nullable(),
    /** Milliseconds until due at the time of the answer; negative when overdue, null without deadline. */
    timeLeftMs: z.number().int().nullable(),
    status: clockStatusSchema,
  })
  .strict();
export type CaseClock = z.infer<typeof caseClockSchema>;

/** Routing decided by the rules (or by the clerk): tier, department and the "1+6+N" unit. */
export const routingSchema = z
  .object({ tier: serviceTierSchema, department: name, unit: caseUnitSchema })
  .strict();
export type Routing = z.infer<typeof routingSchema>;

/** GET /api/cases/routing: re-asked whenever the form's category or location changes. */
export const routingSuggestionQuerySchema = z
  .object({
    category: caseCategorySchema,
    county: countyCodeSchema,
    township: townshipCodeSchema,
    groupPetition: z.enum(['true', 'false']).optional(),
    violenceRisk: z.enum(['true', 'false']).optional(),
    /** When the case came in; defaults to now (rules can depend on the hour and weekday). */
    at: instantSchema.optional(),
  })
  .strict();
export type RoutingSuggestionQuery = z.infer<typeof routingSuggestionQuerySchema>;

export const routingSuggestionSchema = z
  .object({
    routing: routingSchema,
    ruleId: z.string(),
    ruleTitle: z.string(),
    /** The routing-table version that made the suggestion (GET /api/routing-rules shows it whole). */
    tableVersion: z.number().int().min(1),
    /** When routing must be done (1 working day) and when the tier would fall due if triaged now. */
    routingDueAt: instantSchema,
    tierDueAt: instantSchema.nullable(),
  })
  .strict();
export type RoutingSuggestion = z.infer<typeof routingSuggestionSchema>;

/** A party as the intake form sends it (personal data: never in a URL, never logged). */
export const intakePartySchema = partyPersonalDataSchema;

/** POST /api/cases/duplicates: same parties and place within `withinDays` → repeat-visit candidates. */
export const duplicateCheckRequestSchema = z
  .object({
    region: regionRefSchema,
    parties: z.array(intakePartySchema).min(1).max(50),
    withinDays: z.number().int().min(1).max(365).default(30),
  })
  .strict();
export type DuplicateCheckRequest = z.infer<typeof duplicateCheckRequestSchema>;

export const duplicateCandidateSchema = z
  .object({
    caseId: caseIdSchema,
    reportedAt: instantSchema,
    state: caseStateSchema,
    category: caseCategorySchema,
    township: townshipCodeSchema,
    /** How many of the request's parties the earlier case shares. */
    matchedParties: z.number().int().min(1),
  })
  .strict();
export const duplicateCandidatesSchema = z.object({ items: z.array(duplicateCandidateSchema) }).strict();
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;
export type DuplicateCandidates = z.infer<typeof duplicateCandidatesSchema>;

/** POST /api/cases: a case from the window, hotline, grid app or online. */
export const caseIntakeRequestSchema = z
  .object({
    channel: caseChannelSchema,
    region: regionRefSchema,
    location: geoPointSchema.optional(),
    category: caseCategorySchema,
    summary: z.string().max(500).trim().min(1),
    parties: z.array(intakePartySchema).min(1).max(50),
    /** People involved, when more than the parties named (a group petition). */
    partiesCount: z.number().int().min(1).max(10_000).optional(),
    riskFlags: riskFlagsSchema.partial().strict().default({}),
    /** The clerk's routing when it differs from the suggestion; then `overrideReason` is required. */
    routing: routingSchema.optional(),
    overrideReason: reason.optional(),
    /** A duplicate candidate the clerk confirmed: the case is recorded as a repeat visit of it. */
    repeatOf: caseIdSchema.optional(),
  })
  .strict()
  .refine((r) => r.routing === undefined || r.overrideReason !== undefined, {
    message: 'an overridden routing needs a reason',
    path: ['overrideReason'],
  });
export type CaseIntakeRequest = z.infer<typeof caseIntakeRequestSchema>;

/** 202: the events are on Kafka; the case appears in lists once ingest stored them (≈ a second). */
export const caseIntakeResponseSchema = z
  .object({
    caseId: caseIdSchema,
    eventIds: z.object({ reported: eventIdSchema, triaged: eventIdSchema }).strict(),
    routing: routingSchema,
    suggestion: routingSuggestionSchema,
    overridden: z.boolean(),
    duplicates: z.array(duplicateCandidateSchema),
  })
  .strict();
export type CaseIntakeResponse = z.infer<typeof caseIntakeResponseSchema>;

/** GET /api/cases: filters AND together, lists within one filter OR. Oldest due first. */
export const caseListQuerySchema = z
  .object({
    region: scopeRegionSchema.optional(),
    tier: csvOf(SERVICE_TIERS).optional(),
    state: csvOf(CASE_STATES).optional(),
    clock: csvOf(CLOCK_STATUSES).optional(),
    /** Case id prefix or words of the summary. Never searches personal data. */
    text: z.string().max(100).trim().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .strict();
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const caseSummarySchema = z
  .object({
    caseId: caseIdSchema,
    state: caseStateSchema,
    channel: caseChannelSchema,
    category: caseCategorySchema,
    summary: z.string(),
    region: regionRefSchema,
    tier: serviceTierSchema.nullable(),
    department: z.string().nullable(),
    unit: caseUnitSchema.nullable(),
    assignee: z.string().nullable(),
    leader: z.string().nullable(),
    escalatedTo: z.enum(['township', 'county', 'city']).nullable(),
    reportedAt: instantSchema,
    updatedAt: instantSchema,
    repeatOf: caseIdSchema.nullable(),
    clock: caseClockSchema,
  })
  .strict();
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListResponseSchema = z
  .object({ items: z.array(caseSummarySchema), total: z.number().int().min(0) })
  .strict();
export type CaseListResponse = z.infer<typeof caseListResponseSchema>;

export const caseIdParamsSchema = z.object({ caseId: caseIdSchema }).strict();

/** A party as shown: masked (surname + 某, 138****5678, no ID number) unless revealed. */
export const casePartyViewSchema = z
  .object({ name: z.string(), phone: z.string().optional(), idNumber: z.string().optional() })
  .strict();

export const caseTimelineEntrySchema = z
  .object({
    eventId: eventIdSchema,
    type: z.enum(CASE_EVENT_TYPES),
    occurredAt: instantSchema,
    channel: caseChannelSchema,
    actor: z.object({ userId: z.string(), role: z.string() }).strict().nullable(),
    /** The event's own fields (tier, department, assignee, reason, ...), without personal data. */
    detail: z.record(z.string(), z.unknown()),
  })
  .strict();
export type CaseTimelineEntry = z.infer<typeof caseTimelineEntrySchema>;

export const caseDetailSchema = z
  .object({
    case: caseSummarySchema,
    location: geoPointSchema.nullable(),
    riskFlags: riskFlagsSchema,
    partiesCount: z.number().int().min(1),
    partiesView: z.enum(['masked', 'full']),
    parties: z.array(casePartyViewSchema),
    satisfaction: z.number().int().min(1).max(5).nullable(),
    timeline: z.array(caseTimelineEntrySchema),
    /** The alerts the case was made from (POST /api/alerts/:alertId/case), oldest first. */
    fromAlerts: z.array(z.string().uuid()).optional(),
  })
  .strict();
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/** Roles that may see a case's parties unmasked, each view audited; walls and analysts never. */
export const PARTY_REVEAL_ROLES: readonly UserRole[] = ['duty-officer', 'intake-clerk', 'admin'];

/**
 * POST /api/cases/:caseId/reveal: the full parties, for a stated reason that goes into the audit row
 * written in the same transaction as the read. A POST, so the reason never travels in a URL.
 */
export const caseRevealRequestSchema = z
  .object({ reason: z.string().trim().min(2, 'state why the full data is needed').max(200) })
  .strict();
export type CaseRevealRequest = z.infer<typeof caseRevealRequestSchema>;

/** POST /api/cases/:caseId/triage: confirm the suggestion (no body fields) or override with a reason. */
export const triageCommandSchema = z
  .object({ routing: routingSchema.optional(), overrideReason: reason.optional() })
  .strict()
  .refine((r) => r.routing === undefined || r.overrideReason !== undefined, {
    message: 'an overridden routing needs a reason',
    path: ['overrideReason'],
  });
export const assignCommandSchema = z.object({ department: name, assignee: name }).strict();
export const mediationCommandSchema = z
  .object({ mediator: name, joint: z.boolean().default(false) })
  .strict();
export const resolveCaseCommandSchema = z
  .object({ outcome: z.enum(['mediated', 'adjudicated', 'withdrawn', 'referred']) })
  .strict();
export const closeCommandSchema = z.object({ satisfaction: z.number().int().min(1).max(5) }).strict();
export const reopenCommandSchema = z.object({ reason }).strict();
export const escalateCommandSchema = z
  .object({ toLevel: z.enum(['township', 'county', 'city']), reason })
  .strict();
export const leaderCommandSchema = z.object({ leader: name, reason }).strict();
export type TriageCommand = z.infer<typeof triageCommandSchema>;
export type AssignCommand = z.infer<typeof assignCommandSchema>;
export type MediationCommand = z.infer<typeof mediationCommandSchema>;
export type ResolveCaseCommand = z.infer<typeof resolveCaseCommandSchema>;
export type CloseCommand = z.infer<typeof closeCommandSchema>;
export type ReopenCommand = z.infer<typeof reopenCommandSchema>;
export type EscalateCommand = z.infer<typeof escalateCommandSchema>;
export type LeaderCommand = z.infer<typeof leaderCommandSchema>;

/** 202 to every lifecycle command: the event is on Kafka; `state` is where the case goes. */
export const caseCommandResponseSchema = z
  .object({
    caseId: caseIdSchema,
    eventId: eventIdSchema,
    type: z.enum(CASE_EVENT_TYPES),
    state: caseStateSchema,
  })
  .strict();
export type CaseCommandResponse = z.infer<typeof caseCommandResponseSchema>;
