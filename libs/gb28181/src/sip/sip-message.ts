import { Gb28181Error } from '../gb28181-error';

/** Header names lower-cased, compact forms expanded (RFC 3261 §7.3.3); each name keeps all its values in order. */
export type SipHeaders = ReadonlyMap<string, readonly string[]>;

export interface SipRequest {
  readonly kind: 'request';
  readonly method: string;
  readonly uri: string;
  readonly headers: SipHeaders;
  /** Raw bytes: the charset of a MANSCDP body is known only once its XML prolog is read. */
  readonly body: Buffer;
}

export interface SipResponse {
  readonly kind: 'response';
  readonly status: number;
  readonly reason: string;
  readonly headers: SipHeaders;
  readonly body: Buffer;
}

export type SipMessage = SipRequest | SipResponse;

/** Limits that keep a hostile peer from costing memory: a UDP datagram is at most 64 KiB anyway. */
export const SIP_LIMITS = {
  maxMessageBytes: 65_535,
  maxHeaderBytes: 8_192,
  maxHeaders: 64,
} as const;

const COMPACT: Record<string, string> = {
  v: 'via',
  f: 'from',
  t: 'to',
  i: 'call-id',
  m: 'contact',
  l: 'content-length',
  c: 'content-type',
  e: 'content-encoding',
  k: 'supported',
  s: 'subject',
  o: 'event',
};
const METHOD = /^[A-Z]{2,16}$/;
const TOKEN = /^[A-Za-z0-9.!%*_+`'~-]{1,64}$/;
const HEADER_END = Buffer.from('\r\n\r\n');

/** One SIP message from bytes (a whole UDP datagram or a frame cut by `SipStreamFramer`). Throws Gb28181Error. */
export function parseSipMessage(bytes: Buffer): SipMessage {
  if (bytes.length > SIP_LIMITS.maxMessageBytes)
    throw new Gb28181Error('SIP_TOO_LARGE', `${bytes.length} bytes > ${SIP_LIMITS.maxMessageBytes}`);
  const end = bytes.indexOf(HEADER_END);
  const headEnd = end < 0 ? bytes.length : end;
  if (headEnd > SIP_LIMITS.maxHeaderBytes)
    throw new Gb28181Error('SIP_TOO_LARGE', 'header section too large');
  const lines = unfold(bytes.subarray(0, headEnd).toString('utf8').split(/\r?\n/));
  const first = lines.shift() ?? '';
  const headers = parseHeaders(lines);
  const body = bodyOf(bytes, end < 0 ? bytes.length : end + 4, headers);
  if (first.startsWith('SIP/2.0 ')) {
    const m = /^SIP\/2\.0 ([1-6]\d\d) ?(.*)$/.exec(first);
    if (m === null) throw new Gb28181Error('SIP_BAD_START_LINE', 'bad status line');
    return { kind: 'response', status: Number(m[1]), reason: m[2] ?? '', headers, body };
  }
  const parts = first.split(' ');
  if (parts.length !== 3 || parts[2] !== 'SIP/2.0' || !METHOD.test(parts[0] ?? ''))
    throw new Gb28181Error('SIP_BAD_START_LINE', 'bad request line');
  const uri = parts[1] ?? '';
  if (!/^sips?:\S{1,256}$/i.test(uri)) throw new Gb28181Error('SIP_BAD_START_LINE', 'bad request URI');
  for (const name of ['via', 'from', 'to', 'call-id', 'cseq'])
    if (!headers.has(name)) throw new Gb28181Error('SIP_MISSING_HEADER', `no ${name} header`);
  return { kind: 'request', method: parts[0] ?? '', uri, headers, body };
}

function unfold(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line) && out.length > 1) out[out.length - 1] += ` ${line.trim()}`;
    else out.push(line);
  }
  return out;
}

function parseHeaders(lines: readonly string[]): Map<string, string[]> {
  if (lines.length > SIP_LIMITS.maxHeaders) throw new Gb28181Error('SIP_TOO_LARGE', 'too many headers');
  const headers = new Map<string, string[]>();
  for (const line of lines) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    const raw = colon < 0 ? '' : line.slice(0, colon).trim();
    if (!TOKEN.test(raw)) throw new Gb28181Error('SIP_BAD_HEADER', 'bad header line');
    const name = COMPACT[raw.toLowerCase()] ?? raw.toLowerCase();
    const value = line.slice(colon + 1).trim();
    const list = headers.get(name) ?? [];
    // Via may come comma-joined in one line; every other header is kept as given.
    list.push(...(name === 'via' ? value.split(/,(?=\s*SIP\/)/i).map((v) => v.trim()) : [value]));
    headers.set(name, list);
  }
  return headers;
}

function bodyOf(bytes: Buffer, start: number, headers: SipHeaders): Buffer {
  const declared = headers.get('content-length')?.[0];
  const rest = bytes.subarray(start);
  if (declared === undefined) return rest;
  if (!/^\d{1,6}$/.test(declared)) throw new Gb28181Error('SIP_BAD_CONTENT_LENGTH', 'not a number');
  const length = Number(declared);
  if (length > rest.length)
    throw new Gb28181Error('SIP_BAD_CONTENT_LENGTH', `declares ${length} bytes, carries ${rest.length}`);
  return rest.subarray(0, length);
}

/** The first value of a header, or undefined. */
export function headerOf(message: SipMessage, name: string): string | undefined {
  return message.headers.get(name.toLowerCase())?.[0];
}

/** The user part of a SIP URI or name-addr (`<sip:3402...@host>;tag=x` → `3402...`). */
export function sipUserOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return /sips?:([^@;>\s]+)@/i.exec(value)?.[1];
}

/** A `;name=value` parameter of a header value. */
export function headerParam(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  return new RegExp(`;\\s*${name}=([^;,\\s>]*)`, 'i').exec(value)?.[1];
}
