import { z } from 'zod';

/** The roles of domain.md's "Who uses it", plus the administrator. */
export const USER_ROLES = ['wall', 'duty-officer', 'analyst', 'intake-clerk', 'admin'] as const;
export const userRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRoleSchema>;

/** A county (6-digit) or township (9-digit) code a user is scoped to. */
export const scopeRegionSchema = z
  .string()
  .regex(/^5119(\d{2}|\d{5})$/, 'region must be a county or township code');

export const loginRequestSchema = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const refreshRequestSchema = z.object({ refreshToken: z.string().min(20).max(200) }).strict();
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

/** Who is signed in; `regions` empty means the whole city. */
export const sessionUserSchema = z
  .object({
    userId: z.string().uuid(),
    username: z.string(),
    displayName: z.string(),
    role: userRoleSchema,
    regions: z.array(scopeRegionSchema),
  })
  .strict();
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** Answer to login and refresh: a short-lived access token and a rotating refresh token. */
export const tokenPairSchema = z
  .object({
    tokenType: z.literal('Bearer'),
    accessToken: z.string(),
    /** Seconds until the access token expires. */
    expiresIn: z.number().int().positive(),
    refreshToken: z.string(),
    refreshExpiresIn: z.number().int().positive(),
    user: sessionUserSchema,
  })
  .strict();
export type TokenPair = z.infer<typeof tokenPairSchema>;
