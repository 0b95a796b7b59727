import { z } from 'zod';
import { eventIdSchema, instantSchema } from '../ids';
import { countyCodeSchema, geoPointSchema, gridCellIdSchema, townshipCodeSchema } from '../regions';

/** The three-colour warning of domain.md, in rising severity. */
export const ALERT_COLOURS = ['blue', 'orange', 'red'] as const;
export const alertColourSchema = z.enum(ALERT_COLOURS);
export type AlertColour = z.infer<typeof alertColourSchema>;

/**
 * raised → acknowledged → dispatched → resolved → closed; side states silenced, escalated,
 * reopened (it came back within the reopen period).
 */
export const ALERT_STATES = [
  'raised',
  'acknowledged',
  'dispatched',
  'resolved',
  'closed',
  'silenced',
  'escalated',
  'reopened',
] as const;
export const alertStateSchema = z.enum(ALERT_STATES);
export type AlertState = z.infer<typeof alertStateSchema>;

/** The chain a red alert climbs when nobody acknowledges it. */
export const ESCALATION_LEVELS = ['grid', 'township', 'county', 'city'] as const;
export const escalationLevelSchema = z.enum(ESCALATION_LEVELS);
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;

export const RESOLUTION_OUTCOMES = ['real-incident', 'false-alarm', 'duplicate'] as const;
export const resolutionOutcomeSchema = z.enum(RESOLUTION_OUTCOMES);

const scalar = z.union([z.number(), z.string(), z.boolean()]);

/** Why an alert fired: the rule and version, the evidence, the values compared and the thresholds. */
export const alertExplanationSchema = z
  .object({
    summary: z.string().max(500),
    evidence: z.array(eventIdSchema).max(200),
    values: z.record(z.string(), scalar),
    thresholds: z.record(z.string(), scalar),
  })
  .strict();
export type AlertExplanation = z.infer<typeof alertExplanationSchema>;

/** An alert as stored and as shown; carries no personal data. */
export const alertSchema = z
  .object({
    alertId: z.string().uuid(),
    dedupKey: z.string().min(1).max(200),
    ruleId: z.string().min(1).max(80),
    ruleVersion: z.number().int().min(1),
    colour: alertColourSchema,
    state: alertStateSchema,
    /** Incremented by every transition; a transition naming a stale version is refused. */
    version: z.number().int().min(1),
    title: z.string().min(1).max(200),
    region: z
      .object({
        county: countyCodeSchema,
        township: townshipCodeSchema.optional(),
        grid: gridCellIdSchema.optional(),
      })
      .strict(),
    location: geoPointSchema.optional(),
    escalationLevel: escalationLevelSchema,
    raisedAt: instantSchema,
    updatedAt: instantSchema,
    acknowledgedAt: instantSchema.optional(),
    resolvedAt: instantSchema.optional(),
    outcome: resolutionOutcomeSchema.optional(),
    explanation: alertExplanationSchema,
  })
  .strict();
export type Alert = z.infer<typeof alertSchema>;

export const ALERT_CHANGES = [
  'raised',
  'updated',
  'acknowledged',
  'dispatched',
  'escalated',
  'resolved',
  'closed',
  'silenced',
  'reopened',
] as const;
export const alertChangeKindSchema = z.enum(ALERT_CHANGES);
export type AlertChangeKind = z.infer<typeof alertChangeKindSchema>;

/**
 * One change of one alert, as published on the alerts topic and streamed to clients. `seq` is the
 * global, monotonic sequence the database assigned; a reconnecting client resumes after its last seq.
 */
export const alertChangedSchema = z
  .object({
    schema: z.literal('alert.changed.v1'),
    eventId: eventIdSchema,
    occurredAt: instantSchema,
    seq: z.number().int().min(1),
    change: alertChangeKindSchema,
    alert: alertSchema,
    actor: z
      .object({ userId: z.string().max(64), role: z.string().max(32) })
      .strict()
      .optional(),
    note: z.string().max(1000).optional(),
  })
  .strict();
export type AlertChanged = z.infer<typeof alertChangedSchema>;
