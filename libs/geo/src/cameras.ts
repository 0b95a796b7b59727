import { type GeoPoint, type RegionRef, type SiteType } from '@fengqiao/contracts';
import { type DistrictShapes } from './boundaries';
import { GeoError } from './geo-error';
import { SITE_PLACE_WORDS, roadName, spot, squareName } from './names';
import { pointNear } from './polygon';
import { Prng, apportion } from './prng';
import { ancestry, type CityHierarchy, type Region } from './regions';

/** One camera of the demo registry (the fields of a camera.registered.v1 message). */
export interface CameraSpec {
  readonly cameraId: string;
  readonly name: string;
  readonly siteType: SiteType;
  readonly region: Required<RegionRef>;
  readonly location: GeoPoint;
  readonly department: string;
  readonly streamKey: string;
}

export interface CameraRegistryOptions {
  readonly seed: number;
  readonly hierarchy: CityHierarchy;
  readonly shapes: DistrictShapes;
  /** Cameras across the city (default 31,000, as in the domain brief). */
  readonly total?: number;
}

const SITES: readonly SiteType[] = ['key-industry', 'square', 'station', 'school', 'smart-community', 'road'];
/** Site mix in the order of SITES: towns watch roads; urban streets also communities and squares. */
const URBAN_MIX = [0.13, 0.1, 0.07, 0.1, 0.3, 0.3];
const RURAL_MIX = [0.16, 0.06, 0.06, 0.12, 0.1, 0.5];
/** Urban grid cells carry more cameras per resident. */
const URBAN_DENSITY = 1.6;

/** GB/T 28181 industry code (digits 9-10) per site type. */
export const INDUSTRY_CODE: Readonly<Record<SiteType, string>> = {
  road: '04',
  square: '08',
  station: '07',
  school: '11',
  'smart-community': '01',
  'key-industry': '02',
};

/** The department that owns a camera of this site type (≤ 64 characters). */
function departmentOf(site: SiteType, county: Region, township: Region): string {
  switch (site) {
    case 'road':
      return `${county.name}公安局交通警察大队`;
    case 'square':
      return `${county.name}公安局`;
    case 'station':
      return `${county.name}交通运输局`;
    case 'school':
      return `${county.name}教育科技局`;
    case 'smart-community':
      return `${township.name}综治中心`;
    case 'key-industry':
      return `${county.name}应急管理局`;
  }
}

function placeName(rng: Prng, site: SiteType, village: Region): string {
  switch (site) {
    case 'road':
      return `${roadName(rng)}${rng.pick(SITE_PLACE_WORDS.road)}`;
    case 'square':
      return squareName(rng);
    case 'smart-community':
      return `${village.name}${rng.pick(SITE_PLACE_WORDS['smart-community'])}${1 + rng.int(12)}栋`;
    case 'station':
    case 'school':
    case 'key-industry':
      return `${rng.pick(SITE_PLACE_WORDS[site])}${spot(rng)}`;
  }
}

/**
 * A deterministic registry of cameras spread over the grid cells in proportion to their residents
 * (urban cells denser), each with a 20-digit GB/T 28181 id: county code (6), township slot (2),
 * industry (2), type 131 camera / 132 IP camera (3), network (1), serial within the county (6).
 */
export function generateCameraRegistry(options: CameraRegistryOptions): CameraSpec[] {
  const { hierarchy: h, seed } = options;
  const byCode = new Map<string, Region>(
    [...h.counties, ...h.townships, ...h.villages].map((r) => [r.code, r]),
  );
  const townshipSlot = new Map<string, number>();
  for (const t of h.townships) {
    const inCounty = h.townships.filter((o) => o.parent === t.parent && o.code < t.code).length;
    townshipSlot.set(t.code, (inCounty % 99) + 1);
  }
  const perGrid = apportion(
    options.total ?? 31_000,
    h.grids.map((g) => g.population * (g.urban ? URBAN_DENSITY : 1)),
  );
  const serial = new Map<string, number>();
  const cameras: CameraSpec[] = [];
  h.grids.forEach((grid, i) => {
    const rng = Prng.derive(seed, 'cameras', grid.code);
    const geo = Prng.derive(seed, 'camera-locations', grid.code);
    const codes = ancestry(grid.code);
    const county = byCode.get(codes.county);
    const township = byCode.get(codes.township ?? '');
    const village = byCode.get(codes.village ?? '');
    const shape = options.shapes.get(codes.county);
    if (!county || !township || !village || !shape)
      throw new GeoError('GEO_MISSING_DISTRICT', `grid ${grid.code} has no parent or shape`);
    for (let k = 0; k < (perGrid[i] ?? 0); k++) {
      const site = SITES[rng.weighted(grid.urban ? URBAN_MIX : RURAL_MIX)] as SiteType;
      const n = (serial.get(county.code) ?? 0) + 1;
      serial.set(county.code, n);
      const cameraId = [
        county.code,
        String(townshipSlot.get(township.code) ?? 0).padStart(2, '0'),
        INDUSTRY_CODE[site],
        rng.next() < 0.15 ? '131' : '132',
        site === 'smart-community' || site === 'key-industry' ? '8' : '0',
        String(n).padStart(6, '0'),
      ].join('');
      cameras.push({
        cameraId,
        name: `${county.name}${township.name}${placeName(rng, site, village)}-${String(k + 1).padStart(2, '0')}`,
        siteType: site,
        region: { county: county.code, township: township.code, village: village.code, grid: grid.code },
        location: pointNear(geo, grid.centre, site === 'road' ? 1.2 : grid.urban ? 0.25 : 0.5, shape),
        department: departmentOf(site, county, township),
        streamKey: `cam-${cameraId}`,
      });
    }
  });
  return cameras;
}
