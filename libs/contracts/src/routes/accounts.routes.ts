import {
  auditListQuerySchema,
  auditListResponseSchema,
  loginAnswerSchema,
  loginPasswordStepSchema,
  loginTotpStepSchema,
  recoveryCodesResponseSchema,
  totpCodeRequestSchema,
  totpEnrolmentSchema,
} from '../api/login-steps-api';
import {
  createUserRequestSchema,
  updateUserRequestSchema,
  userActionRequestSchema,
  userChangeResponseSchema,
  userIdParamsSchema,
  userListQuerySchema,
  userListResponseSchema,
} from '../api/users-api';
import { ACCOUNT_ADMINS, AUDITORS, SIGNED_IN, type RouteSpec } from './route-spec';

/** The second factor is the caller's own: every signed-in person, not the wall display. */
const TOTP_OWNERS = SIGNED_IN.filter((r) => r !== 'wall');

const userAction = (path: string, summary: string) =>
  ({
    method: 'POST',
    path: `users/:userId/${path}`,
    summary,
    access: ACCOUNT_ADMINS,
    rateLimit: 'write',
    params: userIdParamsSchema,
    body: userActionRequestSchema,
    response: userChangeResponseSchema,
  }) as const satisfies RouteSpec;

/** Accounts (issue 16): administration, the sign-in's later steps, the second factor, the audit log. */
export const ACCOUNT_ROUTES = {
  'auth.login.password': {
    method: 'POST',
    path: 'auth/login/password',
    summary: 'Sign-in step: set a new password (after a reset or on a new account)',
    access: 'public',
    rateLimit: 'login',
    body: loginPasswordStepSchema,
    response: loginAnswerSchema,
  },
  'auth.login.totp': {
    method: 'POST',
    path: 'auth/login/totp',
    summary: 'Sign-in step: the second factor (or a recovery code); confirms an enrolment',
    access: 'public',
    rateLimit: 'login',
    body: loginTotpStepSchema,
    response: loginAnswerSchema,
  },
  'auth.totp.setup': {
    method: 'POST',
    path: 'auth/totp/setup',
    summary: 'Start enrolling a second factor: a new secret, active once confirmed',
    access: TOTP_OWNERS,
    rateLimit: 'write',
    response: totpEnrolmentSchema,
  },
  'auth.totp.confirm': {
    method: 'POST',
    path: 'auth/totp/confirm',
    summary: 'Confirm the enrolment with a code from the app; answers the recovery codes (once)',
    access: TOTP_OWNERS,
    rateLimit: 'write',
    body: totpCodeRequestSchema,
    response: recoveryCodesResponseSchema,
  },
  'auth.totp.disable': {
    method: 'POST',
    path: 'auth/totp/disable',
    summary: 'Turn the second factor off (not for roles that require it)',
    access: TOTP_OWNERS,
    rateLimit: 'write',
    body: totpCodeRequestSchema,
  },
  'users.list': {
    method: 'GET',
    path: 'users',
    summary: 'Accounts, filtered by role, region, status and name',
    access: ACCOUNT_ADMINS,
    query: userListQuerySchema,
    response: userListResponseSchema,
  },
  'users.create': {
    method: 'POST',
    path: 'users',
    summary: 'Create an account; answers a temporary password (shown once), replaced at first sign-in',
    access: ACCOUNT_ADMINS,
    rateLimit: 'write',
    body: createUserRequestSchema,
    response: userChangeResponseSchema,
  },
  'users.update': {
    method: 'POST',
    path: 'users/:userId',
    summary: "Change an account's role, regions or display name (ends its sessions)",
    access: ACCOUNT_ADMINS,
    rateLimit: 'write',
    params: userIdParamsSchema,
    body: updateUserRequestSchema,
    response: userChangeResponseSchema,
  },
  'users.disable': userAction('disable', 'Disable an account and end its sessions'),
  'users.enable': userAction('enable', 'Enable a disabled account again'),
  'users.resetPassword': userAction(
    'reset-password',
    'A temporary password (shown once); the user sets a new one at the next sign-in',
  ),
  'users.resetTotp': userAction('reset-totp', "Remove an account's second factor (a lost phone)"),
  'audit.list': {
    method: 'GET',
    path: 'audit',
    summary: 'The audit log, newest first (the auditor only)',
    access: AUDITORS,
    query: auditListQuerySchema,
    response: auditListResponseSchema,
  },
} as const satisfies Record<string, RouteSpec>;
