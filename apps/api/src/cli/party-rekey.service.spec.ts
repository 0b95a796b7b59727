import { createHash } from 'node:crypto';
import { normalisedPartyText, partyKeyOf } from '@fengqiao/intake';
import { staleKeyUpdate } from './party-rekey.service';

const SECRET = 'the-current-party-key-secret-0123456789';
const party = { name: '罗明', phone: '13800001234' };
const row = (party_key: string | null, phone: string | null = party.phone) => ({
  case_id: 'C511902-20261127-00001',
  ordinal: 1,
  name: party.name,
  phone,
  party_key,
});

describe('which stored party keys the rekey rewrites', () => {
  const current = partyKeyOf(party, SECRET);
  const plainSha256 = createHash('sha256').update(normalisedPartyText(party)).digest('hex');

  it.each([
    ['a plain SHA-256 key from before the HMAC', plainSha256],
    ['a key under a rotated secret', partyKeyOf(party, `${SECRET}-old`)],
    ['no key at all (backfilled rows)', null],
  ])('%s gets the key under the current secret', (_, stored) => {
    expect(staleKeyUpdate(row(stored), SECRET)).toEqual({
      caseId: 'C511902-20261127-00001',
      ordinal: 1,
      key: current,
    });
  });

  it('leaves a current key alone, so a re-run changes nothing', () => {
    expect(staleKeyUpdate(row(current), SECRET)).toBeNull();
  });

  it('keys a party without a phone as intake does', () => {
    const key = partyKeyOf({ name: party.name }, SECRET);
    expect(staleKeyUpdate(row(null, null), SECRET)?.key).toBe(key);
    expect(staleKeyUpdate(row(key, null), SECRET)).toBeNull();
  });
});
