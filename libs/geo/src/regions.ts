import { type GeoPoint } from '@fengqiao/contracts';

export type RegionLevel = 'county' | 'township' | 'village' | 'grid';

/** Township kinds by GB/T 2260 sequence range: 街道 001-099, 镇 100-199, 乡 200-299. */
export type TownshipKind = 'street' | 'town' | 'rural';

/** One node of the administrative hierarchy; codes extend their parent's code by 3 digits. */
export interface Region {
  readonly code: string;
  readonly level: RegionLevel;
  /** Parent code (the city code for a county). */
  readonly parent: string;
  readonly name: string;
  readonly centre: GeoPoint;
  /** Estimated residents: children's weights sum to their parent's. */
  readonly population: number;
  /** Urban (街道, 社区 and their grids) or rural, which shapes camera density and site mix. */
  readonly urban: boolean;
}

/** The generated hierarchy, each level in code order. */
export interface CityHierarchy {
  readonly seed: number;
  readonly counties: readonly Region[];
  readonly townships: readonly Region[];
  readonly villages: readonly Region[];
  readonly grids: readonly Region[];
}

/**
 * Approximate resident populations (2020-census scale, ~2.71 million in all) used only to weight the
 * demo data; not an official statistic.
 */
export const DISTRICT_POPULATION: Readonly<Record<string, number>> = {
  '511902': 750_000,
  '511903': 400_000,
  '511921': 560_000,
  '511922': 460_000,
  '511923': 540_000,
};

/** Residents assumed where no figure is listed: ~250 per km² (a Sichuan prefecture's order). */
const PEOPLE_PER_KM2 = 250;

/** A district's resident weight: the listed figure, else its area at a typical density. */
export function districtPopulation(d: { readonly code: string; readonly areaKm2: number }): number {
  return DISTRICT_POPULATION[d.code] ?? Math.round(d.areaKm2 * PEOPLE_PER_KM2);
}

/** Every region of the hierarchy, parents before children. */
export function allRegions(h: CityHierarchy): Region[] {
  return [...h.counties, ...h.townships, ...h.villages, ...h.grids];
}

/** The county, township and village codes a grid cell code (or any region code) lies in. */
export function ancestry(code: string): { county: string; township?: string; village?: string } {
  return {
    county: code.slice(0, 6),
    ...(code.length >= 9 ? { township: code.slice(0, 9) } : {}),
    ...(code.length >= 12 ? { village: code.slice(0, 12) } : {}),
  };
}
