import { type z } from 'zod';
import { type UserRole } from '../api/auth';

/** One HTTP route: where it is, who may call it, what it takes and returns. */
export interface RouteSpec {
  readonly method: 'GET' | 'POST';
  /** Under the global `/api` prefix, with Nest-style `:params`. */
  readonly path: string;
  readonly summary: string;
  /** 'public' routes need no token; every other route lists exactly the roles allowed. */
  readonly access: 'public' | readonly UserRole[];
  readonly rateLimit?: 'login' | 'write';
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response?: z.ZodType;
  /** Non-JSON answers. */
  readonly produces?: 'text/csv' | 'text/plain' | 'text/html' | 'application/javascript';
  /**
   * How the route keeps a caller scoped to regions inside them (issue 17 #9): `region` — it takes a
   * region (in the query or body, or the region of the object it changes) and refuses one outside
   * the caller's with 403 OUT_OF_SCOPE, or narrows its list to nothing; `list` — it takes none and
   * answers only what lies in the caller's regions. Routes without it hold no regional data or act
   * on one object by id. The region-scope matrix spec probes every route that declares one.
   */
  readonly regionScope?: 'region' | 'list';
  /**
   * The route takes an optional `Idempotency-Key` header (1-128 printable ASCII): a retry with the
   * same key and body gets the first answer, the same key with another body 409
   * IDEMPOTENCY_KEY_REUSED (issue 17 #10). Callers pass it as the input's `idempotencyKey`.
   */
  readonly idempotencyKey?: 'optional';
}

/**
 * Every role that works with cases and alerts (not the account administrator or the auditor, who by
 * separation of duties see neither: issue 16).
 */
export const ALL: readonly UserRole[] = [
  'wall',
  'duty-officer',
  'analyst',
  'intake-clerk',
  'admin',
  'grid-worker',
];
/** Every signed-in role, for what concerns only the caller's own session and account. */
export const SIGNED_IN: readonly UserRole[] = [...ALL, 'auditor', 'account-admin'];
/** Who manages accounts: the account administrator only (separation of duties, MLPS level 3). */
export const ACCOUNT_ADMINS: readonly UserRole[] = ['account-admin'];
/** Who reads the audit log: the auditor only. */
export const AUDITORS: readonly UserRole[] = ['auditor'];
/** Who watches alerts, hotspots and cameras: everyone but the intake window. */
export const WATCHERS: readonly UserRole[] = ['wall', 'duty-officer', 'analyst', 'admin'];
/** Who changes an alert's state. */
export const RESPONDERS: readonly UserRole[] = ['duty-officer', 'admin'];
/** Bulk export leaves the system: analysts and administrators only. */
export const EXPORTERS: readonly UserRole[] = ['analyst', 'admin'];
/** Administrators only. */
export const ADMIN: readonly UserRole[] = ['admin'];
