import { Gb28181Error } from '../gb28181-error';
import { SIP_LIMITS } from './sip-message';

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Cuts a TCP byte stream into SIP messages: split at the blank line, then exactly Content-Length
 * bytes (a chunk may hold several messages or half of one). Throws Gb28181Error on a header section
 * or declared body over the limits; the caller closes that connection.
 */
export class SipStreamFramer {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const out: Buffer[] = [];
    for (;;) {
      this.skipKeepaliveLines();
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) {
        if (this.buffer.length > SIP_LIMITS.maxHeaderBytes)
          throw new Gb28181Error('SIP_TOO_LARGE', 'no end of headers within the limit');
        return out;
      }
      const length = contentLengthOf(this.buffer.subarray(0, end).toString('utf8'));
      const total = end + 4 + length;
      if (total > SIP_LIMITS.maxMessageBytes)
        throw new Gb28181Error('SIP_TOO_LARGE', `message of ${total} bytes`);
      if (this.buffer.length < total) return out;
      out.push(this.buffer.subarray(0, total));
      this.buffer = this.buffer.subarray(total);
    }
  }

  /** RFC 5626 keepalives: a bare CRLF between messages. */
  private skipKeepaliveLines(): void {
    let i = 0;
    while (i + 1 < this.buffer.length && this.buffer[i] === 13 && this.buffer[i + 1] === 10) i += 2;
    if (i > 0) this.buffer = this.buffer.subarray(i);
  }
}

function contentLengthOf(head: string): number {
  const m = /^(?:content-length|l)[ \t]*:[ \t]*(\S*)[ \t]*$/im.exec(head);
  // Over TCP the length is mandatory (RFC 3261 §18.3); absent means no body.
  if (m === null) return 0;
  const value = m[1] ?? '';
  if (!/^\d{1,6}$/.test(value)) throw new Gb28181Error('SIP_BAD_CONTENT_LENGTH', 'not a number');
  return Number(value);
}
