import { readFileSync } from 'node:fs';
import { type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';
import { createPool, type DbPool } from '@fengqiao/db';
import { launchChromium, testConfig, type LaunchedBrowser } from '@fengqiao/testing';
import { startReportsWorker, type ReportsWorker } from './reports-worker';
import { startSystem, type RunningSystem } from './system';
import { seedDemoUsers, seedWallWorld } from './wall-fixtures';
import { focusedName, shootDocs, signInByKeyboard } from './workflow-system';

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

  it('picks the region through the cascade down to the level, with the keyboard; asks for it until picked', async () => {
    await signInByKeyboard(page, system.dashboardUrl, '/reports', 'analyst', 'analyst-demo-2026');
    // A township week: the level select shows the county and township pickers, both empty.
    await page.locator('select[name=level]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('select[name=level]').inputValue()).toBe('township');
    await page.locator('select[name=region-county] option[value="511902"]').waitFor({ state: 'attached' });
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('region-county');
    await page.keyboard.press('ArrowDown'); // 巴州区 511902, the first county by code
    expect(await page.locator('select[name=region-county]').inputValue()).toBe('511902');
    // Enter on a picker submits: only the county is picked, so the form asks for the township.
    await page.keyboard.press('Enter');
    expect(await page.getByRole('alert').first().textContent()).toContain('请选择到乡镇一级');
    expect(await page.getByTestId('report-requests').locator('li').count()).toBe(0);
    await page
      .locator('select[name=region-township] option[value="511902001"]')
      .waitFor({ state: 'attached' });
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('region-township');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('select[name=region-township]').inputValue()).toBe('511902001');
    // The pick fixed it: the complaint is gone.
    expect(await page.getByRole('alert').count()).toBe(0);
    await shootDocs(page, 'reports-region-picker.png');
  });

  it('requests a county report: queued or running, then ready; listed and downloaded', async () => {
    // Back up to the county level: the county picked stays, the township picker goes.
    await page.locator('select[name=level]').focus();
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('select[name=level]').inputValue()).toBe('county');
    expect(await page.locator('select[name=region-township]').count()).toBe(0);
    await page.locator('select[name=region-county]').focus();
    await page.keyboard.press('Enter');
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

  it('pages the list: 50 rows, then "加载更多" loads the rest after the last row', async () => {
    const pool = createPool(testConfig().postgres.url, { max: 1 });
    try {
      await insertDailyReports(pool, 55);
    } finally {
      await pool.end();
    }
    await page.goto(`${system.dashboardUrl}/reports`);
    const rows = page.getByTestId('report-row');
    await rows.nth(49).waitFor({ timeout: 20_000 });
    expect(await rows.count()).toBe(50);
    await page.getByTestId('reports-more').click();
    await rows.nth(55).waitFor({ timeout: 20_000 });
    expect(await rows.count()).toBe(56);
    expect(await page.getByTestId('reports-more').count()).toBe(0);
    const ids = new Set<string | null>();
    for (let i = 0; i < 56; i++) ids.add(await rows.nth(i).getAttribute('data-report-id'));
    expect(ids.size).toBe(56);
  });
});

/** `n` stored daily grid reports (HTML only), one per day before the on-demand one's month. */
async function insertDailyReports(pool: DbPool, n: number): Promise<void> {
  await pool.query(
    `INSERT INTO reports (report_id, level, region, region_name, period_kind, period_start, period_end, period_label,
       trigger, generated_at, summary, timings, html, pdf, pdf_unavailable_reason)
     SELECT gen_random_uuid(), 'grid', '511902001001001', '测试网格', 'day', d, d + 1, to_char(d, 'YYYY-MM-DD'),
       'scheduled', now(), '{"casesIn":0,"casesClosed":0,"onTimeRate":null,"alerts":0,"overdue":0}',
       '{"queryMs":0,"renderMs":0,"pdfMs":0}', '<html></html>', NULL, '仅 HTML（测试数据）'
     FROM generate_series(date '2026-09-01', date '2026-09-01' + ($1::int - 1), interval '1 day') AS g(t),
       LATERAL (SELECT t::date AS d) x`,
    [n],
  );
}
