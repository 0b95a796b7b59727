import { cityRegionCode, type District, type GeoPoint } from '@fengqiao/contracts';
import { type DistrictShapes } from './boundaries';
import { BUILT_IN_DISTRICTS } from './built-in-city';
import { shortVillageName, townshipKindOf, villageIsUrban, type CityDivisions } from './divisions';
import { GeoError } from './geo-error';
import { NamePool } from './names';
import {
  bboxOf,
  distanceKm,
  pointInMultiPolygon,
  pointNear,
  randomPointIn,
  roundPoint,
  type MultiPolygonRings,
} from './polygon';
import { Prng, apportion } from './prng';
import { districtPopulation, type CityHierarchy, type Region, type TownshipKind } from './regions';

export interface HierarchyOptions {
  readonly seed: number;
  readonly shapes: DistrictShapes;
  /** Townships across the city (default 120, as in the domain brief). */
  readonly townships?: number;
  readonly districts?: readonly District[];
  /**
   * The city's real townships and villages (tools/geodata): their codes, names and kinds replace
   * the generated ones (`townships` is then ignored); points and populations are still derived.
   */
  readonly divisions?: CityDivisions;
}

/** A township or village to place: from the real divisions, or generated. */
interface Named {
  readonly code: string;
  readonly name: string;
}

interface Place {
  readonly region: Region;
  readonly kind: TownshipKind;
}

const code3 = (n: number): string => String(n).padStart(3, '0');

/** Townships per district, in proportion to an even blend of area share and population share. */
export function townshipCounts(districts: readonly District[], total: number): number[] {
  const area = districts.reduce((a, d) => a + d.areaKm2, 0);
  const pop = districts.reduce((a, d) => a + districtPopulation(d), 0);
  return apportion(
    total,
    districts.map((d) => 0.5 * (d.areaKm2 / area) + 0.5 * (districtPopulation(d) / pop)),
  );
}

/** Deterministic city → county → township → village/community → grid cell hierarchy. */
export function generateHierarchy(options: HierarchyOptions): CityHierarchy {
  const districts = options.districts ?? BUILT_IN_DISTRICTS;
  const real = options.divisions;
  const counts =
    real === undefined
      ? townshipCounts(districts, options.townships ?? 120)
      : districts.map((d) => real.townships.filter((t) => t.county === d.code).length);
  const names = new NamePool(Prng.derive(options.seed, 'township-names'));
  const out = {
    counties: [] as Region[],
    townships: [] as Region[],
    villages: [] as Region[],
    grids: [] as Region[],
  };
  districts.forEach((d, i) => {
    const shape = options.shapes.get(d.code);
    if (shape === undefined) throw new GeoError('GEO_MISSING_DISTRICT', `no shape for ${d.code}`);
    const anchor = pointInMultiPolygon(d.seat, shape)
      ? roundPoint(d.seat)
      : randomPointIn(new Prng(i), shape);
    const population = districtPopulation(d);
    out.counties.push({
      code: d.code,
      level: 'county',
      parent: cityRegionCode(d.code),
      name: d.name,
      centre: anchor,
      population,
      urban: false,
    });
    const spreadKm = Math.sqrt(d.areaKm2 / Math.max(1, counts[i] ?? 1)) / 2;
    const named = real?.townships.filter((t) => t.county === d.code);
    for (const t of townshipsOf(options.seed, d, shape, anchor, counts[i] ?? 0, names, named)) {
      out.townships.push(t.region);
      const villages = real?.villages.filter((v) => v.township === t.region.code);
      for (const v of villagesOf(options.seed, t, shape, spreadKm, villages)) {
        out.villages.push(v.region);
        out.grids.push(...gridsOf(options.seed, v.region, shape));
      }
    }
  });
  return { seed: options.seed, ...out };
}

/** Picks, of k uniform candidates, the one farthest from the points already placed (even spread). */
function bestCandidate(rng: Prng, shape: MultiPolygonRings, placed: readonly GeoPoint[], k = 12): GeoPoint {
  const box = bboxOf(shape);
  let best = randomPointIn(rng, shape, box);
  let bestGap = Math.min(Infinity, ...placed.map((p) => distanceKm(p, best)));
  for (let c = 1; c < k; c++) {
    const cand = randomPointIn(rng, shape, box);
    const gap = Math.min(Infinity, ...placed.map((p) => distanceKm(p, cand)));
    if (gap > bestGap) [best, bestGap] = [cand, gap];
  }
  return best;
}

