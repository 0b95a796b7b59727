import { bodyLinesOf, headlineOf, type NotificationMessage } from '../message';
import { JSON_HEADERS, truncateUtf8, type OutboundRequest } from './http-request';

/** WeCom markdown content is limited to 4096 bytes (docs: notify-channels.md). */
export const WECOM_MARKDOWN_MAX_BYTES = 4096;

const FONT = { red: 'warning', orange: 'warning', blue: 'info' } as const;

/**
 * A WeCom group-robot markdown message. No signature: the key in the URL is the secret. Markdown
 * ignores `mentioned_*` lists, so the person is mentioned with `<@userid>` inside the content.
 */
export function buildWeComRequest(baseUrl: string, key: string, m: NotificationMessage): OutboundRequest {
  const [, ...rest] = bodyLinesOf(m);
  const lines = [
    `## <font color="${FONT[m.colour]}">${headlineOf(m)}</font>`,
    ...rest.map((l) => `> ${l}`),
    ...(m.mention === undefined ? [] : [`<@${m.mention}>`]),
  ];
  const content = truncateUtf8(lines.join('\n'), WECOM_MARKDOWN_MAX_BYTES);
  const url = `${baseUrl.replace(/\/+$/, '')}/cgi-bin/webhook/send?key=${encodeURIComponent(key)}`;
  return {
    url,
    headers: JSON_HEADERS,
    body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }),
  };
}
