export { signAckLink, verifyAckLink, type AckGrant, type AckLinkRejection } from './ack-link';
export { buildDingTalkRequest, dingTalkSign } from './channels/dingtalk';
export { buildEmail, type EmailContent } from './channels/email';
export { buildFeishuRequest, feishuSign, FEISHU_MAX_BODY_BYTES } from './channels/feishu';
export { truncateUtf8, type OutboundRequest } from './channels/http-request';
export { httpVerdict, robotVerdict, type DeliveryVerdict } from './channels/robot-reply';
export { buildSmsRequest, SMS_MAX_CHARS } from './channels/sms';
export {
  buildStandardWebhookRequest,
  signStandardWebhook,
  verifyStandardWebhook,
  WEBHOOK_TOLERANCE_SEC,
  type WebhookRejection,
} from './channels/standard-webhook';
export { buildWeComRequest, WECOM_MARKDOWN_MAX_BYTES } from './channels/wecom';
export { bodyLinesOf, headlineOf, type NotificationMessage, type NotificationReason } from './message';
export {
  nextDigestAt,
  planNotices,
  stillUnacknowledged,
  type DutyRole,
  type NotifyPolicy,
  type PlannedNotice,
} from './policy/policy';
export {
  DEFAULT_NOTIFICATION_POLICY,
  NotificationPolicyError,
  parseNotificationPolicy,
  policyFor,
  withoutRegionRule,
  withRegionRule,
} from './policy/notification-policy';
export { deliverAt, isValidHhmm, type QuietPeriod } from './policy/quiet-period';
export { RateGate } from './rate-gate';
export { retryDelayMs, type RetryPolicy } from './retry';
export {
  CITY_REGION,
  onDutyAt,
  rosterRegionOf,
  type OnDuty,
  type RosterException,
  type RosterPattern,
} from './roster/roster';
export {
  dutyRosterSchema,
  EMPTY_ROSTER,
  parseDutyRoster,
  RosterDocumentError,
  rosterOf,
  withException,
  withoutExceptionsBefore,
  withoutPattern,
  withPattern,
  type DutyRoster,
  type RosterExceptionEntry,
  type RosterSlot,
} from './roster/roster-document';
export { shiftAt, SHIFTS, type Shift, type ShiftSlot } from './roster/shifts';
