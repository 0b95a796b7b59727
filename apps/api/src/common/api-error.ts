import { type ApiErrorCode } from '@fengqiao/contracts';

export interface ApiIssue {
  readonly path: string;
  readonly message: string;
}

/** A feature failure with a code; the HTTP filter and the socket middleware map the code. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: readonly ApiIssue[],
    /** Seconds the caller should wait (429s): the body's retryAfter and the Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The one mapping from error code to HTTP status; exhaustive, so a new code cannot be forgotten. */
export function httpStatusOf(code: ApiErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'MALFORMED_BODY':
    case 'ACK_LINK_INVALID':
    case 'FORBIDDEN_CHARACTER':
      return 400;
    case 'UNAUTHENTICATED':
    case 'TOKEN_INVALID':
    case 'TOKEN_EXPIRED':
    case 'INVALID_CREDENTIALS':
    case 'REFRESH_INVALID':
      return 401;
    case 'FORBIDDEN':
    case 'OUT_OF_SCOPE':
    case 'ACK_LINK_NOT_YOURS':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'ALERT_VERSION_CONFLICT':
    case 'ALERT_INVALID_TRANSITION':
    case 'CASE_INVALID_TRANSITION':
    case 'ACK_LINK_USED':
    case 'ALERT_CASE_EXISTS':
      return 409;
    case 'ACK_LINK_EXPIRED':
      return 410;
    case 'BODY_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'ALERT_NOTE_REQUIRED':
    case 'ALERT_NOT_SILENCEABLE':
    case 'DISPATCH_UNIT_UNKNOWN':
    case 'IDEMPOTENCY_KEY_REUSED':
      return 422;
    case 'RATE_LIMITED':
    case 'LOGIN_THROTTLED':
      return 429;
    case 'INTERNAL':
      return 500;
  }
}
