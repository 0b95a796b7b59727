import { z } from 'zod';

/** Every error code the HTTP API and the live stream answer with; each maps to one HTTP status. */
export const API_ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_BODY',
  'BODY_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'INVALID_CREDENTIALS',
  'REFRESH_INVALID',
  'FORBIDDEN',
  'OUT_OF_SCOPE',
  'NOT_FOUND',
  'ALERT_VERSION_CONFLICT',
  'ALERT_INVALID_TRANSITION',
  'ALERT_NOTE_REQUIRED',
  'ALERT_NOT_SILENCEABLE',
  // The alert was already turned into a case (issue 20): the message names it.
  'ALERT_CASE_EXISTS',
  // A dispatch names a unit that does not stand at the alert's township or county (issue 20).
  'DISPATCH_UNIT_UNKNOWN',
  'CASE_INVALID_TRANSITION',
  'FORBIDDEN_CHARACTER',
  'IDEMPOTENCY_KEY_REUSED',
  // Acknowledging from a notification's link (issue 16): forged or malformed, sent to someone
  // else, already used, expired.
  'ACK_LINK_INVALID',
  'ACK_LINK_NOT_YOURS',
  'ACK_LINK_USED',
  'ACK_LINK_EXPIRED',
  'RATE_LIMITED',
  'LOGIN_THROTTLED',
  'INTERNAL',
] as const;
export const apiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

/** The body of every 4xx/5xx answer: never a stack trace, never personal data. */
export const apiErrorBodySchema = z
  .object({
    statusCode: z.number().int(),
    code: apiErrorCodeSchema,
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() }).strict()).optional(),
    /** Seconds to wait before trying again (429s; also the Retry-After header). */
    retryAfter: z.number().int().min(1).optional(),
  })
  .strict();
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
