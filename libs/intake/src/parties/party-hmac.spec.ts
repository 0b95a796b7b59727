import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { partyKeyOf } from './party-hmac';
import { normalisedPartyText } from './party-key';

const SECRET = 'test-secret-for-party-keys-0123456789';
const party = { name: '张 三', phone: '+86 138 0013 8000' };

describe('partyKeyOf', () => {
  it('gives the same 64-hex key for the same party typed differently', () => {
    const a = partyKeyOf(party, SECRET);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(partyKeyOf({ name: '张三', phone: '13800138000' }, SECRET)).toBe(a);
  });

  it('gives a different key under a different secret', () => {
    expect(partyKeyOf(party, `${SECRET}x`)).not.toBe(partyKeyOf(party, SECRET));
  });

  it('gives a different key for a different phone', () => {
    expect(partyKeyOf({ ...party, phone: '13800138001' }, SECRET)).not.toBe(partyKeyOf(party, SECRET));
  });

  it('is HMAC-SHA-256 and not the plain hash a dictionary reverses', () => {
    const text = normalisedPartyText(party);
    expect(partyKeyOf(party, SECRET)).not.toBe(bytesToHex(sha256(utf8ToBytes(text))));
    expect(partyKeyOf(party, SECRET)).toBe(bytesToHex(hmac(sha256, utf8ToBytes(SECRET), utf8ToBytes(text))));
  });

  it('matches the RFC 4231 test case 2 construction', () => {
    // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?".
    const mac = bytesToHex(hmac(sha256, utf8ToBytes('Jefe'), utf8ToBytes('what do ya want for nothing?')));
    expect(mac).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});
