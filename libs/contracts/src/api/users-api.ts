import { z } from 'zod';
import { scopeRegionSchema, userRoleSchema, type UserRole } from './auth';

/** Why an account was changed: required on every change, it goes into the audit row. */
const reasonSchema = z.string().max(500).trim().min(2);

/** Lower-case names, as the `users` table's check allows. */
export const usernameSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'username: 2-64 of a-z 0-9 . _ - (lower case)');

/** Roles that must sign in with a second factor (when the API requires it: always in production). */
export const TOTP_REQUIRED_ROLES: readonly UserRole[] = ['admin', 'account-admin'];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const PASSWORD_PROBLEMS = ['too-short', 'too-long', 'too-few-kinds', 'contains-username'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/**
 * The password policy (one home, shown on the screen and enforced by the API): 12 to 256
 * characters, at least three of lower case, upper case, digits and other characters, and not
 * containing the username.
 */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('too-short');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('too-long');
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  if (kinds < 3) problems.push('too-few-kinds');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('contains-username');
  return problems;
}

/** A grid worker is scoped to grid cells (at least one); every other role to counties or townships. */
export function regionProblem(role: UserRole, regions: readonly string[]): string | null {
  const grid = regions.filter((r) => r.length === 15).length;
  if (role === 'grid-worker')
    return regions.length > 0 && grid === regions.length ? null : 'a grid worker needs grid cell codes';
  return grid === 0 ? null : 'only a grid worker is scoped to grid cells';
}

export const userInfoSchema = z
  .object({
    userId: z.string().uuid(),
    username: z.string(),
    displayName: z.string(),
    role: userRoleSchema,
    regions: z.array(scopeRegionSchema),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type UserInfo = z.infer<typeof userInfoSchema>;

const regionsSchema = z.array(scopeRegionSchema).max(50);

/** POST /api/users: the API makes a temporary password, shown once; the user replaces it at sign-in. */
export const createUserRequestSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().max(64).trim().min(1),
    role: userRoleSchema,
    regions: regionsSchema,
    reason: reasonSchema,
  })
  .strict();
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

/** POST /api/users/:userId: role, regions or display name, with why. */
export const updateUserRequestSchema = z
  .object({
    displayName: z.string().max(64).trim().min(1).optional(),
    role: userRoleSchema.optional(),
    regions: regionsSchema.optional(),
    reason: reasonSchema,
  })
  .strict();
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

/** Disable, enable, reset the password or the second factor: only why. */
export const userActionRequestSchema = z.object({ reason: reasonSchema }).strict();
export type UserActionRequest = z.infer<typeof userActionRequestSchema>;

export const userIdParamsSchema = z.object({ userId: z.string().uuid() }).strict();

/** A changed account; `temporaryPassword` only on creation and password reset, shown once. */
export const userChangeResponseSchema = z
  .object({ user: userInfoSchema, temporaryPassword: z.string().optional() })
  .strict();
export type UserChangeResponse = z.infer<typeof userChangeResponseSchema>;

export const USER_STATUSES = ['active', 'disabled'] as const;

export const userListQuerySchema = z
  .object({
    role: userRoleSchema.optional(),
    /** Users scoped to this region or inside it (a county finds its townships' and grid cells' users). */
    region: z
      .string()
      .regex(/^[1-8]\d{5,14}$/)
      .optional(),
    status: z.enum(USER_STATUSES).optional(),
    /** Part of a username or display name. */
    text: z.string().max(64).trim().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const userListResponseSchema = z
  .object({ items: z.array(userInfoSchema), total: z.number().int().min(0) })
  .strict();
export type UserListResponse = z.infer<typeof userListResponseSchema>;
