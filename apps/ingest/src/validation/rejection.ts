/** Why a message was refused; each code maps to a dead letter (consumer) and an HTTP status (intake). */
export type RejectCode =
  | 'EMPTY'
  | 'OVERSIZED'
  | 'NOT_UTF8'
  | 'NOT_JSON'
  | 'FORBIDDEN_KEY'
  | 'FORBIDDEN_CHARACTER'
  | 'SCHEMA_INVALID'
  | 'INCONSISTENT_IDS'
  | 'TIMESTAMP_OUT_OF_RANGE'
  | 'UNKNOWN_CAMERA'
  | 'UNKNOWN_CASE'
  | 'DB_REJECTED'
  /** A region code or camera id of another city than the configured one (FQ_CITY_CODE). */
  | 'REGION_OUTSIDE_CITY'
  /** A location outside the configured city's extent (its outlines' bounding box + a margin). */
  | 'LOCATION_OUTSIDE_CITY';

export interface Rejection {
  readonly code: RejectCode;
  /** Precise and free of personal data: zod issue paths and messages, never field values. */
  readonly reason: string;
}

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly rejection: Rejection };

export const reject = (code: RejectCode, reason: string): { ok: false; rejection: Rejection } => ({
  ok: false,
  rejection: { code, reason: reason.length > 1000 ? `${reason.slice(0, 997)}...` : reason },
});

/** The HTTP status of a refused intake request. */
export function httpStatusOf(code: RejectCode): 400 | 413 | 422 {
  switch (code) {
    case 'OVERSIZED':
      return 413;
    case 'UNKNOWN_CAMERA':
    case 'UNKNOWN_CASE':
    case 'DB_REJECTED':
    case 'REGION_OUTSIDE_CITY':
    case 'LOCATION_OUTSIDE_CITY':
      return 422;
    case 'EMPTY':
    case 'NOT_UTF8':
    case 'NOT_JSON':
    case 'FORBIDDEN_KEY':
    case 'FORBIDDEN_CHARACTER':
    case 'SCHEMA_INVALID':
    case 'INCONSISTENT_IDS':
    case 'TIMESTAMP_OUT_OF_RANGE':
      return 400;
  }
}
