import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findRepoRoot } from '@fengqiao/config';
import { freshDatabase, type FreshDatabase } from '@fengqiao/db/src/testing/fresh-database';
import { ensureCityData, type CityData } from '@fengqiao/stack/src/geodata/geodata';
import { launchChromium, testConfig, type LaunchedBrowser } from '@fengqiao/testing';
import { FULL_HD, UHD, shootDocs, signIn } from './dashboard-pages';
import { startSystemOn, type RunningSystem } from './system';

// Issue 21: a county on the analysis map shows its townships' DERIVED areas (Voronoi cells of the
// townships' registered seats clipped to the real county outline) and says so on the map. The real
// Bazhong (pinned packages, build cache) is seeded by the real seed CLI into a database of its own;
// the built dashboard and the real API serve it; the shots go to docs/screenshots.
jest.setTimeout(600_000);

const root = findRepoRoot(__dirname);
const COUNTY = '511921'; // 通江县

let data: CityData;
let db: FreshDatabase;
let system: RunningSystem;
let chromium: LaunchedBrowser;
let townships: number;
const geojsonBefore = process.env.FQ_GEOJSON;

/** Reported cases over the last week, more in some townships than others, for the map's shading. */
async function seedCases(): Promise<void> {
  await db.pool.query(
    `INSERT INTO case_events (event_id, occurred_at, case_id, type, channel, county, township, village, grid,
                              category, tier, payload)
     SELECT gen_random_uuid(), now() - (k * 5 + n) * interval '1 hour', gen_random_uuid()::text, 'reported',
            'hotline', t.parent, t.code, v.code, v.code || '001', 'neighbour-dispute', 'standard',
            jsonb_build_object('category', 'neighbour-dispute', 'summary', 'e2e', 'partiesCount', 1,
                               'riskFlags', '[]'::jsonb)
     FROM (SELECT code, parent, row_number() OVER (ORDER BY code) AS n FROM regions
           WHERE level = 'township' AND parent = $1) t
     JOIN LATERAL (SELECT code FROM regions WHERE parent = t.code ORDER BY code LIMIT 1) v ON true
     CROSS JOIN LATERAL generate_series(1, 1 + (t.n * 7) % 13) k`,
    [COUNTY],
  );
}

beforeAll(async () => {
  const base = testConfig();
  data = await ensureCityData('5119', base.postgres.buildCacheDir, () => undefined);
  db = await freshDatabase(base.postgres.url, `fengqiao_townships_${process.pid}`);
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    FQ_CITY_DIVISIONS: data.divisionsPath,
    FQ_GEOJSON: data.outlinesPath,
  };
  for (const [script, args] of [
    ['apps/simulator/src/seed.ts', ['--cameras', '400', '--no-kafka']],
    ['apps/api/src/seed-users.ts', []],
  ] as const) {
    const r = spawnSync(process.execPath, ['-r', '@swc-node/register', script, ...args], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (r.status !== 0) throw new Error(`${script} failed:\n${r.stdout}${r.stderr}`);
  }
  await seedCases();
  const n = await db.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM regions WHERE level = 'township' AND parent = $1",
    [COUNTY],
  );
  townships = n.rows[0]?.n ?? 0;
  // The dashboard's preview server serves FQ_GEOJSON at /geo/districts.geojson.
  process.env.FQ_GEOJSON = data.outlinesPath;
  system = await startSystemOn(db.url);
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await system?.stop();
  await db?.drop();
  // Later spec files of this worker see the environment they would have seen without this one.
  if (geojsonBefore === undefined) delete process.env.FQ_GEOJSON;
  else process.env.FQ_GEOJSON = geojsonBefore;
});

describe('the analysis map zoomed to a county', () => {
  it('has the real county’s townships in the registry', () => {
    const divisions = JSON.parse(readFileSync(data.divisionsPath, 'utf8')) as {
      townships: { county: string }[];
    };
    expect(townships).toBe(divisions.townships.filter((t) => t.county === COUNTY).length);
    expect(townships).toBeGreaterThan(20);
  });

  it.each([
    { viewport: FULL_HD, shot: 'analysis-county-townships-1920x1080.png' },
    { viewport: UHD, shot: 'analysis-county-townships-3840x2160.png' },
  ])('draws one derived area per township, $viewport.width px wide', async ({ viewport, shot }) => {
    const page = await chromium.browser.newPage({ viewport });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(
      page,
      system.dashboardUrl,
      `/analysis?region=${COUNTY}&days=7`,
      'analyst',
      'analyst-demo-2026',
    );
    await page
      .locator(`[data-testid=drill-map][data-level=county][data-township-areas="${townships}"]`)
      .waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=breakdown][data-level=township]').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1500); // the charts' entry animation
    await shootDocs(page, shot);
    expect(errors).toEqual([]);
    await page.close();
  });
});
