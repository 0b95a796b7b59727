import { z } from 'zod';
import { caseIdSchema, eventIdSchema, instantSchema } from '../ids';
import { geoPointSchema, regionRefSchema } from '../regions';

export const CASE_CHANNELS = ['window', 'hotline', 'grid-app', 'online', 'video'] as const;
export const caseChannelSchema = z.enum(CASE_CHANNELS);

/** The service tiers of domain.md, each a promise the case is held to. */
export const SERVICE_TIERS = ['consultation', 'simple', 'general', 'complex', 'major'] as const;
export const serviceTierSchema = z.enum(SERVICE_TIERS);
export type ServiceTier = z.infer<typeof serviceTierSchema>;

/**
 * The "1+6+N" units of domain.md that own a case: the center, its six sub-centers, and the
 * functional departments (N), named by `department` on the triage event.
 */
export const CASE_UNITS = [
  'center',
  'petition-reception',
  'litigation-service',
  'procuratorate-service',
  'public-legal-service',
  'dispute-resolution',
  'grid-management',
  'department',
] as const;
export const caseUnitSchema = z.enum(CASE_UNITS);
export type CaseUnit = z.infer<typeof caseUnitSchema>;

/** Hex SHA-256 of a party's normalised name and phone: what duplicate detection compares. */
export const partyKeySchema = z.string().regex(/^[0-9a-f]{64}$/);

export const CASE_CATEGORIES = [
  'neighbourhood',
  'marriage-family',
  'land-acquisition',
  'property-housing',
  'labour-wages',
  'contract-debt',
  'medical',
  'traffic',
  'environment',
  'consumer',
  'petition',
  'other',
] as const;
export const caseCategorySchema = z.enum(CASE_CATEGORIES);
export type CaseCategory = z.infer<typeof caseCategorySchema>;

export const riskFlagsSchema = z
  .object({
    violenceRisk: z.boolean().default(false),
    extremeWords: z.boolean().default(false),
    groupPetition: z.boolean().default(false),
    repeatVisits: z.number().int().min(0).max(1000).default(0),
  })
  .strict();
export type RiskFlags = z.infer<typeof riskFlagsSchema>;

/**
 * Personal data, kept apart from the rest of the event so it can be masked or dropped as a unit.
 * Never logged, never sent to the wall.
 */
export const partyPersonalDataSchema = z
  .object({
    name: z.string().min(1).max(64),
    phone: z
      .string()
      .regex(/^\+?\d[\d-]{5,19}$/)
      .optional(),
    idNumber: z
      .string()
      .regex(/^\d{17}[\dX]$/)
      .optional(),
  })
  .strict();
export type PartyPersonalData = z.infer<typeof partyPersonalDataSchema>;

const caseEventBase = {
  schema: z.literal('case.event.v1'),
  eventId: eventIdSchema,
  caseId: caseIdSchema,
  occurredAt: instantSchema,
  channel: caseChannelSchema,
  region: regionRefSchema,
  /** Who recorded the event through the API (a user id and role; never a name). */
  actor: z
    .object({ userId: z.string().min(1).max(64), role: z.string().min(1).max(32) })
    .strict()
    .optional(),
};

const text = (max: number) => z.string().min(1).max(max);

/** One event in a case's life. A case's events share `caseId` and keep their order on its partition. */
export const caseEventSchema = z.discriminatedUnion('type', [
  z
    .object({
      ...caseEventBase,
      type: z.literal('reported'),
      category: caseCategorySchema,
      summary: text(500),
      location: geoPointSchema.optional(),
      partiesCount: z.number().int().min(1).max(10_000),
      riskFlags: riskFlagsSchema,
      parties: z.array(partyPersonalDataSchema).max(50).default([]),
      /** One key per party (same order); lets stores find repeat visits without the raw data. */
      partyKeys: z.array(partyKeySchema).max(50).optional(),
      /** The case this one repeats (same parties and place within a few days), if the clerk said so. */
      repeatOf: caseIdSchema.optional(),
      /** When routing falls due (1 working day), fixed by the producer on the working-day calendar. */
      dueAt: instantSchema.optional(),
    })
    .strict(),
  z
    .object({
      ...caseEventBase,
      type: z.literal('triaged'),
      category: caseCategorySchema,
      tier: serviceTierSchema,
      department: text(64),
      unit: caseUnitSchema.optional(),
      /** Set when the clerk overrode the suggested routing. */
      overrideReason: text(500).optional(),
      /** When the tier's promise falls due, fixed by the producer on the working-day calendar. */
      dueAt: instantSchema.optional(),
    })
    .strict(),
  z
    .object({ ...caseEventBase, type: z.literal('assigned'), department: text(64), assignee: text(64) })
    .strict(),
  z
    .object({
      ...caseEventBase,
      type: z.literal('escalated'),
      toLevel: z.enum(['township', 'county', 'city']),
      reason: text(500),
    })
    .strict(),
  z
    .object({
      ...caseEventBase,
      type: z.literal('resolved'),
      outcome: z.enum(['mediated', 'adjudicated', 'withdrawn', 'referred']),
    })
    .strict(),
  z
    .object({
      ...caseEventBase,
      type: z.literal('closed'),
      satisfaction: z.number().int().min(1).max(5).optional(),
    })
    .strict(),
  z
    .object({
      ...caseEventBase,
      type: z.literal('reopened'),
      reason: text(500),
      /** The tier's clock restarts on reopening; when it falls due again. */
      dueAt: instantSchema.optional(),
    })
    .strict(),
  z
    .object({
      ...caseEventBase,
      type: z.literal('in-mediation'),
      mediator: text(64),
      /** Joint mediation: mediator + legal adviser + psychological counselor (domain.md). */
      joint: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      ...caseEventBase,
      type: z.literal('leader-assigned'),
      /** The leader in personal charge of a major dispute (领导包案). */
      leader: text(64),
      reason: text(500),
    })
    .strict(),
]);
export type CaseEvent = z.infer<typeof caseEventSchema>;
export type CaseEventType = CaseEvent['type'];
/** Every case event type, in lifecycle order. */
export const CASE_EVENT_TYPES = [
  'reported',
  'triaged',
  'assigned',
  'in-mediation',
  'escalated',
  'leader-assigned',
  'resolved',
  'closed',
  'reopened',
] as const satisfies readonly CaseEventType[];
