import { Gb28181Error } from '../gb28181-error';

/** One RTP packet (RFC 3550 §5.1), its payload a view into the datagram. */
export interface RtpPacket {
  readonly payloadType: number;
  readonly marker: boolean;
  readonly sequence: number;
  readonly timestamp: number;
  readonly ssrc: number;
  readonly payload: Buffer;
}

/**
 * Reads an RTP packet: version 2, 12-byte fixed header, CSRCs, header extension and padding
 * skipped. Throws Gb28181Error RTP_INVALID on anything shorter or malformed (the receiver counts it).
 */
export function parseRtpPacket(bytes: Buffer): RtpPacket {
  if (bytes.length < 12)
    throw new Gb28181Error('RTP_INVALID', `${bytes.length} bytes, under the 12-byte header`);
  const b0 = bytes[0] ?? 0;
  if (b0 >> 6 !== 2) throw new Gb28181Error('RTP_INVALID', `version ${b0 >> 6}, not 2`);
  let start = 12 + (b0 & 0x0f) * 4;
  if (b0 & 0x10) {
    if (bytes.length < start + 4) throw new Gb28181Error('RTP_INVALID', 'header extension cut short');
    start += 4 + bytes.readUInt16BE(start + 2) * 4;
  }
  let end = bytes.length;
  if (b0 & 0x20) end -= bytes[bytes.length - 1] ?? 0;
  if (start > end) throw new Gb28181Error('RTP_INVALID', 'headers and padding longer than the packet');
  const b1 = bytes[1] ?? 0;
  return {
    payloadType: b1 & 0x7f,
    marker: (b1 & 0x80) !== 0,
    sequence: bytes.readUInt16BE(2),
    timestamp: bytes.readUInt32BE(4),
    ssrc: bytes.readUInt32BE(8),
    payload: bytes.subarray(start, end),
  };
}

/**
 * RTP over TCP (RFC 4571, GB/T 28181 TCP media): each packet preceded by a 2-byte length. Feed the
 * connection's chunks; whole packets come back (a chunk may hold several or half of one).
 */
export class Rfc4571Framer {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const out: Buffer[] = [];
    while (this.buffer.length >= 2) {
      const length = this.buffer.readUInt16BE(0);
      if (this.buffer.length < 2 + length) break;
      out.push(this.buffer.subarray(2, 2 + length));
      this.buffer = this.buffer.subarray(2 + length);
    }
    return out;
  }
}
