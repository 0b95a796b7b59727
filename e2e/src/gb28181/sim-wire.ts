// The device side of GB/T 28181, written from the standard's text (SIP RFC 3261 + MANSCDP), NOT from
// Fengqiao's server code: it must be able to disagree with it. Nothing here imports @fengqiao/gb28181.
import { createHash, randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';

export interface WireMessage {
  readonly startLine: string;
  readonly headers: Map<string, string>;
  readonly body: Buffer;
}

export const md5 = (s: string): string => createHash('md5').update(s).digest('hex');
export const token = (n = 8): string => randomBytes(n).toString('hex');

/** A minimal reader: good enough for what a server sends a device (one message per datagram). */
export function readWire(bytes: Buffer): WireMessage | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const lines = bytes.subarray(0, end).toString('utf8').split('\r\n');
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    if (i > 0 && !headers.has(line.slice(0, i).trim().toLowerCase()))
      headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  const length = Number(headers.get('content-length') ?? '0');
  return { startLine: lines[0] ?? '', headers, body: bytes.subarray(end + 4, end + 4 + length) };
}

export function writeWire(
  startLine: string,
  headers: [string, string][],
  body: Buffer = Buffer.alloc(0),
): Buffer {
  const head = [
    startLine,
    ...headers.map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${body.length}`,
    '',
    '',
  ];
  return Buffer.concat([Buffer.from(head.join('\r\n')), body]);
}

/** RFC 2617 digest with qop=auth, as a device computes it from the server's challenge. */
export function authorization(user: string, password: string, challenge: string, uri: string): string {
  const field = (k: string): string => new RegExp(`${k}="?([^",]+)"?`, 'i').exec(challenge)?.[1] ?? '';
  const realm = field('realm');
  const nonce = field('nonce');
  const cnonce = token(4);
  const nc = '00000001';
  const ha1 = md5(`${user}:${realm}:${password}`);
  const ha2 = md5(`REGISTER:${uri}`);
  const response = md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`);
  return `Digest username="${user}", realm="${realm}", nonce="${nonce}", uri="${uri}", response="${response}", algorithm=MD5, qop=auth, nc=${nc}, cnonce="${cnonce}"`;
}

/** MANSCDP bodies are GB2312 on most devices; the prolog says so and Content-Length counts bytes. */
export function manscdp(xml: string): Buffer {
  return iconv.encode(`<?xml version="1.0" encoding="GB2312"?>\r\n${xml}\r\n`, 'gb18030');
}

/** What a value of an element is in the server's query (regex read: the query is three fields). */
export function xmlField(body: Buffer, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`, 'i').exec(iconv.decode(body, 'gb18030'))?.[1];
}
