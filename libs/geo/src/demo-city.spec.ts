import fc from 'fast-check';
import {
  cameraIdSchema,
  cameraRegisteredSchema,
  gridCellIdSchema,
  townshipCodeSchema,
  villageCodeSchema,
} from '@fengqiao/contracts';
import { BUILT_IN_DISTRICTS } from './built-in-city';
import { districtShapesFromGeoJson, districtsFromGeoJson, schematicDistrictShapes } from './boundaries';
import { buildDemoCity } from './demo-city';
import { townshipCounts } from './hierarchy';
import { parseCityDivisions } from './divisions';
import { KM_PER_DEG_LAT, KM_PER_DEG_LON, pointInMultiPolygon } from './polygon';
import { DISTRICT_POPULATION, allRegions } from './regions';

const city = buildDemoCity({ seed: 42 });
const { hierarchy, cameras, shapes } = city;
const share = <T>(items: readonly T[], pred: (t: T) => boolean): number =>
  items.filter(pred).length / items.length;

describe('the administrative hierarchy', () => {
  it('has the five districts and 120 townships, split by area and population', () => {
    expect(hierarchy.counties.map((c) => c.code)).toEqual(BUILT_IN_DISTRICTS.map((d) => d.code));
    expect(hierarchy.townships).toHaveLength(120);
    const perCounty = BUILT_IN_DISTRICTS.map(
      (d) => hierarchy.townships.filter((t) => t.parent === d.code).length,
    );
    expect(perCounty).toEqual(townshipCounts(BUILT_IN_DISTRICTS, 120));
    // Tongjiang (largest area) gets the most, Enyang (smallest in both) the fewest.
    expect(Math.max(...perCounty)).toBe(perCounty[2]);
    expect(Math.min(...perCounty)).toBe(perCounty[1]);
  });

  it.each([
    { level: 'township', schema: townshipCodeSchema, regions: hierarchy.townships },
    { level: 'village', schema: villageCodeSchema, regions: hierarchy.villages },
    { level: 'grid', schema: gridCellIdSchema, regions: hierarchy.grids },
  ])('every $level code is valid, unique and extends its parent by 3 digits', ({ schema, regions }) => {
    for (const r of regions) {
      expect(schema.safeParse(r.code).success).toBe(true);
      expect(r.code.startsWith(r.parent) && r.code.length === r.parent.length + 3).toBe(true);
    }
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
  });

  it('places every centre inside its district and names townships like 某某镇 / 某某街道 / 某某乡', () => {
    const outside = allRegions(hierarchy).filter(
      (r) => !pointInMultiPolygon(r.centre, shapes.get(r.code.slice(0, 6)) ?? []),
    );
    expect(outside).toEqual([]);
    for (const t of hierarchy.townships) expect(t.name).toMatch(/^\p{Script=Han}{2,3}(镇|乡|街道)$/u);
    expect(new Set(hierarchy.townships.map((t) => t.name)).size).toBe(120);
  });

  it('splits each parent’s population exactly among its children', () => {
    const children = new Map<string, number>();
    for (const r of [...hierarchy.townships, ...hierarchy.villages, ...hierarchy.grids])
      children.set(r.parent, (children.get(r.parent) ?? 0) + r.population);
    for (const r of [...hierarchy.counties, ...hierarchy.townships, ...hierarchy.villages])
      expect(children.get(r.code)).toBe(r.population);
    expect(hierarchy.counties.map((c) => c.population)).toEqual(
      BUILT_IN_DISTRICTS.map((d) => DISTRICT_POPULATION[d.code]),
    );
  });
});

