import { z } from 'zod';
import { tokenPairSchema } from './auth';

/**
 * What a sign-in still needs before it gets tokens, in this order: a new password (after a reset
 * or on a new account), then the second factor (`totp`), or its enrolment (`totp-enrol`, an
 * administrator without one where the API requires it).
 */
export const LOGIN_STEPS = ['password-change', 'totp', 'totp-enrol'] as const;
export type LoginStep = (typeof LOGIN_STEPS)[number];

/** A TOTP secret to put into an authenticator app: base32 and the otpauth:// URI (for a QR code). */
export const totpEnrolmentSchema = z.object({ secret: z.string(), otpauthUri: z.string() }).strict();
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

export const loginChallengeSchema = z
  .object({
    next: z.enum(LOGIN_STEPS),
    /** Short-lived, signed, bound to the user and the step; sent back with the step's answer. */
    challenge: z.string(),
    expiresIn: z.number().int().positive(),
    enrolment: totpEnrolmentSchema.optional(),
  })
  .strict();
export type LoginChallenge = z.infer<typeof loginChallengeSchema>;

/** The answer to a sign-in step: tokens, or the next step. */
export const loginAnswerSchema = z.union([tokenPairSchema, loginChallengeSchema]);
export type LoginAnswer = z.infer<typeof loginAnswerSchema>;

const challengeSchema = z.string().min(20).max(2048);

export const loginPasswordStepSchema = z
  .object({ challenge: challengeSchema, newPassword: z.string().min(1).max(256) })
  .strict();
export type LoginPasswordStep = z.infer<typeof loginPasswordStepSchema>;

/** Six digits from the app, or one of the recovery codes (xxxx-xxxx-xxxx). */
export const secondFactorCodeSchema = z
  .string()
  .max(32)
  .regex(/^(\d{6}|[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})$/, 'six digits or a recovery code');

export const loginTotpStepSchema = z
  .object({ challenge: challengeSchema, code: secondFactorCodeSchema })
  .strict();
export type LoginTotpStep = z.infer<typeof loginTotpStepSchema>;

/** Confirming an enrolment or turning the factor off: a current code from the app. */
export const totpCodeRequestSchema = z
  .object({
    code: z
      .string()
      .max(6)
      .regex(/^\d{6}$/, 'six digits'),
  })
  .strict();
export type TotpCodeRequest = z.infer<typeof totpCodeRequestSchema>;

export const recoveryCodesResponseSchema = z.object({ recoveryCodes: z.array(z.string()) }).strict();
export type RecoveryCodesResponse = z.infer<typeof recoveryCodesResponseSchema>;

/** GET /api/audit: the log, newest first, for the auditor. */
export const auditListQuerySchema = z
  .object({
    action: z.string().max(64).trim().min(1).optional(),
    actorUserId: z.string().max(64).trim().min(1).optional(),
    targetType: z.string().max(64).trim().min(1).optional(),
    targetId: z.string().max(128).trim().min(1).optional(),
    /** Paging: entries older than this sequence number. */
    beforeSeq: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    occurredAt: z.string(),
    actorUserId: z.string(),
    actorRole: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    detail: z.record(z.string(), z.unknown()),
  })
  .strict();
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditListResponseSchema = z.object({ items: z.array(auditEntrySchema) }).strict();
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;
