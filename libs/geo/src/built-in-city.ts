import { type District } from '@fengqiao/contracts';

/** The built-in city: Bazhong (prefecture 5119), the default of FQ_CITY_CODE. */
export const BUILT_IN_CITY = { code: '5119', name: '巴中市' } as const;

/**
 * The configured city's name as people read it: FQ_CITY_NAME when set, else the built-in city's for
 * its code, else the city's own region code (another city without FQ_CITY_NAME: `npm run geodata`
 * prints the line to export).
 */
export function cityNameOf(city: { readonly code: string; readonly name?: string | undefined }): string {
  if (city.name !== undefined) return city.name;
  return city.code === BUILT_IN_CITY.code ? BUILT_IN_CITY.name : `${city.code.slice(0, 4)}00`;
}

/**
 * The built-in city: Bazhong's five districts (domain.md), with seats and official areas. Used only
 * when no outlines are configured (FQ_GEOJSON unset: the schematic map, generated divisions); a
 * configured city's districts come from its outlines (`districtsFromGeoJson`).
 */
export const BUILT_IN_DISTRICTS: readonly District[] = [
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
