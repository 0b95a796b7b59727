import { z } from 'zod';
import {
  ALERT_COLOURS,
  ALERT_STATES,
  alertChangeKindSchema,
  alertSchema,
  escalationLevelSchema,
  resolutionOutcomeSchema,
} from '../alerts/alert';
import { analyticsKindSchema } from '../events/camera-event';
import { CASE_EVENT_TYPES, caseCategorySchema } from '../events/case-event';
import { cameraIdSchema, caseIdSchema, eventIdSchema, instantSchema } from '../ids';
import { countyCodeSchema, townshipCodeSchema } from '../regions';
import { scopeRegionSchema } from './auth';
import { csvOf } from './query-params';

/** GET /api/alerts: filters combine with AND; lists within one filter with OR. Newest first. */
export const alertListQuerySchema = z
  .object({
    colour: csvOf(ALERT_COLOURS).optional(),
    state: csvOf(ALERT_STATES).optional(),
    region: scopeRegionSchema.optional(),
    ruleId: z.string().min(1).max(80).optional(),
    from: instantSchema.optional(),
    to: instantSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Opaque cursor from the previous page's `nextCursor`. */
    cursor: z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
  })
  .strict();
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;

export const alertListResponseSchema = z
  .object({ items: z.array(alertSchema), nextCursor: z.string().nullable() })
  .strict();
export type AlertListResponse = z.infer<typeof alertListResponseSchema>;

/** One line of an alert's history, oldest first. */
export const alertHistoryEntrySchema = z
  .object({
    seq: z.number().int().min(1),
    version: z.number().int().min(1),
    change: alertChangeKindSchema,
    occurredAt: instantSchema,
    /** Who acted; `name` is the account's display name (staff, never a case party) when it has one. */
    actor: z
      .object({ userId: z.string(), role: z.string(), name: z.string().optional() })
      .strict()
      .optional(),
    note: z.string().optional(),
  })
  .strict();
export type AlertHistoryEntry = z.infer<typeof alertHistoryEntrySchema>;

/**
 * One event of an alert's evidence as a person reads it: what a camera's analytics saw, where and
 * when, and the snapshot it kept (`snapshotRef`, as the camera reported it), if any.
 */
export const alertEvidenceEventSchema = z
  .object({
    eventId: eventIdSchema,
    occurredAt: instantSchema,
    cameraId: cameraIdSchema,
    cameraName: z.string().optional(),
    kind: analyticsKindSchema,
    confidence: z.number().min(0).max(1),
    headCount: z.number().int().min(0).optional(),
    snapshotRef: z.string().max(256).optional(),
  })
  .strict();
export type AlertEvidenceEvent = z.infer<typeof alertEvidenceEventSchema>;

/**
 * One case event of an alert's evidence as a person reads it: which case, what happened to it, when
 * and where. Never personal data: no summary, no parties, no free text of any kind (a wall reads it).
 */
export const alertEvidenceCaseEventSchema = z
  .object({
    eventId: eventIdSchema,
    occurredAt: instantSchema,
    caseId: caseIdSchema,
    type: z.enum(CASE_EVENT_TYPES),
    county: countyCodeSchema,
    township: townshipCodeSchema,
    category: caseCategorySchema.optional(),
  })
  .strict();
export type AlertEvidenceCaseEvent = z.infer<typeof alertEvidenceCaseEventSchema>;

/** GET /api/alerts/:alertId: the alert with its explanation and evidence, and its history. */
export const alertDetailSchema = z
  .object({
    alert: alertSchema,
    history: z.array(alertHistoryEntrySchema),
    /** The case the alert was turned into (POST /api/alerts/:alertId/case), if any. */
    caseId: caseIdSchema.optional(),
    /** The camera analytics events among the evidence (newest first, at most 20), with their facts. */
    evidenceEvents: z.array(alertEvidenceEventSchema).max(20).optional(),
    /** The case events among the evidence (newest first, at most 20), without personal data. */
    evidenceCaseEvents: z.array(alertEvidenceCaseEventSchema).max(20).optional(),
  })
  .strict();
export type AlertDetail = z.infer<typeof alertDetailSchema>;

export const alertIdParamsSchema = z.object({ alertId: z.string().uuid() }).strict();

const version = z.number().int().min(1);
const note = z.string().max(1000).trim().min(1);

/** A red alert needs a note (domain.md: "acknowledge them (with a note)"); checked by the service. */
export const acknowledgeRequestSchema = z.object({ version, note: note.optional() }).strict();
export const dispatchRequestSchema = z
  .object({ version, unit: z.string().max(100).trim().min(1), note: note.optional() })
  .strict();
export const resolveRequestSchema = z
  .object({ version, outcome: resolutionOutcomeSchema, note: note.optional() })
  .strict();
export const silenceRequestSchema = z
  .object({
    version,
    minutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    note,
  })
  .strict();
/**
 * Escalate by hand (domain.md: duty officers "acknowledge, dispatch, escalate"): the note says why.
 * Without `toLevel` the alert climbs one level of ESCALATION_LEVELS; a level at or below the current
 * one is refused.
 */
export const escalateRequestSchema = z
  .object({ version, note, toLevel: escalationLevelSchema.optional() })
  .strict();
export type EscalateRequest = z.infer<typeof escalateRequestSchema>;
export type AcknowledgeRequest = z.infer<typeof acknowledgeRequestSchema>;
export type DispatchRequest = z.infer<typeof dispatchRequestSchema>;
export type ResolveRequest = z.infer<typeof resolveRequestSchema>;
export type SilenceRequest = z.infer<typeof silenceRequestSchema>;

/** The answer to a transition: the alert after it and the sequence number of the change. */
export const transitionResponseSchema = z
  .object({ alert: alertSchema, seq: z.number().int().min(1) })
  .strict();
export type TransitionResponse = z.infer<typeof transitionResponseSchema>;
