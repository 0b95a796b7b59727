import { type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';
import { type CameraStatusResponse } from '@fengqiao/contracts';
import { createPool, type DbPool } from '@fengqiao/db';
import { launchChromium, testConfig, type LaunchedBrowser } from '@fengqiao/testing';
import { apiAs, clickChartUntil, FULL_HD, overflow, shootDocs, signIn, UHD } from './dashboard-pages';
import { startSystem, type RunningSystem } from './system';
import { seedDemoUsers, seedWallWorld } from './wall-fixtures';

const root = findRepoRoot(__dirname);

describe('analysis calendar, drill-down map and the cameras view against the real API', () => {
  let system: RunningSystem;
  let chromium: LaunchedBrowser;
  let pool: DbPool;
  const errors: string[] = [];
  const open = async (path: string, user: string, password: string): Promise<Page> => {
    const page = await chromium.browser.newPage({ viewport: FULL_HD });
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, system.dashboardUrl, path, user, password);
    return page;
  };

  beforeAll(async () => {
    seedDemoUsers(root);
    pool = createPool(testConfig().postgres.url, { max: 2 });
    await seedWallWorld(pool);
    system = await startSystem();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
    await pool?.end();
  });

  it('the calendar heatmap has a cell per day with events, adding up to the database', async () => {
    const page = await open('/analysis', 'analyst', 'analyst-demo-2026');
    const calendar = page.locator('[data-testid=calendar]:not([data-days=""])');
    await calendar.waitFor({ timeout: 15_000 });
    // seedWallWorld: hourly rollups over the last 8 days, so 8 or 9 Beijing days have events.
    expect(Number(await calendar.getAttribute('data-days'))).toBeGreaterThanOrEqual(8);
    const expected = await pool.query<{ n: string }>(
      `SELECT coalesce(sum(events), 0)::text AS n FROM region_hourly_rollup
       WHERE source = 'case' AND bucket >= now() - interval '28 days'`,
    );
    expect(Number(await calendar.getAttribute('data-total'))).toBeGreaterThan(0);
    expect(Number(await calendar.getAttribute('data-total'))).toBeLessThanOrEqual(
      Number(expected.rows[0]?.n),
    );
    await page.close();
  });

  it('a click on a district drills the map down to its county, the URL follows, and back up', async () => {
    const page = await open('/analysis', 'analyst', 'analyst-demo-2026');
    await page.locator('[data-testid=drill-map][data-level=city]').waitFor();
    await page.getByTestId('region-name').filter({ hasText: '全市' }).waitFor();
    await page.waitForTimeout(1000); // the map's entry animation
    const hasRegion = (): boolean => new URL(page.url()).searchParams.has('region');
    expect(await clickChartUntil(page, 'drill-map', hasRegion)).toBe(true);
    await page.locator('[data-testid=drill-map][data-level=county]').waitFor({ timeout: 5000 });
    const region = new URL(page.url()).searchParams.get('region') ?? '';
    expect(region).toMatch(/^5119\d{2}$/);
    // The county's townships appear as bubbles (at the region registry's centres).
    await page.locator('[data-testid=drill-map]:not([data-points="0"])').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1500);
    await shootDocs(page, 'analysis-county-1920x1080.png');
    // One level further through the breakdown bars of the county's townships; the map follows the URL.
    await page.waitForTimeout(1000);
    const inTownship = (): boolean => (new URL(page.url()).searchParams.get('region') ?? '').length === 9;
    expect(await clickChartUntil(page, 'breakdown', inTownship)).toBe(true);
    await page.locator('[data-testid=drill-map][data-level=township]').waitFor({ timeout: 5000 });
    expect(new URL(page.url()).searchParams.get('region')).toMatch(new RegExp(`^${region}\\d{3}$`));
    await page.getByTestId('drill-up').click();
    await page.getByTestId('drill-up').click();
    await page.locator('[data-testid=drill-map][data-level=city]').waitFor();
    expect(new URL(page.url()).searchParams.get('region')).toBeNull();
    await page.close();
  });

  it('the cameras view searches the registry, sums the status like the API, and opens a live view', async () => {
    const page = await open('/cameras', 'officer', 'officer-demo-2026');
    const status = await apiAs<CameraStatusResponse>(
      system.apiUrl,
      'officer',
      'officer-demo-2026',
      '/api/cameras/status',
    );
    const total = status.rows.reduce((s, r) => s + r.total, 0);
    await page.locator(`[data-testid=camera-status][data-total="${total}"]`).waitFor({ timeout: 10_000 });
    await page.getByTestId('camera-q').fill('号广场1号机');
    await page.getByTestId('camera-q').press('Enter');
    expect(new URL(page.url()).searchParams.get('q')).toBe('号广场1号机');
    await page.getByTestId('camera-county').selectOption('511921');
    // The unfiltered answer has 511921's cameras too: wait for the others to go, not for one of them.
    await page.locator('[data-testid=camera-row]:not([data-camera-id^="511921"])').first().waitFor({
      state: 'detached',
    });
    await page.locator('[data-testid=camera-row][data-camera-id^="511921"]').first().waitFor();
    const rows = page.getByTestId('camera-row');
    for (let i = 0; i < (await rows.count()); i += 1) {
      expect(await rows.nth(i).getAttribute('data-camera-id')).toMatch(/^511921/);
    }
    await rows.first().click();
    const cameraId = await rows.first().getAttribute('data-camera-id');
    expect(new URL(page.url()).searchParams.get('camera')).toBe(cameraId);
    await page
      .locator(`[data-testid=camera-live] [data-testid=video-tile][data-camera-id="${cameraId}"]`)
      .waitFor();
    // The status summary drills into the county's townships with the URL.
    await page.locator('[data-testid=camera-status][data-level=township]').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1500);
    await shootDocs(page, 'cameras-1920x1080.png');
    expect(await overflow(page)).toEqual({ x: 0, y: 0 });
    await page.setViewportSize(UHD);
    await page.waitForTimeout(1500);
    await shootDocs(page, 'cameras-3840x2160.png');
    expect(errors).toEqual([]);
    await page.close();
  });
});
