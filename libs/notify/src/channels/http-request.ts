/** One outbound HTTP POST, fully built (URL with any signature, headers, raw body): sent as is. */
export interface OutboundRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

/** Cuts a UTF-8 string to at most `maxBytes` bytes without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (used + size > maxBytes - 3) break;
    out += ch;
    used += size;
  }
  return `${out}…`;
}
