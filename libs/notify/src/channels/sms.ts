import { headlineOf, type NotificationMessage } from '../message';
import { type OutboundRequest } from './http-request';
import { buildStandardWebhookRequest } from './standard-webhook';

/** SMS bodies stay short: one headline and the link, at most this many characters. */
export const SMS_MAX_CHARS = 300;

/**
 * The SMS gateway adapter's request: a signed JSON POST `{to, text, ref}` that a gateway (or a
 * small bridge in front of a provider's API) turns into a text message. Signed like our webhooks.
 */
export function buildSmsRequest(
  url: string,
  secret: string,
  id: string,
  mobile: string,
  m: NotificationMessage,
  nowMs: number,
): OutboundRequest {
  const link = m.ackUrl === undefined ? '' : ` 确认: ${m.ackUrl}`;
  const text = `${headlineOf(m)}（${m.regionName}）${link}`.slice(0, SMS_MAX_CHARS);
  return buildStandardWebhookRequest(url, secret, id, { to: mobile, text, ref: m.alertId }, nowMs);
}
