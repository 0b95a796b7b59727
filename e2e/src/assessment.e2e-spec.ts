import { type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';
import { createPool } from '@fengqiao/db';
import { launchChromium, testConfig, type LaunchedBrowser } from '@fengqiao/testing';
import { FULL_HD, shootDocs, signIn } from './dashboard-pages';
import { startSystem, type RunningSystem } from './system';
import { seedDemoUsers, seedWallWorld } from './wall-fixtures';

// Issue 21: the wall's camera tile by site type on the wall specs' small city; its screenshot for
// docs/screenshots (looked at).
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
});
