import { readFileSync } from 'node:fs';
import { type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';
import { createPool } from '@fengqiao/db';
import { launchChromium, testConfig, type LaunchedBrowser } from '@fengqiao/testing';
import { startReportsWorker, type ReportsWorker } from './reports-worker';
import { startSystem, type RunningSystem } from './system';
import { seedDemoUsers, seedWallWorld } from './wall-fixtures';
import { shootDocs, signInByKeyboard } from './workflow-system';

// Issue 8: reports are listed by role and region, requested on demand (queued by the API, made by
// apps/reports: decision 0006) with their state shown, and downloaded; the HTML is looked at.
const root = findRepoRoot(__dirname);

describe('reports list on the real stack', () => {
  let system: RunningSystem;
  let worker: ReportsWorker;
  let chromium: LaunchedBrowser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    seedDemoUsers(root);
    // Reports cover regions of the registry: the small city of the wall specs, with its rollups.
    const pool = createPool(testConfig().postgres.url, { max: 2 });
    try {
      await seedWallWorld(pool);
    } finally {
      await pool.end();
    }
    system = await startSystem();
    worker = await startReportsWorker();
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
    page.on('pageerror', (e) => errors.push(e.message));
  }, 300_000);
  afterAll(async () => {
    await chromium?.close();
    await worker?.stop();
    await system?.stop();
  });

  it('refuses a region that does not fit the level, in Chinese, before sending anything', async () => {
    await signInByKeyboard(page, system.dashboardUrl, '/reports', 'analyst', 'analyst-demo-2026');
    await page.locator('input[name=region]').fill('511902001');
    await page.getByRole('button', { name: '生成' }).click();
    expect(await page.getByRole('alert').first().textContent()).toContain('区域代码位数与层级不符');
  });

  it('requests a county report: queued or running, then ready; listed and downloaded', async () => {
    await page.locator('input[name=region]').fill('511902');
    await page.getByRole('button', { name: '生成' }).click();
    const status = page.getByTestId('report-requests').locator('li').first();
    await status.waitFor({ timeout: 10_000 });
    expect(await status.textContent()).toMatch(/排队中|正在生成|已生成/);
    await page.locator('li[data-state=ready], li[data-state=failed]').first().waitFor({ timeout: 120_000 });
    expect(await status.getAttribute('data-state')).toBe('ready');
    expect(await status.textContent()).toContain('已生成');
    const [fromStatus] = await Promise.all([
      page.waitForEvent('download'),
      status.getByTestId('request-download-html').click(),
    ]);
    expect(fromStatus.suggestedFilename()).toMatch(/^report-county-511902-\d{4}-\d{2}\.html$/);
    const row = page.getByTestId('report-row').first();
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain('511902');
    await shootDocs(page, 'reports-list.png');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByTestId('download-html').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^report-county-511902-\d{4}-\d{2}\.html$/);
    const html = readFileSync(await download.path(), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/\d{17}[\dX]/);

    const view = await chromium.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await view.setContent(html, { waitUntil: 'load' });
    await shootDocs(view, 'report-rendered.png');
    await view.close();
    expect(errors).toEqual([]);
  });
});
