import { readFileSync } from 'node:fs';
import { type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';
import { createPool, type DbPool } from '@fengqiao/db';
import { launchChromium, testConfig, type LaunchedBrowser } from '@fengqiao/testing';
import { clickChartUntil, FULL_HD, signIn } from './dashboard-pages';
import { startSystem, type RunningSystem } from './system';
import { seedDemoUsers, seedWallWorld } from './wall-fixtures';

const root = findRepoRoot(__dirname);
/** 通江县's first township in seedWallWorld, with four grid cells of this spec's own. */
const TOWNSHIP = '511921001';
const CELLS = [1, 2, 3, 4].map((n) => `${TOWNSHIP}001${String(n).padStart(3, '0')}`);
const CATEGORY = `grid-e2e-${Date.now().toString(36)}`;

/** Grid cells in the registry, and reported cases in them over the last days (n cases in cell n). */
async function seedGridCells(pool: DbPool): Promise<void> {
  for (const [i, cell] of CELLS.entries()) {
    await pool.query(
      `INSERT INTO regions (code, level, parent, name, lon, lat, population_weight)
       VALUES ($1, 'grid', left($1, 12), $2, $3, $4, 50) ON CONFLICT DO NOTHING`,
      [cell, `第${i + 1}网格`, 107.248 + i * 0.004, 31.912 + i * 0.003],
    );
    await pool.query(
      `INSERT INTO case_events (event_id, occurred_at, case_id, type, channel, county, township, village, grid,
                                category, tier, payload)
       SELECT gen_random_uuid(), now() - k * interval '7 hours', gen_random_uuid()::text, 'reported', 'hotline',
              '511921', $1, left($2, 12), $2, $3, 'standard', $4
       FROM generate_series(1, $5::int) k`,
      [
        TOWNSHIP,
        cell,
        CATEGORY,
        { category: CATEGORY, summary: 'e2e', partiesCount: 1, riskFlags: [] },
        i + 1,
      ],
    );
  }
}

describe('analysis: county → township → grid cell and back, against the real API', () => {
  let system: RunningSystem;
  let chromium: LaunchedBrowser;
  let pool: DbPool;
  const errors: string[] = [];
  const region = (page: Page): string => new URL(page.url()).searchParams.get('region') ?? '';

  beforeAll(async () => {
    seedDemoUsers(root);
    pool = createPool(testConfig().postgres.url, { max: 2 });
    await seedWallWorld(pool);
    await seedGridCells(pool);
    system = await startSystem();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
    await pool?.end();
  });

  it('ranks a township’s grid cells, drills into one, exports its CSV, and climbs back', async () => {
    const page = await chromium.browser.newPage({ viewport: FULL_HD, acceptDownloads: true });
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(
      page,
      system.dashboardUrl,
      `/analysis?region=${TOWNSHIP}&category=${CATEGORY}&days=7`,
      'analyst',
      'analyst-demo-2026',
    );
    // The township's breakdown is its grid cells, ranked, and the map places them at the registry's centres.
    await page
      .locator('[data-testid=breakdown][data-level=grid][data-rows="4"]')
      .waitFor({ timeout: 15_000 });
    await page
      .locator('[data-testid=drill-map][data-level=township][data-points="4"]')
      .waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1000); // the charts' entry animation
    expect(await clickChartUntil(page, 'breakdown', () => region(page).length === 15)).toBe(true);
    const cell = region(page);
    expect(CELLS).toContain(cell);
    await page.locator('[data-testid=drill-map][data-level=grid]').waitFor({ timeout: 5000 });
    const n = CELLS.indexOf(cell) + 1;
    expect(await page.getByTestId('region-name').textContent()).toBe(`第${n}网格`);
    await page.locator(`[data-testid=trend][data-total="${n}"]`).waitFor({ timeout: 10_000 });

    // The CSV of the grid level: that cell's rows only, adding up to its cases.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('bucket,region,category,events');
    const rows = csv.slice(1).map((l) => l.split(','));
    expect(rows.every((r) => r[1] === cell && r[2] === CATEGORY)).toBe(true);
    expect(rows.reduce((s, r) => s + Number(r[3]), 0)).toBe(n);

    // Back up: the breadcrumb's township, then one level up to the county.
    await page.getByTestId('crumb-township').click();
    await page.locator('[data-testid=breakdown][data-level=grid]').waitFor();
    expect(region(page)).toBe(TOWNSHIP);
    await page.getByTestId('drill-up').click();
    await page.locator('[data-testid=drill-map][data-level=county]').waitFor();
    expect(region(page)).toBe('511921');
    expect(await page.getByTestId('region-name').textContent()).toBe('通江县');
    expect(errors).toEqual([]);
    await page.close();
  });
});
