import { createHash } from 'node:crypto';
import { type PartyPersonalData } from '@fengqiao/contracts';
import { normalisedPartyText } from '@fengqiao/intake';

/** SHA-256 of a party's normalised name and phone: stored and compared instead of the raw data. */
export function partyKeyOf(party: Pick<PartyPersonalData, 'name' | 'phone'>): string {
  return createHash('sha256').update(normalisedPartyText(party)).digest('hex');
}
