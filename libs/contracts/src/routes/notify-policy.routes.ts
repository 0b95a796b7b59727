import {
  activateNotificationPolicyRequestSchema,
  activateNotificationPolicyResponseSchema,
  notificationPolicyDetailSchema,
  notificationPolicyListSchema,
  notificationPolicyVersionParamsSchema,
  proposeNotificationPolicyRequestSchema,
} from '../api/notify-policy-api';
import { ADMIN, RESPONDERS, type RouteSpec } from './route-spec';

/**
 * The notification policy (a versioned document like rule sets, routing tables and rosters): duty
 * officers may read the active one (what pages them and when); its history and every change are
 * the administrators'.
 */
export const NOTIFY_POLICY_ROUTES = {
  'notify.policy.active': {
    method: 'GET',
    path: 'notify/policy',
    summary: 'The active notification policy (what each colour asks for, backup and digest timing)',
    access: RESPONDERS,
    response: notificationPolicyDetailSchema,
  },
  'notify.policy.versions': {
    method: 'GET',
    path: 'notify/policy/versions',
    summary: 'Notification-policy versions, newest first',
    access: ADMIN,
    response: notificationPolicyListSchema,
  },
  'notify.policy.version': {
    method: 'GET',
    path: 'notify/policy/versions/:version',
    summary: 'One notification-policy version with its document',
    access: ADMIN,
    params: notificationPolicyVersionParamsSchema,
    response: notificationPolicyDetailSchema,
  },
  'notify.policy.propose': {
    method: 'POST',
    path: 'notify/policy/versions',
    summary: 'Store a new notification-policy version, proposed (validated; audited with who and the note)',
    access: ADMIN,
    rateLimit: 'write',
    body: proposeNotificationPolicyRequestSchema,
    response: notificationPolicyDetailSchema,
  },
  'notify.policy.activate': {
    method: 'POST',
    path: 'notify/policy/versions/:version/activate',
    summary:
      'Make a version the active notification policy (audited); the notify service follows within its poll',
    access: ADMIN,
    rateLimit: 'write',
    params: notificationPolicyVersionParamsSchema,
    body: activateNotificationPolicyRequestSchema,
    response: activateNotificationPolicyResponseSchema,
  },
} as const satisfies Record<string, RouteSpec>;
