import { RFC2617_EXAMPLE } from '../testing/public-samples';
import { digestResponse, parseDigest, verifyDigest } from './digest';
import { NonceStore } from './nonce-store';

describe('digest', () => {
  it('computes the response published in RFC 2617 §3.5 (qop=auth)', () => {
    const c = parseDigest(RFC2617_EXAMPLE.header);
    if (c === undefined) throw new Error('not parsed');
    expect(digestResponse(RFC2617_EXAMPLE.method, c, RFC2617_EXAMPLE.password)).toBe(c.response);
    expect(verifyDigest(RFC2617_EXAMPLE.method, c, RFC2617_EXAMPLE.password)).toBe(true);
    expect(verifyDigest(RFC2617_EXAMPLE.method, c, 'wrong')).toBe(false);
    expect(verifyDigest('REGISTER', c, RFC2617_EXAMPLE.password)).toBe(false);
  });

  it('verifies a device without qop (response = MD5(HA1:nonce:HA2)) and refuses another algorithm', () => {
    const base = {
      username: '51190200001320000001',
      realm: '5119000000',
      nonce: 'n1',
      uri: 'sip:51190000002000000001@5119000000',
    };
    const response = digestResponse('REGISTER', { ...base, response: '' }, 'secret');
    expect(verifyDigest('REGISTER', { ...base, response }, 'secret')).toBe(true);
    expect(verifyDigest('REGISTER', { ...base, response: response.toUpperCase() }, 'secret')).toBe(true);
    expect(verifyDigest('REGISTER', { ...base, response, algorithm: 'SHA-256' }, 'secret')).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['Basic', 'Basic YWxhZGRpbjpvcGVuc2VzYW1l'],
    ['without response', 'Digest username="a", realm="b", nonce="c", uri="d"'],
    ['absurdly long', `Digest username="${'a'.repeat(3000)}"`],
  ])('parseDigest refuses a header %s', (_title, header) => {
    expect(parseDigest(header)).toBeUndefined();
  });
});

describe('NonceStore', () => {
  it('accepts a nonce once, then calls it replayed; refuses forged and expired ones', () => {
    const store = new NonceStore(30_000);
    store.remember('a', 0);
    store.remember('b', 0);
    expect(store.isLive('a', 1000)).toBe(true);
    expect(store.consume('a', 1000)).toBe('fresh');
    expect(store.consume('a', 2000)).toBe('replayed');
    expect(store.consume('forged', 2000)).toBe('unknown');
    expect(store.consume('b', 31_000)).toBe('expired');
  });

  it('stays bounded under a flood of challenges, forgetting the oldest first', () => {
    const store = new NonceStore(30_000, 100);
    for (let i = 0; i < 1000; i++) store.remember(`n${i}`, 0);
    expect(store.size).toBe(100);
    expect(store.consume('n0', 1)).toBe('unknown');
    expect(store.consume('n999', 1)).toBe('fresh');
  });
});
