import {
  createDeviceTokenRequestSchema,
  createdDeviceTokenSchema,
  deviceLoginRequestSchema,
  deviceTokenIdParamsSchema,
  deviceTokenInfoSchema,
  deviceTokenListResponseSchema,
  tokenPairSchema,
} from '../api/auth';
import { ACCOUNT_ADMINS, ADMIN, type RouteSpec } from './route-spec';

/** Who issues and revokes wall displays' credentials: the account and the system administrator. */
const DEVICE_ADMINS = [...ACCOUNT_ADMINS, ...ADMIN] as const;

/** Kiosk sign-in of wall displays and the administration of their device tokens. */
export const DEVICE_TOKEN_ROUTES = {
  'auth.device': {
    method: 'POST',
    path: 'auth/device',
    summary: 'A wall display exchanges its device token for tokens (role wall)',
    access: 'public',
    rateLimit: 'login',
    body: deviceLoginRequestSchema,
    response: tokenPairSchema,
  },
  'auth.deviceTokens.create': {
    method: 'POST',
    path: 'auth/device-tokens',
    summary: 'Issue a device token bound to a wall user (the token is shown once)',
    access: DEVICE_ADMINS,
    rateLimit: 'write',
    body: createDeviceTokenRequestSchema,
    response: createdDeviceTokenSchema,
  },
  'auth.deviceTokens.list': {
    method: 'GET',
    path: 'auth/device-tokens',
    summary: 'Device tokens, newest first (never the tokens themselves)',
    access: DEVICE_ADMINS,
    response: deviceTokenListResponseSchema,
  },
  'auth.deviceTokens.revoke': {
    method: 'POST',
    path: 'auth/device-tokens/:tokenId/revoke',
    summary: 'Revoke a device token and end the sessions it started',
    access: DEVICE_ADMINS,
    rateLimit: 'write',
    params: deviceTokenIdParamsSchema,
    response: deviceTokenInfoSchema,
  },
} as const satisfies Record<string, RouteSpec>;
