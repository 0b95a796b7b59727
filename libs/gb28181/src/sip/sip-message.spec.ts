import { Gb28181Error } from '../gb28181-error';
import {
  DAHUA_REGISTER,
  STD_KEEPALIVE_BODY,
  STD_REGISTER_AUTHORIZED,
  UAS_REGISTER_WITH_ROUTE,
} from '../testing/public-samples';
import { parseDigest } from './digest';
import { SIP_LIMITS, headerOf, headerParam, parseSipMessage, sipUserOf } from './sip-message';
import { serializeResponse } from './sip-serialize';
import { SipStreamFramer } from './sip-stream-framer';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (err) {
    return err instanceof Gb28181Error ? err.code : 'NOT_A_GB28181_ERROR';
  }
};

describe('parseSipMessage on public samples', () => {
  it.each([
    ['Dahua IPC first REGISTER', DAHUA_REGISTER, '34020000001320000001', '3600'],
    [
      'UAS REGISTER with Route, headers out of order',
      UAS_REGISTER_WITH_ROUTE,
      '34020000001180000001',
      '3600',
    ],
    ['standard REGISTER with Authorization', STD_REGISTER_AUTHORIZED, '51190200001320000001', '3600'],
  ])('%s', (_title, text, deviceId, expires) => {
    const m = parseSipMessage(Buffer.from(text));
    if (m.kind !== 'request') throw new Error('expected a request');
    expect(m.method).toBe('REGISTER');
    expect(sipUserOf(headerOf(m, 'from'))).toBe(deviceId);
    expect(headerOf(m, 'expires')).toBe(expires);
    expect(m.body.length).toBe(0);
  });

  it('reads the Authorization of the standard sample field by field', () => {
    const m = parseSipMessage(Buffer.from(STD_REGISTER_AUTHORIZED));
    expect(parseDigest(headerOf(m, 'authorization'))).toMatchObject({
      username: '51190200001320000001',
      realm: '5119000000',
      nonce: '6fe9ba44a76be22a',
      uri: 'sip:51190000002000000001@5119000000',
      algorithm: 'MD5',
    });
  });

  it('keeps a MESSAGE body as bytes, exactly Content-Length long, with compact headers expanded', () => {
    const body = Buffer.from(STD_KEEPALIVE_BODY);
    const head = [
      'MESSAGE sip:51190000002000000001@5119000000 SIP/2.0',
      'v: SIP/2.0/UDP 10.0.0.9:5060;rport;branch=z9hG4bKx',
      'f: <sip:51190200001320000001@5119000000>;tag=1',
      't: <sip:51190000002000000001@5119000000>',
      'i: 77',
      'CSeq: 20 MESSAGE',
      'c: Application/MANSCDP+xml',
      `l: ${body.length}`,
      '',
      '',
    ].join('\r\n');
    const m = parseSipMessage(Buffer.concat([Buffer.from(head), body, Buffer.from('trailing junk')]));
    expect(m.body.equals(body)).toBe(true);
    expect(headerOf(m, 'content-type')).toBe('Application/MANSCDP+xml');
    expect(headerParam(headerOf(m, 'via'), 'branch')).toBe('z9hG4bKx');
  });

  it.each([
    ['garbage', Buffer.from('\u0000\u0001hello'), 'SIP_BAD_START_LINE'],
    ['HTTP instead of SIP', Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'), 'SIP_BAD_START_LINE'],
    ['oversized datagram', Buffer.alloc(SIP_LIMITS.maxMessageBytes + 1, 65), 'SIP_TOO_LARGE'],
    ['missing Call-ID', Buffer.from(DAHUA_REGISTER.replace(/Call-ID:.*\r\n/, '')), 'SIP_MISSING_HEADER'],
    [
      'Content-Length beyond the body',
      Buffer.from(DAHUA_REGISTER.replace('Content-Length: 0', 'Content-Length: 50')),
      'SIP_BAD_CONTENT_LENGTH',
    ],
    [
      'negative Content-Length',
      Buffer.from(DAHUA_REGISTER.replace('Content-Length: 0', 'Content-Length: -1')),
      'SIP_BAD_CONTENT_LENGTH',
    ],
    [
      'header line without a colon',
      Buffer.from(DAHUA_REGISTER.replace('Max-Forwards: 70', 'Max Forwards 70')),
      'SIP_BAD_HEADER',
    ],
  ])('refuses %s with a code', (_title, bytes, code) => {
    expect(codeOf(() => parseSipMessage(bytes))).toBe(code);
  });

  it('answers with the request Via, From, Call-ID and CSeq, a To tag and a byte Content-Length', () => {
    const req = parseSipMessage(Buffer.from(DAHUA_REGISTER));
    if (req.kind !== 'request') throw new Error('expected a request');
    const res = parseSipMessage(serializeResponse(req, 200, 'OK', { Expires: '3600' }, Buffer.from('北门')));
    if (res.kind !== 'response') throw new Error('expected a response');
    expect(res.status).toBe(200);
    expect(headerOf(res, 'call-id')).toBe('1280868601@192.168.1.107');
    expect(headerOf(res, 'to')).toMatch(/;tag=fq$/);
    expect(headerOf(res, 'content-length')).toBe('6');
  });
});

describe('SipStreamFramer', () => {
  const one = Buffer.from(DAHUA_REGISTER);

  it('cuts two messages from one chunk and one message from many chunks', () => {
    const framer = new SipStreamFramer();
    expect(framer.push(Buffer.concat([one, one]))).toHaveLength(2);
    const parts = [one.subarray(0, 10), one.subarray(10, 200), one.subarray(200)];
    expect(parts.map((p) => framer.push(p).length)).toEqual([0, 0, 1]);
  });

  it('waits for the whole body of a MESSAGE before handing it over', () => {
    const framer = new SipStreamFramer();
    const body = Buffer.from(STD_KEEPALIVE_BODY);
    const msg = Buffer.from(DAHUA_REGISTER.replace('Content-Length: 0', `Content-Length: ${body.length}`));
    expect(framer.push(Buffer.concat([Buffer.from('\r\n\r\n'), msg, body.subarray(0, 5)]))).toHaveLength(0);
    const [frame] = framer.push(body.subarray(5));
    expect(parseSipMessage(frame ?? Buffer.alloc(0)).body.equals(body)).toBe(true);
  });

  it.each([
    ['a header section that never ends', Buffer.alloc(SIP_LIMITS.maxHeaderBytes + 10, 65)],
    [
      'a declared body over the limit',
      Buffer.from(DAHUA_REGISTER.replace('Content-Length: 0', 'Content-Length: 999999')),
    ],
  ])('refuses %s', (_title, bytes) => {
    expect(codeOf(() => new SipStreamFramer().push(bytes))).toBe('SIP_TOO_LARGE');
  });
});
