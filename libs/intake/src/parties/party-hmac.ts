import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { type PartyPersonalData } from '@fengqiao/contracts';
import { normalisedPartyText } from './party-key';

/**
 * The key stored and compared instead of a party's name and phone: HMAC-SHA-256 of the normalised
 * text under a server secret. A plain hash of name+phone is reversed by hashing every mobile number
 * with common names; without the secret that dictionary cannot be built. The one implementation:
 * the API and the simulator both call it with the configured secret (FQ_PARTY_KEY_SECRET).
 * Pure JS (@noble/hashes), so this lib stays free of node:crypto.
 */
export function partyKeyOf(party: Pick<PartyPersonalData, 'name' | 'phone'>, secret: string): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(normalisedPartyText(party))));
}
