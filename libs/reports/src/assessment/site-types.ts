import { SITE_TYPES, type SiteTypeRow } from '@fengqiao/contracts';

/** Cameras of one site type as the registry counts them. */
export interface SiteTypeCount {
  readonly siteType: string;
  readonly total: number;
  readonly online: number;
  /** Distinct townships with at least one camera of the type. */
  readonly townships: number;
}

const share = (n: number, d: number): number | null =>
  d === 0 ? null : Math.round((n / d) * 10_000) / 10_000;

/**
 * One row per site type of the camera contract (key industry, square, station, school, smart
 * community, road: domain.md's video network), in the contract's order, zero rows included;
 * coverage is the share of the scope's townships with a camera of the type.
 */
export function siteTypeRows(counts: readonly SiteTypeCount[], townships: number): SiteTypeRow[] {
  return SITE_TYPES.map((siteType) => {
    const c = counts.find((r) => r.siteType === siteType);
    const total = c?.total ?? 0;
    const online = c?.online ?? 0;
    const covered = Math.min(c?.townships ?? 0, townships);
    return {
      siteType,
      total,
      online,
      onlineRate: share(online, total),
      townshipsCovered: covered,
      coverage: share(covered, townships),
    };
  });
}