describe('the camera registry', () => {
  it('has 31,000 cameras with unique valid GB/T 28181 ids carrying the county code and type 131/132', () => {
    expect(cameras).toHaveLength(31_000);
    expect(new Set(cameras.map((c) => c.cameraId)).size).toBe(31_000);
    const bad = cameras.filter(
      (c) =>
        !cameraIdSchema.safeParse(c.cameraId).success ||
        c.cameraId.slice(0, 6) !== c.region.county ||
        !['131', '132'].includes(c.cameraId.slice(10, 13)) ||
        !c.region.grid.startsWith(c.region.village) ||
        !c.region.village.startsWith(c.region.township),
    );
    expect(bad).toEqual([]);
  });

  it('locates every camera inside its district and validates as camera.registered.v1', () => {
    const outside = cameras.filter(
      (c) => !pointInMultiPolygon(c.location, shapes.get(c.region.county) ?? []),
    );
    expect(outside).toEqual([]);
    const invalid = cameras.filter(
      (c) =>
        !cameraRegisteredSchema.safeParse({
          schema: 'camera.registered.v1',
          eventId: '00000000-0000-5000-8000-000000000000',
          occurredAt: '2026-11-27T00:00:00Z',
          ...c,
        }).success,
    );
    expect(invalid).toEqual([]);
  });

  it('spreads cameras by population: each district within 25% of its population share', () => {
    const total = Object.values(DISTRICT_POPULATION).reduce((a, b) => a + b, 0);
    for (const d of BUILT_IN_DISTRICTS) {
      const camShare = share(cameras, (c) => c.region.county === d.code);
      const popShare = (DISTRICT_POPULATION[d.code] ?? 0) / total;
      expect(Math.abs(camShare - popShare) / popShare).toBeLessThan(0.25);
    }
  });

  it.each([
    { site: 'road', min: 0.3, max: 0.45 },
    { site: 'smart-community', min: 0.15, max: 0.3 },
    { site: 'key-industry', min: 0.1, max: 0.2 },
    { site: 'school', min: 0.07, max: 0.15 },
    { site: 'square', min: 0.05, max: 0.12 },
    { site: 'station', min: 0.04, max: 0.1 },
  ])('$site cameras make up between $min and $max of the registry', ({ site, min, max }) => {
    const s = share(cameras, (c) => c.siteType === site);
    expect(s).toBeGreaterThanOrEqual(min);
    expect(s).toBeLessThanOrEqual(max);
  });
});

describe('determinism', () => {
  it('builds the same city from the same seed, and a different one from another seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const a = buildDemoCity({ seed, cameras: 500, townships: 30 });
        const b = buildDemoCity({ seed, cameras: 500, townships: 30 });
        const c = buildDemoCity({ seed: seed + 1, cameras: 500, townships: 30 });
        expect(b).toEqual(a);
        expect(c.cameras.map((x) => x.location)).not.toEqual(a.cameras.map((x) => x.location));
        expect(a.cameras).toHaveLength(500);
        for (const cam of a.cameras)
          expect(pointInMultiPolygon(cam.location, a.shapes.get(cam.region.county) ?? [])).toBe(true);
      }),
      { numRuns: 5 },
    );
  });
});

describe('boundaries', () => {
  it('reads shapes from a FeatureCollection keyed by adcode (number or string)', () => {
    const schematic = schematicDistrictShapes();
    const features = BUILT_IN_DISTRICTS.map((d, i) => ({
      type: 'Feature',
      properties: { adcode: i % 2 === 0 ? Number(d.code) : d.code, name: d.name },
      geometry: { type: 'MultiPolygon', coordinates: schematic.get(d.code) },
    }));
    const shapesRead = districtShapesFromGeoJson({ type: 'FeatureCollection', features });
    expect([...shapesRead.keys()].sort()).toEqual(BUILT_IN_DISTRICTS.map((d) => d.code).sort());
    expect(shapesRead.get('511921')).toEqual(schematic.get('511921'));
  });

  it.each([
    { what: 'not a collection', input: { type: 'Feature' }, code: 'GEO_BAD_GEOJSON' },
    {
      what: 'a missing district',
      input: { type: 'FeatureCollection', features: [] },
      code: 'GEO_MISSING_DISTRICT',
    },
  ])('rejects $what with $code', ({ input, code }) => {
    expect(() => districtShapesFromGeoJson(input)).toThrow(code);
  });

  it('keeps the schematic districts apart: no seat lies inside another district', () => {
    const schematic = schematicDistrictShapes();
    for (const d of BUILT_IN_DISTRICTS)
      for (const other of BUILT_IN_DISTRICTS)
        expect(pointInMultiPolygon(d.seat, schematic.get(other.code) ?? [])).toBe(d.code === other.code);
  });
});

