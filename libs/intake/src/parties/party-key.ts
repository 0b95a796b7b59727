import { type PartyPersonalData } from '@fengqiao/contracts';

/**
 * The text a party key is hashed from: the name without spaces, NFKC-folded and lower-cased, and
 * the phone's digits without a +86 prefix. The same person typed twice (全角 digits, spaces, "+86")
 * gives the same text. partyKeyOf (party-hmac.ts) keys it; only the key is stored or compared.
 */
export function normalisedPartyText(party: Pick<PartyPersonalData, 'name' | 'phone'>): string {
  const name = party.name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const digits = (party.phone ?? '').normalize('NFKC').replace(/\D/g, '');
  const phone = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  return `fengqiao:party:v1:${name}|${phone}`;
}

/** An earlier case as duplicate detection sees it: no personal data, only party keys. */
export interface EarlierCase {
  readonly caseId: string;
  readonly reportedAtMs: number;
  readonly township: string;
  readonly village?: string | null;
  readonly partyKeys: readonly string[];
}

export interface RepeatVisitQuery {
  readonly partyKeys: readonly string[];
  readonly township: string;
  readonly village?: string;
  readonly nowMs: number;
  readonly withinDays: number;
}

export interface RepeatVisit {
  readonly caseId: string;
  readonly matchedParties: number;
}

const DAY_MS = 86_400_000;

function samePlace(c: EarlierCase, q: RepeatVisitQuery): boolean {
  if (c.township !== q.township) return false;
  // Both villages known and different: a namesake elsewhere in the township, not a repeat visit.
  return q.village === undefined || c.village == null || c.village === q.village;
}

/**
 * Repeat-visit candidates: earlier cases at the same place within `withinDays` sharing at least
 * one party, most shared parties first, then the newest.
 */
export function findRepeatVisits(q: RepeatVisitQuery, earlier: readonly EarlierCase[]): RepeatVisit[] {
  const keys = new Set(q.partyKeys);
  const since = q.nowMs - q.withinDays * DAY_MS;
  return earlier
    .filter((c) => c.reportedAtMs >= since && c.reportedAtMs <= q.nowMs && samePlace(c, q))
    .map((c) => ({ c, matched: new Set(c.partyKeys.filter((k) => keys.has(k))).size }))
    .filter((m) => m.matched > 0)
    .sort((a, b) => b.matched - a.matched || b.c.reportedAtMs - a.c.reportedAtMs)
    .map((m) => ({ caseId: m.c.caseId, matchedParties: m.matched }));
}
