// MPEG-2 program stream as a GB/T 28181 device sends it (GB/T 28181-2016 Annex C, ISO/IEC 13818-1
// §2.5): one pack per video frame (pack header, on key frames also a system header and a program
// stream map naming H.264, stream_type 0x1B), then the frame in PES packets of stream id 0xE0 with its
// PTS. Written from the standards, NOT from Fengqiao's receiver: nothing here imports @fengqiao/*.

const START = (id: number): Buffer => Buffer.from([0, 0, 1, id]);

/** CRC-32/MPEG-2 (poly 0x04C11DB7, no reflection), the PSM's CRC_32. */
function crc32Mpeg(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b << 24;
    for (let i = 0; i < 8; i++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
}

/** Pack header (§2.5.3.3): '01', SCR base in 3 marked parts, SCR extension 0, mux rate, no stuffing. */
function packHeader(scr: number): Buffer {
  const hi = Math.floor(scr / 2 ** 30) & 0x07; // bits 32..30
  const lo = scr % 2 ** 30; // bits 29..0
  const muxRate = 6106; // units of 50 bytes/s: ~2.4 Mbit/s, a camera's order of magnitude
  return Buffer.concat([
    START(0xba),
    Buffer.from([
      0x44 | (hi << 3) | ((lo >>> 28) & 0x03),
      (lo >>> 20) & 0xff,
      ((lo >>> 12) & 0xf8) | 0x04 | ((lo >>> 13) & 0x03),
      (lo >>> 5) & 0xff,
      ((lo << 3) & 0xf8) | 0x04,
      0x01,
      (muxRate >>> 14) & 0xff,
      (muxRate >>> 6) & 0xff,
      ((muxRate << 2) & 0xfc) | 0x03,
      0xf8,
    ]),
  ]);
}

/** System header (§2.5.3.5): one video stream 0xE0. */
const SYSTEM_HEADER = Buffer.concat([
  START(0xbb),
  Buffer.from([0x00, 0x09, 0x80, 0x1e, 0xff, 0x00, 0xe1, 0x7f, 0xe0, 0xe0, 0xe8]),
]);

/** Program stream map (§2.5.4): stream 0xE0 is H.264 (stream_type 0x1B). */
function programStreamMap(): Buffer {
  const body = Buffer.from([0x00, 0x0e, 0xe0, 0xff, 0x00, 0x00, 0x00, 0x04, 0x1b, 0xe0, 0x00, 0x00]);
  const head = Buffer.concat([START(0xbc), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32Mpeg(head));
  return Buffer.concat([head, crc]);
}
const PSM = programStreamMap();

function ptsBytes(pts: number): Buffer {
  const hi = Math.floor(pts / 2 ** 30) & 0x07;
  const lo = pts % 2 ** 30;
  return Buffer.from([
    0x21 | (hi << 1),
    (lo >>> 22) & 0xff,
    ((lo >>> 14) & 0xfe) | 0x01,
    (lo >>> 7) & 0xff,
    ((lo << 1) & 0xfe) | 0x01,
  ]);
}

/** PES packets of one frame (§2.4.3.6): PTS on the first, 65,535-byte PES_packet_length cap. */
function pesPackets(frame: Buffer, pts: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < frame.length || at === 0;) {
    const optional =
      at === 0
        ? Buffer.concat([Buffer.from([0x80, 0x80, 0x05]), ptsBytes(pts)])
        : Buffer.from([0x80, 0x00, 0x00]);
    const chunk = frame.subarray(at, at + 65_535 - optional.length);
    const len = Buffer.alloc(2);
    len.writeUInt16BE(optional.length + chunk.length);
    out.push(Buffer.concat([START(0xe0), len, optional, chunk]));
    at += Math.max(chunk.length, 1);
  }
  return out;
}

/** One frame (an H.264 access unit in Annex B) as one PS pack. */
export function psPackOf(accessUnit: Buffer, pts: number, keyFrame: boolean): Buffer {
  return Buffer.concat([
    packHeader(Math.max(0, pts - 3600)),
    ...(keyFrame ? [SYSTEM_HEADER, PSM] : []),
    ...pesPackets(accessUnit, pts),
  ]);
}

/** NAL unit types in an Annex B access unit (for "is this a key frame"). */
export function nalTypes(accessUnit: Buffer): number[] {
  const types: number[] = [];
  for (let i = 0; i + 3 < accessUnit.length; i++)
    if (accessUnit[i] === 0 && accessUnit[i + 1] === 0 && accessUnit[i + 2] === 1) {
      types.push((accessUnit[i + 3] ?? 0) & 0x1f);
      i += 3;
    }
  return types;
}

/**
 * Splits an Annex B byte stream into access units at access unit delimiters (NAL type 9; the encoder
 * inserts them with `-bsf:v h264_metadata=aud=insert`). Feed chunks; complete units come back.
 */
export class AccessUnitSplitter {
  private buf = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.buf = Buffer.concat([this.buf, chunk]);
    const starts: number[] = [];
    for (let i = 0; i + 4 < this.buf.length; i++)
      if (
        this.buf[i] === 0 &&
        this.buf[i + 1] === 0 &&
        this.buf[i + 2] === 1 &&
        ((this.buf[i + 3] ?? 0) & 0x1f) === 9
      )
        starts.push(i > 0 && this.buf[i - 1] === 0 ? i - 1 : i);
    const units: Buffer[] = [];
    for (let k = 0; k + 1 < starts.length; k++) units.push(this.buf.subarray(starts[k], starts[k + 1]));
    const last = starts[starts.length - 1];
    if (last !== undefined && starts.length > 1) this.buf = this.buf.subarray(last);
    return units;
  }
}
