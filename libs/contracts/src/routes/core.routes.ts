import { auditVerifyResponseSchema } from '../api/audit-api';
import { loginRequestSchema, refreshRequestSchema, sessionUserSchema, tokenPairSchema } from '../api/auth';
import { healthResponseSchema } from '../api/health';
import { loginAnswerSchema } from '../api/login-steps-api';
import { cameraIdParamsSchema, playGrantResponseSchema, playRequestSchema } from '../api/video-api';
import { type UserRole } from '../api/auth';
import { ADMIN, AUDITORS, SIGNED_IN, type RouteSpec } from './route-spec';

/** Live video of people: the wall, duty officers and administrators, not analysts or intake. */
export const VIDEO_WATCHERS: readonly UserRole[] = ['wall', 'duty-officer', 'admin'];

/** Health, documentation, sign-in, audit, metrics and play tokens (spread into ROUTES). */
export const CORE_ROUTES = {
  'health.check': {
    method: 'GET',
    path: 'health',
    summary: 'Liveness and dependency health',
    access: 'public',
    response: healthResponseSchema,
  },
  'docs.openapi': { method: 'GET', path: 'openapi.json', summary: 'This OpenAPI document', access: 'public' },
  'docs.page': {
    method: 'GET',
    path: 'docs',
    summary: 'Interactive API documentation',
    access: 'public',
    produces: 'text/html',
  },
  'docs.script': {
    method: 'GET',
    path: 'docs/docs.js',
    summary: 'Script of the documentation page',
    access: 'public',
    produces: 'application/javascript',
  },
  'auth.login': {
    method: 'POST',
    path: 'auth/login',
    summary:
      'Exchange username and password for tokens, or for the next sign-in step (new password, second factor)',
    access: 'public',
    rateLimit: 'login',
    body: loginRequestSchema,
    response: loginAnswerSchema,
  },
  'auth.refresh': {
    method: 'POST',
    path: 'auth/refresh',
    summary: 'Rotate a refresh token for new tokens',
    access: 'public',
    rateLimit: 'login',
    body: refreshRequestSchema,
    response: tokenPairSchema,
  },
  'auth.logout': {
    method: 'POST',
    path: 'auth/logout',
    summary: 'Revoke a refresh token and its family',
    access: 'public',
    rateLimit: 'login',
    body: refreshRequestSchema,
  },
  'auth.me': {
    method: 'GET',
    path: 'auth/me',
    summary: 'The signed-in user',
    access: SIGNED_IN,
    response: sessionUserSchema,
  },
  'video.play': {
    method: 'POST',
    path: 'video/cameras/:cameraId/play',
    summary: 'A short-lived play token for one camera, audited with why (alert or patrol)',
    access: VIDEO_WATCHERS,
    rateLimit: 'write',
    params: cameraIdParamsSchema,
    body: playRequestSchema,
    response: playGrantResponseSchema,
  },
  'audit.verify': {
    method: 'GET',
    path: 'audit/verify',
    summary: 'Verify the audit hash chain',
    access: [...ADMIN, ...AUDITORS],
    response: auditVerifyResponseSchema,
  },
  'metrics.scrape': {
    method: 'GET',
    path: 'metrics',
    summary: 'Prometheus metrics',
    access: ADMIN,
    produces: 'text/plain',
  },
} as const satisfies Record<string, RouteSpec>;
