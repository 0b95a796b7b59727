import { createHmac } from 'node:crypto';
import { bodyLinesOf, headlineOf, type NotificationMessage } from '../message';
import { JSON_HEADERS, type OutboundRequest } from './http-request';

/** Feishu's body limit (20 KB). */
export const FEISHU_MAX_BODY_BYTES = 20 * 1024;

/**
 * Feishu signature: `Base64(HMAC-SHA256(key = timestamp + "\n" + secret, message = empty))`,
 * timestamp in SECONDS; the reverse of DingTalk's key and message, and not URL-encoded.
 */
export function feishuSign(secret: string, timestampSec: number): string {
  return createHmac('sha256', `${timestampSec}\n${secret}`).update('').digest('base64');
}

/** A Feishu custom-bot rich-text (`post`) message; timestamp and sign in the body when signed. */
export function buildFeishuRequest(
  baseUrl: string,
  hookId: string,
  secret: string | undefined,
  m: NotificationMessage,
  nowMs: number,
): OutboundRequest {
  const [, ...rest] = bodyLinesOf(m).filter((l) => !l.startsWith('确认: '));
  const paragraphs: object[][] = rest.map((l) => [{ tag: 'text', text: l }]);
  if (m.ackUrl !== undefined) paragraphs.push([{ tag: 'a', text: '确认收到', href: m.ackUrl }]);
  if (m.mention !== undefined) paragraphs.push([{ tag: 'at', user_id: m.mention }]);
  const seconds = Math.floor(nowMs / 1000);
  const signature =
    secret === undefined ? {} : { timestamp: String(seconds), sign: feishuSign(secret, seconds) };
  const body = {
    ...signature,
    msg_type: 'post',
    content: { post: { zh_cn: { title: headlineOf(m), content: paragraphs } } },
  };
  return {
    url: `${baseUrl.replace(/\/+$/, '')}/open-apis/bot/v2/hook/${encodeURIComponent(hookId)}`,
    headers: JSON_HEADERS,
    body: JSON.stringify(body),
  };
}
