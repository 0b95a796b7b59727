import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cameraRegisteredSchema } from '@fengqiao/contracts';
import { createPool, type DbPool } from '@fengqiao/db';
import { allRegions, pointInMultiPolygon, type DemoCity } from '@fengqiao/geo';
import { createKafkaClient, ensureTopics } from '@fengqiao/kafka';
import { testConfig, uniqueName } from '@fengqiao/testing';
import { loadDemoWorld } from './demo-world';
import { DEMO_REGISTERED_AT } from './registry-publisher';
import { SeedService } from './seed.service';
import { drainTopics } from './test-support/drain-topics';

const config = testConfig();
// The shared demo boundaries when this machine has them (as the demo does), else the schematic.
const sharedGeo = join(config.repoRoot, '..', 'shared', 'geo', 'bazhong-districts.geojson');
const geojsonPath = config.geojsonPath ?? (existsSync(sharedGeo) ? sharedGeo : undefined);
const CAMERAS = 800;
const kafka = createKafkaClient({
  brokers: config.kafka.brokers,
  clientId: uniqueName('seed-test'),
  log: () => undefined,
});
const topic = uniqueName('test.camera.registered');
let pool: DbPool;
let city: DemoCity;
const lines: string[] = [];

beforeAll(async () => {
  pool = createPool(config.postgres.url, { max: 2 });
  city = loadDemoWorld({ seed: 20261127, registry: CAMERAS, geojsonPath });
  await ensureTopics(kafka, [{ name: topic, partitions: 3, retentionMs: 3_600_000, compacted: true }]);
});

afterAll(async () => {
  await pool.end();
});

describe('seed', () => {
  it('writes every region once, with codes extending their parents and centres in their district', async () => {
    const first = await new SeedService(pool, kafka, (l) => lines.push(l)).run(city, {
      registryTopic: topic,
    });
    expect(first).toEqual({
      regionsWritten: allRegions(city.hierarchy).length,
      camerasWritten: CAMERAS,
      camerasProduced: CAMERAS,
    });
    const rows = await pool.query<{ level: string; n: number; bad: number }>(
      `SELECT level, count(*)::int AS n,
              count(*) FILTER (WHERE level <> 'county' AND NOT starts_with(code, parent))::int AS bad
       FROM regions WHERE code LIKE '5119%' GROUP BY level ORDER BY level`,
    );
    const byLevel = Object.fromEntries(rows.rows.map((r) => [r.level, r.n]));
    expect(byLevel).toEqual({
      county: 5,
      township: 120,
      village: city.hierarchy.villages.length,
      grid: city.hierarchy.grids.length,
    });
    expect(rows.rows.every((r) => r.bad === 0)).toBe(true);
    const centres = await pool.query<{ code: string; lon: number; lat: number }>(
      "SELECT code, lon, lat FROM regions WHERE code LIKE '5119%'",
    );
    const outside = centres.rows.filter(
      (r) => !pointInMultiPolygon(r, city.shapes.get(r.code.slice(0, 6)) ?? []),
    );
    expect(outside).toEqual([]);
  });

  it('writes the cameras inside their district boundaries', async () => {
    const ids = city.cameras.map((c) => c.cameraId);
    const rows = await pool.query<{ camera_id: string; county: string; lon: number; lat: number }>(
      'SELECT camera_id, county, lon, lat FROM cameras WHERE camera_id = ANY($1)',
      [ids],
    );
    expect(rows.rowCount).toBe(CAMERAS);
    const outside = rows.rows.filter((r) => !pointInMultiPolygon(r, city.shapes.get(r.county) ?? []));
    expect(outside).toEqual([]);
  });

  it('produces the registry as valid camera.registered.v1 messages keyed by camera id', async () => {
    const messages = await drainTopics(kafka, [topic], CAMERAS, uniqueName('seed-test-group'));
    expect(messages).toHaveLength(CAMERAS);
    const invalid = messages.filter((m) => {
      const parsed = cameraRegisteredSchema.safeParse(JSON.parse(m.value));
      return !parsed.success || parsed.data.cameraId !== m.key;
    });
    expect(invalid).toEqual([]);
    expect(new Set(messages.map((m) => m.key)).size).toBe(CAMERAS);
  });

  it('removes what an earlier demo seed left behind, and nothing registered upstream', async () => {
    const insert = `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key,
                                         registered_at) VALUES ($1, 'x', 'road', '511902', '511902001', 106.7, 31.8, 'd', 'k', $2)`;
    await pool.query(insert, ['51190299999999999991', DEMO_REGISTERED_AT]);
    await pool.query(insert, ['51190299999999999992', '2026-11-01T00:00:00Z']);
    await pool.query(
      "INSERT INTO regions (code, level, parent, name, lon, lat, population_weight) VALUES ('511902999', 'township', '511902', '旧镇', 106.7, 31.8, 1)",
    );
    const run = await new SeedService(pool, undefined, (l) => lines.push(l)).run(city);
    expect(run).toEqual({ regionsWritten: 0, camerasWritten: 0, camerasProduced: 0 });
    const left = await pool.query<{ id: string }>(
      "SELECT camera_id AS id FROM cameras WHERE camera_id LIKE '511902999999999999%' ORDER BY 1",
    );
    expect(left.rows.map((r) => r.id)).toEqual(['51190299999999999992']);
    expect((await pool.query("SELECT 1 FROM regions WHERE code = '511902999'")).rowCount).toBe(0);
  });

  it('skips everything on a second run, quickly', async () => {
    const t0 = performance.now();
    const second = await new SeedService(pool, kafka, (l) => lines.push(l)).run(city, {
      registryTopic: topic,
    });
    expect(second).toEqual({ regionsWritten: 0, camerasWritten: 0, camerasProduced: 0 });
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(lines.slice(-3).filter((l) => l.includes('skipped'))).toHaveLength(3);
  });
});
