import { z } from 'zod';

/** GB/T 2260 county-level code inside Bazhong (5119xx). */
export const countyCodeSchema = z.string().regex(/^5119\d{2}$/, 'county code must be 6 digits starting 5119');
/** Township code: county code + 3 digits (9 digits). */
export const townshipCodeSchema = z.string().regex(/^5119\d{5}$/, 'township code must be 9 digits');
/** Village or community code: township code + 3 digits (12 digits). */
export const villageCodeSchema = z.string().regex(/^5119\d{8}$/, 'village code must be 12 digits');
/** Grid cell id: village code + 3 digits (15 digits). */
export const gridCellIdSchema = z.string().regex(/^5119\d{11}$/, 'grid cell id must be 15 digits');

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

export const geoPointSchema = z
  .object({ lon: z.number().min(106.2).max(107.9), lat: z.number().min(31.1).max(32.9) })
  .strict();
export type GeoPoint = z.infer<typeof geoPointSchema>;

/** A county-level district of Bazhong, as listed in the domain brief. */
export interface District {
  readonly code: string;
  readonly name: string;
  readonly pinyin: string;
  readonly seat: GeoPoint;
  readonly areaKm2: number;
}

export const CITY_CODE = '511900';

/** The five districts of Bazhong (domain.md): the keys of every aggregate. */
export const BAZHONG_DISTRICTS: readonly District[] = [
  {
    code: '511902',
    name: '巴州区',
    pinyin: 'Bazhou District',
    seat: { lon: 106.754, lat: 31.858 },
    areaKm2: 1402,
  },
  {
    code: '511903',
    name: '恩阳区',
    pinyin: 'Enyang District',
    seat: { lon: 106.487, lat: 31.816 },
    areaKm2: 1168,
  },
  {
    code: '511921',
    name: '通江县',
    pinyin: 'Tongjiang County',
    seat: { lon: 107.248, lat: 31.912 },
    areaKm2: 4108,
  },
  {
    code: '511922',
    name: '南江县',
    pinyin: 'Nanjiang County',
    seat: { lon: 106.843, lat: 32.353 },
    areaKm2: 3401,
  },
  {
    code: '511923',
    name: '平昌县',
    pinyin: 'Pingchang County',
    seat: { lon: 107.102, lat: 31.563 },
    areaKm2: 2231,
  },
];
