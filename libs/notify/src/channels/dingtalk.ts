import { createHmac } from 'node:crypto';
import { bodyLinesOf, headlineOf, type NotificationMessage } from '../message';
import { JSON_HEADERS, type OutboundRequest } from './http-request';

/**
 * DingTalk 加签: `sign = urlEncode(Base64(HMAC-SHA256(key = secret, timestamp + "\n" + secret)))`,
 * timestamp in milliseconds, both in the query string; DingTalk accepts it within one hour.
 */
export function dingTalkSign(secret: string, timestampMs: number): string {
  const digest = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
  return encodeURIComponent(digest);
}

/**
 * A DingTalk custom-robot markdown message, signed at `nowMs`. For markdown the mentioned mobile
 * must appear as `@mobile` in the text as well as in `at.atMobiles`.
 */
export function buildDingTalkRequest(
  baseUrl: string,
  token: string,
  secret: string | undefined,
  m: NotificationMessage,
  nowMs: number,
): OutboundRequest {
  const [, ...rest] = bodyLinesOf(m);
  const mention = m.mention === undefined ? [] : [`@${m.mention}`];
  const text = [`### ${headlineOf(m)}`, ...rest.map((l) => `- ${l}`), ...mention].join('\n');
  const query = new URLSearchParams({ access_token: token }).toString();
  const signed = secret === undefined ? '' : `&timestamp=${nowMs}&sign=${dingTalkSign(secret, nowMs)}`;
  const body = {
    msgtype: 'markdown',
    markdown: { title: headlineOf(m).slice(0, 60), text },
    at: { atMobiles: m.mention === undefined ? [] : [m.mention], isAtAll: false },
  };
  return {
    url: `${baseUrl.replace(/\/+$/, '')}/robot/send?${query}${signed}`,
    headers: JSON_HEADERS,
    body: JSON.stringify(body),
  };
}
