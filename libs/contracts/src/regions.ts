import { z } from 'zod';

// GB/T 2260 codes by shape, for any city: a 2-digit province (11-82), a 2-digit prefecture, a 2-digit
// county; then this project's 3 digits per level below (township, village/community, grid cell).
// Which city a deployment serves is configuration (FQ_CITY_CODE), checked where config is known:
// the regions table the seed fills from that city's divisions is what an event must name.

/** A prefecture (city) code, 4 digits: 5119 is Bazhong, 5113 Nanchong. */
export const prefectureCodeSchema = z.string().regex(/^[1-8]\d{3}$/, 'prefecture code must be 4 digits');
/** GB/T 2260 county-level code (6 digits). */
export const countyCodeSchema = z.string().regex(/^[1-8]\d{5}$/, 'county code must be 6 digits');
/** Township code: county code + 3 digits (9 digits). */
export const townshipCodeSchema = z.string().regex(/^[1-8]\d{8}$/, 'township code must be 9 digits');
/** Village or community code: township code + 3 digits (12 digits). */
export const villageCodeSchema = z.string().regex(/^[1-8]\d{11}$/, 'village code must be 12 digits');
/** Grid cell id: village code + 3 digits (15 digits). */
export const gridCellIdSchema = z.string().regex(/^[1-8]\d{14}$/, 'grid cell id must be 15 digits');

/** Any region code: the city (prefecture + 00), a county, township, village or grid cell. */
export const REGION_CODE_PATTERN = /^[1-8]\d{5}(\d{3}){0,3}$/;

/** The city's own region code (prefecture + `00`: 5119 → 511900), the root of the hierarchy. */
export function cityRegionCode(prefecture: string): string {
  return `${prefecture.slice(0, 4)}00`;
}

/**
 * The first of an event's region codes (or GB/T 28181 ids, whose first 4 digits are the prefecture)
 * that lies outside the configured city (`prefecture`, FQ_CITY_CODE), if any: THE check of "is this
 * ours", for the ingest (dead letter REGION_OUTSIDE_CITY) and the API's case intake alike.
 */
export function codeOutsideCity(
  codes: readonly (string | undefined)[],
  prefecture: string,
): string | undefined {
  return codes.find((c) => c !== undefined && !c.startsWith(prefecture.slice(0, 4)));
}

/** True for a city's own region code (6 digits ending `00`), not one of its counties. */
export function isCityRegionCode(code: string): boolean {
  return /^[1-8]\d{3}00$/.test(code);
}

/** Where an event happened in the administrative hierarchy; each code extends its parent's. */
export const regionRefSchema = z
  .object({
    county: countyCodeSchema,
    township: townshipCodeSchema,
    village: villageCodeSchema.optional(),
    grid: gridCellIdSchema.optional(),
  })
  .strict()
  .refine((r) => r.township.startsWith(r.county), {
    message: 'township must lie in county',
    path: ['township'],
  })
  .refine((r) => r.village === undefined || r.village.startsWith(r.township), {
    message: 'village must lie in township',
    path: ['village'],
  })
  .refine((r) => r.grid === undefined || (r.village !== undefined && r.grid.startsWith(r.village)), {
    message: 'grid cell must lie in village',
    path: ['grid'],
  });
export type RegionRef = z.infer<typeof regionRefSchema>;

/**
 * A WGS-84 point inside China's extent (any city's). The configured city's own outline is the finer
 * check, made where it is known (the seed places everything inside the county polygons).
 */
export const geoPointSchema = z
  .object({ lon: z.number().min(73).max(136), lat: z.number().min(3).max(54) })
  .strict();
export type GeoPoint = z.infer<typeof geoPointSchema>;

/**
 * The configured city's extent: the bounding box of its outlines widened by a margin (libs/geo
 * `cityExtentOf`). Events carrying a point outside it are refused (LOCATION_OUTSIDE_CITY) by the ingest
 * and the API's case intake alike.
 */
export interface CityExtent {
  readonly minLon: number;
  readonly minLat: number;
  readonly maxLon: number;
  readonly maxLat: number;
  /** The margin around the outlines' box, in km, for the refusal's message. */
  readonly marginKm: number;
}

/** THE check of "is this point ours" (coarse: the city's box, not its polygon). */
export function pointOutsideExtent(p: GeoPoint, extent: CityExtent): boolean {
  return p.lon < extent.minLon || p.lon > extent.maxLon || p.lat < extent.minLat || p.lat > extent.maxLat;
}

/** The refusal's message: no coordinates (they may place a person), only the rule. */
export const outsideExtentMessage = (extent: CityExtent): string =>
  `outside the configured city’s extent (its outline’s bounding box + ${extent.marginKm} km)`;

/** A county-level district: its code, name, seat and area (from the city's outlines, or built in). */
export interface District {
  readonly code: string;
  readonly name: string;
  readonly pinyin: string;
  readonly seat: GeoPoint;
  readonly areaKm2: number;
}
