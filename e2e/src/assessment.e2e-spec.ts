import { type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';
import { createPool } from '@fengqiao/db';
import { launchChromium, testConfig, type LaunchedBrowser } from '@fengqiao/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the KPI specs' case writer (real case_events rows)
import { storeCase } from '@fengqiao/api/src/kpis/kpi-fixtures';
import { type QuarterlyScorecard } from '@fengqiao/contracts';
import { BUILT_IN_DISTRICTS } from '@fengqiao/geo';
import { apiAs, FULL_HD, shootDocs, signIn } from './dashboard-pages';
import { startSystem, type RunningSystem } from './system';
import { seedDemoUsers, seedWallWorld } from './wall-fixtures';

// Issue 21: the wall's camera tile by site type and the reports' quarterly scorecard on the wall
// specs' small city; their screenshots for docs/screenshots (looked at).
const root = findRepoRoot(__dirname);

describe('site types on the wall (real browser)', () => {
  let system: RunningSystem;
  let chromium: LaunchedBrowser;
  const errors: string[] = [];

  beforeAll(async () => {
    seedDemoUsers(root);
    // The small city of the wall specs (regions, cameras, recent cases): the system's database.
    const pool = createPool(testConfig().postgres.url, { max: 2 });
    try {
      await seedWallWorld(pool);
    } finally {
      await pool.end();
    }
    system = await startSystem();
    chromium = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
  });

  async function page(next: string, user: string, password: string): Promise<Page> {
    const p = await chromium.browser.newPage({ viewport: FULL_HD });
    p.on('pageerror', (e) => errors.push(e.message));
    await signIn(p, system.dashboardUrl, next, user, password);
    return p;
  }

  it('the wall shows every site type with its online rate', async () => {
    const wall = await page('/wall?rotation=city&takeover=0', 'wall', 'wall-demo-2026');
    const cells = wall.getByTestId('site-types').locator('.site-type');
    await cells.first().waitFor({ timeout: 20_000 });
    expect(await cells.count()).toBe(6);
    expect(await wall.getByTestId('site-types').textContent()).toContain('智慧平安小区');
    await wall.waitForTimeout(1500);
    await shootDocs(wall, 'wall-site-types-1920x1080.png');
    expect(errors).toEqual([]);
  });

  it('the quarterly scorecard under /reports lists the townships, the ranked first, within 60 s', async () => {
    // Two townships of the world with a quarter's facts (the world itself has rollups, no cases):
    // one served well, one late; the other 13 have nothing measured and are listed unranked.
    const pool = createPool(testConfig().postgres.url, { max: 2 });
    const ago = (h: number): string => new Date(Date.now() - h * 3_600_000).toISOString();
    const good = `${BUILT_IN_DISTRICTS[0]?.code ?? ''}001`;
    const late = `${BUILT_IN_DISTRICTS[1]?.code ?? ''}001`;
    try {
      await storeCase(pool, good, [
        { type: 'reported', at: ago(4) },
        { type: 'triaged', at: ago(3.5), tier: 'simple' },
        { type: 'resolved', at: ago(2) },
        { type: 'closed', at: ago(1.5), satisfaction: 5 },
      ]);
      await storeCase(pool, late, [
        { type: 'reported', at: ago(4) },
        { type: 'triaged', at: ago(3), tier: 'simple' },
        { type: 'closed', at: ago(1), satisfaction: 2 },
      ]);
    } finally {
      await pool.end();
    }
    const answer = await apiAs<QuarterlyScorecard>(
      system.apiUrl,
      'analyst',
      'analyst-demo-2026',
      '/api/assessments/quarterly',
    );
    const scored = answer.townships.filter((t) => t.score !== null).length;
    expect(scored).toBeGreaterThanOrEqual(2);

    const reports = await page('/reports', 'analyst', 'analyst-demo-2026');
    const panel = reports.getByTestId('assessment');
    const rows = panel.locator('tbody tr');
    await rows.first().waitFor({ timeout: 60_000 });
    expect(await rows.count()).toBe(answer.townships.length);
    // Ranked first: the best township is city rank 1; the unmeasured ones follow with dashes.
    expect(await rows.first().locator('td').first().textContent()).toBe('1');
    expect(await panel.locator(`tr[data-township="${good}"] td`).nth(4).textContent()).toMatch(/^\d+\.\d$/);
    expect(await panel.locator('tr.assessment__unscored').count()).toBe(answer.townships.length - scored);
    await panel.scrollIntoViewIfNeeded();
    await reports.waitForTimeout(1000);
    await shootDocs(reports, 'reports-assessment-1920x1080.png');
    expect(errors).toEqual([]);
  }, 120_000);
});
