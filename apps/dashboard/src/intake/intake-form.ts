import {
  type CASE_CHANNELS,
  type CaseCategory,
  type CaseIntakeRequest,
  type DuplicateCheckRequest,
  type GeoPoint,
  type Routing,
  type RoutingSuggestionQuery,
} from '@fengqiao/contracts';
import { EMPTY_REGION, type RegionDraft } from '../common/region-cascade';
import { W } from '../i18n/strings';
import { isValidIdNumber, isValidPhone } from './id-number';

type CaseChannel = (typeof CASE_CHANNELS)[number];

/**
 * The intake form as typed. It lives in React state only: personal data never goes into the URL,
 * localStorage or a log, and only leaves the page in the POST bodies of the intake API.
 */
export interface PartyDraft {
  readonly name: string;
  readonly phone: string;
  readonly idNumber: string;
}

export type RoutingChoice =
  | { readonly mode: 'accept' }
  | { readonly mode: 'override'; readonly routing: Routing; readonly reason: string };

export interface IntakeDraft {
  readonly parties: readonly PartyDraft[];
  readonly region: RegionDraft;
  readonly location: GeoPoint | null;
  readonly category: CaseCategory | '';
  readonly summary: string;
  readonly channel: CaseChannel;
  readonly violenceRisk: boolean;
  readonly extremeWords: boolean;
  readonly groupPetition: boolean;
  readonly repeatOf: string | null;
  readonly routing: RoutingChoice;
}

export const EMPTY_PARTY: PartyDraft = { name: '', phone: '', idNumber: '' };

export const EMPTY_DRAFT: IntakeDraft = {
  parties: [EMPTY_PARTY],
  region: EMPTY_REGION,
  location: null,
  category: '',
  summary: '',
  channel: 'window',
  violenceRisk: false,
  extremeWords: false,
  groupPetition: false,
  repeatOf: null,
  routing: { mode: 'accept' },
};

/** Field path → message, e.g. `parties.0.phone`. Empty when the draft can be sent. */
export type FieldErrors = Readonly<Record<string, string>>;

function partyErrors(p: PartyDraft, i: number, out: Record<string, string>): void {
  const name = p.name.trim();
  if (name.length === 0 || name.length > 64) out[`parties.${i}.name`] = W.errName;
  if (p.phone.trim() !== '' && !isValidPhone(p.phone)) out[`parties.${i}.phone`] = W.errPhone;
  if (p.idNumber.trim() !== '' && !isValidIdNumber(p.idNumber)) out[`parties.${i}.idNumber`] = W.errIdNumber;
}

/** A region is usable when its codes nest: township in county, village in township, grid in village. */
export function regionErrors(r: RegionDraft): string | null {
  if (!/^[1-8]\d{5}$/.test(r.county) || !/^\d{9}$/.test(r.township) || !r.township.startsWith(r.county))
    return W.errRegion;
  if (r.village !== '' && !(/^\d{12}$/.test(r.village) && r.village.startsWith(r.township)))
    return W.errRegion;
  if (r.grid !== '' && !(/^\d{15}$/.test(r.grid) && r.grid.startsWith(r.village))) return W.errRegion;
  return null;
}

/** Every problem of the draft, with the message the form shows next to the field. */
export function validateDraft(d: IntakeDraft): FieldErrors {
  const out: Record<string, string> = {};
  d.parties.forEach((p, i) => partyErrors(p, i, out));
  const region = regionErrors(d.region);
  if (region !== null) out['region'] = region;
  if (d.category === '') out['category'] = W.errCategory;
  const summary = d.summary.trim();
  if (summary.length === 0 || summary.length > 500) out['summary'] = W.errDescription;
  if (d.routing.mode === 'override' && d.routing.reason.trim() === '') out['overrideReason'] = W.errReason;
  return out;
}

function regionRef(r: RegionDraft): CaseIntakeRequest['region'] {
  return {
    county: r.county,
    township: r.township,
    ...(r.village === '' ? {} : { village: r.village }),
    ...(r.grid === '' ? {} : { grid: r.grid }),
  };
}

function partiesOf(d: IntakeDraft): CaseIntakeRequest['parties'] {
  return d.parties.map((p) => ({
    name: p.name.trim(),
    ...(p.phone.trim() === '' ? {} : { phone: p.phone.trim() }),
    ...(p.idNumber.trim() === '' ? {} : { idNumber: p.idNumber.trim().toUpperCase() }),
  }));
}

/** The POST body of a valid draft; a repeat visit also raises the repeat-visits risk flag. */
export function toIntakeRequest(d: IntakeDraft): CaseIntakeRequest {
  return {
    channel: d.channel,
    region: regionRef(d.region),
    ...(d.location === null ? {} : { location: d.location }),
    category: d.category as CaseCategory,
    summary: d.summary.trim(),
    parties: partiesOf(d),
    riskFlags: {
      violenceRisk: d.violenceRisk,
      extremeWords: d.extremeWords,
      groupPetition: d.groupPetition,
      ...(d.repeatOf === null ? {} : { repeatVisits: 1 }),
    },
    ...(d.repeatOf === null ? {} : { repeatOf: d.repeatOf }),
    ...(d.routing.mode === 'override'
      ? { routing: d.routing.routing, overrideReason: d.routing.reason.trim() }
      : {}),
  };
}

/** The routing question of a draft, or null while category or township are missing. */
export function routingQuery(d: IntakeDraft): RoutingSuggestionQuery | null {
  if (d.category === '' || regionErrors({ ...d.region, village: '', grid: '' }) !== null) return null;
  return {
    category: d.category,
    county: d.region.county,
    township: d.region.township,
    ...(d.groupPetition ? { groupPetition: 'true' as const } : {}),
    ...(d.violenceRisk ? { violenceRisk: 'true' as const } : {}),
  };
}

/** The duplicate check of a draft (named parties and a township), or null when not yet askable. */
export function duplicateCheck(d: IntakeDraft): DuplicateCheckRequest | null {
  const named = partiesOf(d).filter((p) => p.name.length > 0 && p.name.length <= 64);
  if (named.length === 0 || regionErrors(d.region) !== null) return null;
  const clean = named.map((p) => ({
    name: p.name,
    ...(p.phone !== undefined && isValidPhone(p.phone) ? { phone: p.phone } : {}),
  }));
  return { region: regionRef(d.region), parties: clean, withinDays: 30 };
}