function townshipKinds(n: number): TownshipKind[] {
  const streets = Math.min(n, Math.max(2, Math.round(n * 0.15)));
  const rural = Math.round((n - streets) * 0.2);
  return [
    ...Array<TownshipKind>(streets).fill('street'),
    ...Array<TownshipKind>(n - streets - rural).fill('town'),
    ...Array<TownshipKind>(rural).fill('rural'),
  ];
}

function townshipsOf(
  seed: number,
  d: District,
  shape: MultiPolygonRings,
  anchor: GeoPoint,
  n: number,
  names: NamePool,
  real?: readonly Named[],
): Place[] {
  // Places and attributes draw from separate streams: other boundaries move the points, not the ids.
  const rng = Prng.derive(seed, 'townships', d.code);
  const geo = Prng.derive(seed, 'township-centres', d.code);
  const kinds = real === undefined ? townshipKinds(n) : real.map((t) => townshipKindOf(t.code, t.name));
  const centres: GeoPoint[] = [];
  for (const kind of kinds)
    centres.push(
      kind === 'street'
        ? pointNear(geo, anchor, 2.5, shape)
        : bestCandidate(geo, shape, [anchor, ...centres]),
    );
  const weights = kinds.map((k) =>
    k === 'street' ? rng.range(3, 6) : k === 'town' ? Math.exp(rng.normal() * 0.4) : rng.range(0.3, 0.7),
  );
  const people = apportion(districtPopulation(d), weights);
  const next: Record<TownshipKind, number> = { street: 1, town: 100, rural: 200 };
  return kinds.map((kind, i) => {
    const given = real?.[i];
    const name =
      given?.name ?? (kind === 'street' ? names.street() : names.place(kind === 'town' ? '镇' : '乡'));
    const code = given?.code ?? `${d.code}${code3(next[kind]++)}`;
    const region: Region = {
      code,
      level: 'township',
      parent: d.code,
      name,
      centre: centres[i] as GeoPoint,
      population: people[i] ?? 0,
      urban: kind === 'street',
    };
    return { region, kind };
  });
}

function villagesOf(
  seed: number,
  t: Place,
  shape: MultiPolygonRings,
  spreadKm: number,
  real?: readonly Named[],
): Place[] {
  const rng = Prng.derive(seed, 'villages', t.region.code);
  const geo = Prng.derive(seed, 'village-centres', t.region.code);
  const names = new NamePool(Prng.derive(seed, 'village-names', t.region.code));
  const communities = t.kind === 'street' ? 5 + rng.int(6) : t.kind === 'town' ? 1 + rng.int(2) : rng.int(2);
  const villages = t.kind === 'street' ? rng.int(3) : t.kind === 'town' ? 8 + rng.int(9) : 5 + rng.int(6);
  const urban =
    real === undefined
      ? Array<boolean>(communities).fill(true).concat(Array<boolean>(villages).fill(false))
      : real.map((v) => villageIsUrban(v.name));
  const weights = urban.map((u) => (u ? 3 : 1) * Math.exp(rng.normal() * 0.3));
  const people = apportion(t.region.population, weights);
  let community = 1;
  let village = 200;
  return urban.map((u, i) => {
    const centre = pointNear(geo, t.region.centre, u ? (t.kind === 'street' ? 1.2 : 0.6) : spreadKm, shape);
    const given = real?.[i];
    const code = given?.code ?? `${t.region.code}${code3(u ? community++ : village++)}`;
    const name =
      given === undefined ? (u ? names.community() : names.place('村')) : shortVillageName(given.name);
    return {
      region: {
        code,
        level: 'village',
        parent: t.region.code,
        name,
        centre,
        population: people[i] ?? 0,
        urban: u,
      },
      kind: t.kind,
    };
  });
}

function gridsOf(seed: number, v: Region, shape: MultiPolygonRings): Region[] {
  const rng = Prng.derive(seed, 'grids', v.code);
  const geo = Prng.derive(seed, 'grid-centres', v.code);
  const n = v.urban ? 4 + rng.int(6) : 1 + rng.int(4);
  const people = apportion(
    v.population,
    Array.from({ length: n }, () => Math.exp(rng.normal() * 0.25)),
  );
  return people.map((population, i) => ({
    code: `${v.code}${code3(i + 1)}`,
    level: 'grid',
    parent: v.code,
    name: `${v.name}第${i + 1}网格`,
    centre: pointNear(geo, v.centre, v.urban ? 0.3 : 0.8, shape),
    population,
    urban: v.urban,
  }));
}
