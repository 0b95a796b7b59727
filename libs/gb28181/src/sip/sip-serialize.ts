import { headerOf, type SipRequest } from './sip-message';

export interface OutgoingHeaders {
  readonly [name: string]: string | readonly string[] | undefined;
}

function headerLines(headers: OutgoingHeaders): string[] {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of typeof value === 'string' ? [value] : value) lines.push(`${name}: ${v}`);
  }
  return lines;
}

function assemble(startLine: string, headers: OutgoingHeaders, body: Buffer): Buffer {
  const head = [startLine, ...headerLines(headers), `Content-Length: ${body.length}`, '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'utf8'), body]);
}

/**
 * A response to `request` (RFC 3261 §8.2.6): Via, From, Call-ID and CSeq copied, To copied with our tag
 * added when it has none. `body` must already be encoded (Content-Length counts bytes).
 */
export function serializeResponse(
  request: SipRequest,
  status: number,
  reason: string,
  extra: OutgoingHeaders = {},
  body: Buffer = Buffer.alloc(0),
  toTag = 'fq',
): Buffer {
  const to = headerOf(request, 'to') ?? '';
  return assemble(
    `SIP/2.0 ${status} ${reason}`,
    {
      Via: request.headers.get('via') ?? [],
      From: headerOf(request, 'from'),
      To: /;\s*tag=/i.test(to) || status === 100 ? to : `${to};tag=${toTag}`,
      'Call-ID': headerOf(request, 'call-id'),
      CSeq: headerOf(request, 'cseq'),
      'User-Agent': 'Fengqiao',
      ...extra,
    },
    body,
  );
}

/** A request we originate (MESSAGE queries, INVITE); the caller supplies every header but the length. */
export function serializeRequest(
  method: string,
  uri: string,
  headers: OutgoingHeaders,
  body: Buffer = Buffer.alloc(0),
): Buffer {
  return assemble(`${method} ${uri} SIP/2.0`, headers, body);
}