describe('boundary independence', () => {
  it('keeps every code, name, population and camera id when only the boundaries change', () => {
    const schematic = buildDemoCity({ seed: 8, cameras: 3_000, townships: 30 });
    const shifted = new Map(
      [...schematic.shapes].map(([code, shape]) => [
        code,
        shape.map((poly) => poly.map((ring) => ring.map(([lon, lat]) => [lon + 0.01, lat - 0.01] as const))),
      ]),
    );
    const features = [...shifted].map(([code, coordinates]) => ({
      type: 'Feature',
      properties: { adcode: code },
      geometry: { type: 'MultiPolygon', coordinates },
    }));
    const other = buildDemoCity({
      seed: 8,
      cameras: 3_000,
      townships: 30,
      geojson: { type: 'FeatureCollection', features },
    });
    const strip = (c: typeof schematic) => ({
      regions: allRegions(c.hierarchy).map((r) => [r.code, r.name, r.population]),
      cameras: c.cameras.map((x) => [x.cameraId, x.name, x.siteType, x.region.grid]),
    });
    expect(strip(other)).toEqual(strip(schematic));
    expect(other.cameras.map((c) => c.location)).not.toEqual(schematic.cameras.map((c) => c.location));
  });
});

describe('another city, by its outlines and divisions (issue 21)', () => {
  const square = (lon: number, lat: number): number[][][][] => [
    [
      [
        [lon, lat],
        [lon + 0.3, lat],
        [lon + 0.3, lat + 0.3],
        [lon, lat + 0.3],
        [lon, lat],
      ],
    ],
  ];
  const geojson = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { adcode: '511303', name: '高坪区' },
        geometry: { type: 'MultiPolygon', coordinates: square(106.25, 30.65) },
      },
      {
        type: 'Feature',
        properties: { adcode: 511302, name: '顺庆区', center: [106.1, 30.8] },
        geometry: { type: 'MultiPolygon', coordinates: square(105.95, 30.65) },
      },
    ],
  };
  const divisions = parseCityDivisions({
    city: { code: '5113', name: '南充市' },
    source: 'test',
    townships: [
      { code: '511302001', name: '中城街道', county: '511302' },
      { code: '511303101', name: '龙门镇', county: '511303' },
    ],
    villages: [
      { code: '511302001001', name: '模范街社区居民委员会', township: '511302001' },
      { code: '511303101201', name: '青山村民委员会', township: '511303101' },
    ],
  });

  it('takes the districts from the outlines: code order, names, the centre as seat, the outline area', () => {
    const districts = districtsFromGeoJson(geojson);
    expect(districts.map((d) => [d.code, d.name])).toEqual([
      ['511302', '顺庆区'],
      ['511303', '高坪区'],
    ]);
    expect(districts[0]?.seat).toEqual({ lon: 106.1, lat: 30.8 });
    expect(districts[1]?.seat).toEqual({ lon: 106.4, lat: 30.8 });
    const expectedKm2 = 0.3 * KM_PER_DEG_LAT * 0.3 * KM_PER_DEG_LON;
    expect(Math.abs((districts[1]?.areaKm2 ?? 0) - expectedKm2) / expectedKm2).toBeLessThan(0.02);
  });

  it('builds the hierarchy under the city 511300, with its real townships and villages, cameras inside', () => {
    const city = buildDemoCity({ geojson, divisions, cameras: 60 });
    expect(city.hierarchy.counties.map((c) => [c.code, c.parent])).toEqual([
      ['511302', '511300'],
      ['511303', '511300'],
    ]);
    expect(city.hierarchy.townships.map((t) => t.code)).toEqual(['511302001', '511303101']);
    expect(city.hierarchy.villages.map((v) => v.name)).toEqual(['模范街社区', '青山村']);
    expect(city.cameras).toHaveLength(60);
    for (const cam of city.cameras) {
      expect(cam.cameraId.startsWith(cam.region.county)).toBe(true);
      expect(pointInMultiPolygon(cam.location, city.shapes.get(cam.region.county) ?? [])).toBe(true);
    }
  });
});
