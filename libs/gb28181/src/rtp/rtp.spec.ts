import { Gb28181Error } from '../gb28181-error';
import { Rfc4571Framer, parseRtpPacket, type RtpPacket } from './rtp-packet';
import { RtpReorder } from './rtp-reorder';

/** An RTP packet as a GB/T 28181 device sends it: V=2, PT 96, the y= SSRC. */
function rtp(
  seq: number,
  payload: string,
  o: { marker?: boolean; csrcs?: number; extensionWords?: number; padding?: number } = {},
): Buffer {
  const csrcs = o.csrcs ?? 0;
  const head = Buffer.alloc(12 + csrcs * 4);
  head[0] = 0x80 | (o.padding ? 0x20 : 0) | (o.extensionWords === undefined ? 0 : 0x10) | csrcs;
  head[1] = (o.marker ? 0x80 : 0) | 96;
  head.writeUInt16BE(seq, 2);
  head.writeUInt32BE(3600, 4);
  head.writeUInt32BE(900001234, 8);
  const ext = o.extensionWords === undefined ? Buffer.alloc(0) : Buffer.alloc(4 + o.extensionWords * 4, 0xee);
  if (o.extensionWords !== undefined) ext.writeUInt16BE(o.extensionWords, 2);
  const pad = o.padding
    ? Buffer.concat([Buffer.alloc(o.padding - 1), Buffer.from([o.padding])])
    : Buffer.alloc(0);
  return Buffer.concat([head, ext, Buffer.from(payload), pad]);
}

const seqs = (ps: RtpPacket[]): number[] => ps.map((p) => p.sequence);

describe('parseRtpPacket', () => {
  it.each([
    ['a plain packet', rtp(7, 'PS', { marker: true })],
    ['two CSRCs', rtp(7, 'PS', { marker: true, csrcs: 2 })],
    ['a header extension of 3 words', rtp(7, 'PS', { marker: true, extensionWords: 3 })],
    ['4 bytes of padding', rtp(7, 'PS', { marker: true, padding: 4 })],
  ])('reads the header and the payload of %s', (_, bytes) => {
    expect(parseRtpPacket(bytes)).toMatchObject({
      payloadType: 96,
      marker: true,
      sequence: 7,
      timestamp: 3600,
      ssrc: 900001234,
      payload: Buffer.from('PS'),
    });
  });

  it.each([
    ['under 12 bytes', Buffer.alloc(11, 0x80)],
    ['version 1', Buffer.concat([Buffer.from([0x40]), Buffer.alloc(11)])],
    ['an extension past the end', rtp(1, '', { extensionWords: 0 }).subarray(0, 14)],
    [
      'padding longer than the packet',
      Buffer.concat([Buffer.from([0xa0]), Buffer.alloc(10), Buffer.from([200])]),
    ],
  ])('refuses %s with RTP_INVALID', (_, bytes) => {
    expect(() => parseRtpPacket(bytes)).toThrow(Gb28181Error);
    expect(() => parseRtpPacket(bytes)).toThrow(/^RTP_INVALID/);
  });
});

describe('RtpReorder', () => {
  const p = (seq: number): RtpPacket => parseRtpPacket(rtp(seq, String(seq)));

  it('delivers in-order packets at once', () => {
    const r = new RtpReorder(8);
    expect([1, 2, 3].flatMap((s) => seqs(r.push(p(s))))).toEqual([1, 2, 3]);
  });

  it('holds a packet that came early until the gap fills', () => {
    const r = new RtpReorder(8);
    expect(seqs(r.push(p(10)))).toEqual([10]);
    expect(seqs(r.push(p(12)))).toEqual([]);
    expect(seqs(r.push(p(11)))).toEqual([11, 12]);
    expect(r.counts).toEqual({ lost: 0, late: 0 });
  });

  it('follows the sequence number across its wrap at 65,536', () => {
    const r = new RtpReorder(8);
    const got = [65_534, 0, 65_535, 1].flatMap((s) => seqs(r.push(p(s))));
    expect(got).toEqual([65_534, 65_535, 0, 1]);
  });

  it('counts a gap that never fills as lost once the window is full, and skips on', () => {
    const r = new RtpReorder(3);
    r.push(p(1));
    const got = [3, 4, 5, 6].flatMap((s) => seqs(r.push(p(s))));
    expect(got).toEqual([3, 4, 5, 6]);
    expect(r.counts.lost).toBe(1);
    expect(seqs(r.push(p(2)))).toEqual([]);
    expect(r.counts.late).toBe(1);
  });

  it('drops a duplicate', () => {
    const r = new RtpReorder(8);
    r.push(p(5));
    r.push(p(7));
    expect(seqs(r.push(p(7)))).toEqual([]);
    expect(r.counts.late).toBe(1);
  });
});

describe('Rfc4571Framer', () => {
  const framed = (b: Buffer): Buffer => {
    const len = Buffer.alloc(2);
    len.writeUInt16BE(b.length);
    return Buffer.concat([len, b]);
  };

  it('cuts packets split across chunks and several in one chunk', () => {
    const stream = Buffer.concat([framed(rtp(1, 'aaaa')), framed(rtp(2, 'bb')), framed(rtp(3, 'c'))]);
    const f = new Rfc4571Framer();
    const out = [stream.subarray(0, 1), stream.subarray(1, 20), stream.subarray(20)].flatMap((c) =>
      f.push(c),
    );
    expect(out.map((b) => parseRtpPacket(b).payload.toString())).toEqual(['aaaa', 'bb', 'c']);
  });
});
