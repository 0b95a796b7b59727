import { z } from 'zod';

/**
 * The roles of domain.md's "Who uses it", plus the administrators. Separation of duties (MLPS level
 * 3, issue 16): `admin` runs the system (rules, routing, silences), `account-admin` manages accounts
 * and device tokens and sees no case and no rule, `auditor` reads the audit log and nothing else;
 * `grid-worker` sees and updates only the cases of its own grid cells.
 */
export const USER_ROLES = [
  'wall',
  'duty-officer',
  'analyst',
  'intake-clerk',
  'admin',
  'grid-worker',
  'auditor',
  'account-admin',
] as const;
export const userRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRoleSchema>;

/** A county (6-digit), township (9-digit) or, for grid workers, grid cell (15-digit) code a user is scoped to. */
export const scopeRegionSchema = z
  .string()
  .regex(/^[1-8]\d{3}(\d{2}|\d{5}|\d{11})$/, 'region must be a county, township or grid cell code');

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
    /** Only once, on the sign-in that completes a second-factor enrolment: single-use recovery codes. */
    recoveryCodes: z.array(z.string()).optional(),
  })
  .strict();
export type TokenPair = z.infer<typeof tokenPairSchema>;

/** A kiosk device token: `fqd_` + 32 random bytes base64url. Shown once at creation, stored hashed. */
export const deviceTokenSchema = z.string().regex(/^fqd_[A-Za-z0-9_-]{43}$/, 'not a device token');

/** POST /api/auth/device: a wall display signs in with its device token instead of a password. */
export const deviceLoginRequestSchema = z.object({ deviceToken: deviceTokenSchema }).strict();
export type DeviceLoginRequest = z.infer<typeof deviceLoginRequestSchema>;

/** POST /api/auth/device-tokens (admin): a token bound to a wall user, whose scope it signs in with. */
export const createDeviceTokenRequestSchema = z
  .object({
    /** The wall user the display signs in as. */
    username: z.string().min(1).max(64),
    /** Where the display hangs, e.g. "大厅主屏"; shown in the list so a lost device can be revoked. */
    label: z.string().max(100).trim().min(1),
    /** Days until the token stops working; without it, until revoked. */
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();
export type CreateDeviceTokenRequest = z.infer<typeof createDeviceTokenRequestSchema>;

export const deviceTokenInfoSchema = z
  .object({
    tokenId: z.string().uuid(),
    label: z.string(),
    username: z.string(),
    regions: z.array(scopeRegionSchema),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .strict();
export type DeviceTokenInfo = z.infer<typeof deviceTokenInfoSchema>;

/** The answer to creation: the only time the token itself is ever shown. */
export const createdDeviceTokenSchema = z
  .object({ info: deviceTokenInfoSchema, deviceToken: deviceTokenSchema })
  .strict();
export type CreatedDeviceToken = z.infer<typeof createdDeviceTokenSchema>;

export const deviceTokenListResponseSchema = z.object({ items: z.array(deviceTokenInfoSchema) }).strict();
export type DeviceTokenListResponse = z.infer<typeof deviceTokenListResponseSchema>;

export const deviceTokenIdParamsSchema = z.object({ tokenId: z.string().uuid() }).strict();
