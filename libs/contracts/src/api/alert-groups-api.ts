import { z } from 'zod';
import { alertStateSchema } from '../alerts/alert';

/** At most this many members in one group command (the wall keeps 500 alerts). */
export const GROUP_COMMAND_MAX_MEMBERS = 500;

const version = z.number().int().min(1);
const note = z.string().max(1000).trim().min(1);

/** One member of a group as the caller saw it: the version guards it like a single transition. */
export const groupMemberSchema = z.object({ alertId: z.string().uuid(), version }).strict();

const members = z
  .array(groupMemberSchema)
  .min(1)
  .max(GROUP_COMMAND_MAX_MEMBERS)
  .refine((m) => new Set(m.map((x) => x.alertId)).size === m.length, 'each alert once');

/**
 * POST /api/alerts/groups/acknowledge: every member of one group (rule, cause, area), each through
 * the single acknowledgement (its own version check, change, outbox row and audit row).
 */
export const groupAcknowledgeRequestSchema = z.object({ members, note: note.optional() }).strict();
export type GroupAcknowledgeRequest = z.infer<typeof groupAcknowledgeRequestSchema>;

/** POST /api/alerts/groups/silence: every member silenced for `minutes`, each audited. */
export const groupSilenceRequestSchema = z
  .object({
    members,
    minutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    note,
  })
  .strict();
export type GroupSilenceRequest = z.infer<typeof groupSilenceRequestSchema>;

/** What happened to one member: done (its new state, version and change seq) or refused with a code. */
export const groupMemberResultSchema = z.discriminatedUnion('ok', [
  z
    .object({
      alertId: z.string().uuid(),
      ok: z.literal(true),
      state: alertStateSchema,
      version,
      seq: z.number().int().min(1),
    })
    .strict(),
  z
    .object({ alertId: z.string().uuid(), ok: z.literal(false), code: z.string(), message: z.string() })
    .strict(),
]);
export type GroupMemberResult = z.infer<typeof groupMemberResultSchema>;

/** The answer: one result per member, in the request's order, and how many were changed. */
export const groupCommandResponseSchema = z
  .object({ done: z.number().int().min(0), results: z.array(groupMemberResultSchema) })
  .strict();
export type GroupCommandResponse = z.infer<typeof groupCommandResponseSchema>;
