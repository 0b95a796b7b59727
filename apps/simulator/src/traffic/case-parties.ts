import { loadConfig } from '@fengqiao/config';
import { type PartyPersonalData } from '@fengqiao/contracts';
import { type Prng } from '@fengqiao/geo';
import { partyKeyOf as keyedPartyKeyOf } from '@fengqiao/intake';
import { GIVEN_CHARS, SURNAMES } from './traffic-model';

/** A synthetic person: a name from common surnames, a mobile number, half the time an ID number. */
export function personOf(rng: Prng, countyCode: string): PartyPersonalData {
  const name = `${rng.pick(SURNAMES)}${rng.pick(GIVEN_CHARS)}${rng.next() < 0.6 ? rng.pick(GIVEN_CHARS) : ''}`;
  const phone = `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(1e9)).padStart(9, '0')}`;
  return rng.next() < 0.5 ? { name, phone } : { name, phone, idNumber: idNumberOf(rng, countyCode) };
}

/** A synthetic resident ID number with a valid GB 11643 check digit (never a real person's). */
function idNumberOf(rng: Prng, countyCode: string): string {
  const birth = new Date(Date.UTC(1950 + rng.int(55), rng.int(12), 1 + rng.int(28)))
    .toISOString()
    .slice(0, 10);
  const body = `${countyCode}${birth.replace(/-/g, '')}${String(rng.int(1000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((a, d, i) => a + Number(d) * (weights[i] ?? 0), 0);
  return `${body}${'10X98765432'[sum % 11]}`;
}

let secret: string | undefined;

/**
 * The key the API stores for a party: libs/intake's HMAC under the configured FQ_PARTY_KEY_SECRET,
 * the same secret the API reads, so the API's repeat-visit check matches simulated cases.
 */
export function partyKeyOf(party: Pick<PartyPersonalData, 'name' | 'phone'>): string {
  secret ??= loadConfig().partyKeySecret;
  return keyedPartyKeyOf(party, secret);
}
