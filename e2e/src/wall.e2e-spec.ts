import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';
import { type KpiSnapshot } from '@fengqiao/contracts';
import { createPool, type DbPool } from '@fengqiao/db';
import { launchChromium, testConfig, type LaunchedBrowser } from '@fengqiao/testing';
import { apiAs, FULL_HD, overflow, shootDocs as shoot, signIn, UHD } from './dashboard-pages';
import { startSystem, type RunningSystem } from './system';
import {
  AlertRaiser,
  acknowledgeWaitingReds,
  aRedAlert,
  seedDemoUsers,
  seedWallWorld,
} from './wall-fixtures';

const root = findRepoRoot(__dirname);
const GEOJSON = join(root, '..', 'shared', 'geo', 'bazhong-districts.geojson');

const tileText = (page: Page, tile: string): Promise<string | null> =>
  page.getByTestId(`kpi-${tile}`).locator('.kpi__value').textContent();

describe('wall, duty console and analysis against the real API and stack', () => {
  let system: RunningSystem;
  let chromium: LaunchedBrowser;
  let pool: DbPool;
  let raiser: AlertRaiser;
  let wall: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const config = testConfig();
    seedDemoUsers(root);
    pool = createPool(config.postgres.url, { max: 2 });
    await seedWallWorld(pool);
    raiser = new AlertRaiser(pool, config.kafka.brokers);
    // Build-tool setting read by vite.config.ts: the configured district boundaries.
    if (existsSync(GEOJSON)) process.env.FQ_GEOJSON = GEOJSON;
    system = await startSystem();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
    await raiser?.close();
    await pool?.end();
  });

  it('the wall shows live data, and a red alert published now is in the ticker within a second', async () => {
    wall = await chromium.browser.newPage({ viewport: FULL_HD });
    wall.on('pageerror', (e) => errors.push(e.message));
    // The overview only, no incident takeover: this spec looks at the overview's panels (the red it
    // raises pins the patrol slot); incident mode and rotation: wall-incident.e2e-spec.ts.
    await signIn(wall, system.dashboardUrl, '/wall?rotation=city&takeover=0', 'wall', 'wall-demo-2026');
    await wall.locator('[data-testid=wall][data-live=live]').waitFor({ timeout: 20_000 });
    await wall.getByTestId('hotspot').first().waitFor({ timeout: 20_000 });
    await wall.getByTestId('video-tile').first().waitFor();
    // The tiles show the API's figures, each with its own freshness.
    await wall.locator('[data-testid=kpi-casesToday][data-as-of^="20"]').waitFor({ timeout: 20_000 });
    const kpis = await apiAs<KpiSnapshot>(system.apiUrl, 'wall', 'wall-demo-2026', '/api/kpis');
    expect(Number((await tileText(wall, 'casesToday'))?.replace(/,/g, ''))).toBe(kpis.casesToday.value);
    expect(await tileText(wall, 'camerasOnline')).toContain(
      `${((kpis.camerasOnline.share ?? 0) * 100).toFixed(1)}%`,
    );
    const yoy = kpis.disputesYearOnYear.changePercent;
    expect(await tileText(wall, 'disputesYearOnYear')).toMatch(
      yoy === null ? /^—/ : new RegExp(`^${yoy > 0 ? '\\+' : ''}${yoy.toFixed(1)}%`),
    );
    expect(await wall.getByTestId('kpi-resolutionRate').locator('.kpi__fresh').textContent()).toMatch(
      /前更新/,
    );
    expect(await wall.locator('section.map').getAttribute('data-map-source')).toBe(
      existsSync(GEOJSON) ? 'configured' : 'schematic',
    );

    // Three alerts, one per colour, each timed from its publish to its row on the wall.
    const latencies: number[] = [];
    const raised = [];
    for (const colour of ['blue', 'orange', 'red'] as const) {
      // A rule of its own: the wall groups alerts of one rule, cause and township (other suites
      // raise 'e2e-wall' alerts in this township too), and this row is to be found by its own id.
      const a = aRedAlert(
        colour === 'red' ? '通江县江北街道 群体性聚集' : `测试${colour}预警`,
        { ruleId: `e2e-wall-${randomUUID().slice(0, 8)}` },
        colour,
      );
      await raiser.raise(a);
      const published = Date.now();
      await wall.locator(`[data-testid=ticker-row][data-alert-id="${a.alertId}"]`).waitFor({ timeout: 5000 });
      latencies.push(Date.now() - published);
      raised.push(a);
    }
    process.stdout.write(`wall: alert on screen after publish, ms: ${latencies.join(', ')}\n`);
    // The open-alert tile follows (the API's KPI stream), and the red alert pins its nearest cameras.
    await wall
      .locator('[data-testid=kpi-openAlerts] [data-colour=red]')
      .filter({ hasText: /^[1-9]/ })
      .waitFor({ timeout: 30_000 });
    await wall.locator('[data-testid=video-slot]:not([data-pinned="0"])').waitFor({ timeout: 10_000 });
    expect(await wall.locator('.fq-video-tile--alert').count()).toBeGreaterThanOrEqual(1);
    const alert = raised[2] as (typeof raised)[number];
    const row = wall.locator(`[data-testid=ticker-row][data-alert-id="${alert.alertId}"]`);
    expect(await row.getAttribute('class')).toContain('ticker__row--flash');
    // Red first: the newest red alert heads the ticker, ahead of the older orange and blue.
    expect(await wall.getByTestId('ticker-row').first().getAttribute('data-alert-id')).toBe(alert.alertId);
    await wall.waitForTimeout(1500); // charts finish their entry animation before the screenshot
    await shoot(wall, 'wall-1920x1080.png');
    expect(await overflow(wall)).toEqual({ x: 0, y: 0 });

    await wall.setViewportSize(UHD);
    await wall.waitForTimeout(1500);
    await shoot(wall, 'wall-3840x2160.png');
    expect(await overflow(wall)).toEqual({ x: 0, y: 0 });
    const titlePx = await wall.evaluate<number>(
      "parseFloat(getComputedStyle(document.querySelector('[data-testid=ticker-row]')).fontSize)",
    );
    expect(titlePx).toBeGreaterThanOrEqual(36); // twice the 1080p size: readable across the room
    await wall.setViewportSize(FULL_HD);
    // The figure: on the wall within 1 s (median of the three, on this shared 2-core machine).
    expect([...latencies].sort((x, y) => x - y)[1]).toBeLessThan(1000);
  });

  it('the wall shows "reconnecting" while the network is down and, back online, shows what it missed exactly once', async () => {
    const context = wall.context();
    await context.setOffline(true);
    await wall.getByTestId('reconnecting').waitFor({ timeout: 15_000 });
    const missed = aRedAlert(
      '平昌县 断网期间的预警',
      { region: { county: '511923', township: '511923001' }, ruleId: `e2e-wall-${randomUUID().slice(0, 8)}` },
      'orange',
    );
    const change = await raiser.raise(missed);
    await context.setOffline(false);
    const row = wall.locator(`[data-testid=ticker-row][data-alert-id="${missed.alertId}"]`);
    await row.waitFor({ timeout: 20_000 });
    await wall.locator('[data-testid=wall][data-live=live]').waitFor();
    expect(await wall.getByTestId('reconnecting').count()).toBe(0);
    await wall.waitForTimeout(1000);
    expect(await row.count()).toBe(1);
    // Delivered by the server's replay after seq (a REST reload alone would not advance the seq).
    expect(Number(await wall.getByTestId('wall').getAttribute('data-last-seq'))).toBeGreaterThanOrEqual(
      change.seq,
    );
  });

  it('a duty officer acknowledges a red alert with two keystrokes and the wall sees it change', async () => {
    await acknowledgeWaitingReds(pool, system.apiUrl);
    const alert = aRedAlert('巴州区回风街道 极端言论预警', {
      region: { county: '511902', township: '511902002' },
      location: { lon: 106.77, lat: 31.86 },
    });
    await raiser.raise(alert);
    const duty = await chromium.browser.newPage({ viewport: FULL_HD });
    duty.on('pageerror', (e) => errors.push(e.message));
    await signIn(duty, system.dashboardUrl, '/duty', 'officer', 'officer-demo-2026');
    const item = duty.locator(`[data-testid=queue-item][data-alert-id="${alert.alertId}"]`);
    await item.click();
    await duty.getByTestId('alert-detail').getByText(alert.title).waitFor();
    await duty.locator('body').press('a');
    await duty.getByTestId('form-acknowledge').waitFor();
    await duty.keyboard.press('Enter');
    await duty
      .locator(`[data-testid=queue-item][data-alert-id="${alert.alertId}"][data-state=acknowledged]`)
      .waitFor({ timeout: 5000 });
    const onWall = wall.locator(`[data-testid=ticker-row][data-alert-id="${alert.alertId}"]`);
    // Within 5 s, as on a wall that never went away. Two causes made this wall late or blind after
    // its reconnect (clean-clone CIs at 725b589 and 0dab0a6): the fixtures moved the seq backwards
    // below an earlier spec file's rows, so the replay reached a seq above every later change; and
    // the wall re-asked for its groups only when lastSeq moved (now on the book's revision).
    const acknowledgedAt = Date.now();
    await wall
      .locator(`[data-testid=ticker-row][data-alert-id="${alert.alertId}"][data-state=acknowledged]`)
      .waitFor({ timeout: 5000 });
    process.stdout.write(
      `wall (after a reconnect): acknowledgement on screen after ${Date.now() - acknowledgedAt} ms\n`,
    );
    expect(await onWall.getAttribute('class')).not.toContain('flash');
    await duty.getByTestId('alert-detail').getByText('已签收，正在核实处置').waitFor({ timeout: 5000 });
    expect(await duty.getByTestId('duty-notice').count()).toBe(0);
    // Escalate (issue 20): the key names the next level, the alert moves up to it, the history says so.
    expect(await duty.getByTestId('action-escalate').textContent()).toContain('上报至乡镇');
    await duty.locator('body').press('e');
    await duty.getByTestId('escalate-target').getByText('上报至乡镇').waitFor();
    await duty.getByTestId('form-escalate').locator('input[name=note]').fill('需乡镇协调处置');
    await duty.keyboard.press('Enter');
    await duty
      .locator(`[data-testid=queue-item][data-alert-id="${alert.alertId}"][data-state=escalated]`)
      .waitFor({ timeout: 5000 });
    const escalated = duty.getByTestId('alert-detail').locator('li[data-change=escalated]');
    await escalated.getByText('上报至乡镇: 需乡镇协调处置').waitFor({ timeout: 5000 });
    expect(await escalated.textContent()).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d 上报 · .*值班员/);
    expect(await duty.getByTestId('alert-detail').locator('li[data-change=raised]').textContent()).toContain(
      '生成预警',
    );
    expect(await duty.getByTestId('action-escalate').textContent()).toContain('上报至区县');
    expect(await duty.getByTestId('duty-notice').count()).toBe(0);
    await shoot(duty, 'duty-1920x1080.png');
    await duty.setViewportSize(UHD);
    await duty.waitForTimeout(500);
    await shoot(duty, 'duty-3840x2160.png');
    await duty.close();
  });

  it('an analyst filters, drills down and back, with the view in the URL', async () => {
    const page = await chromium.browser.newPage({ viewport: FULL_HD });
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, system.dashboardUrl, '/analysis', 'analyst', 'analyst-demo-2026');
    await page.getByTestId('yoy').getByText('%').waitFor({ timeout: 10_000 });
    await page.getByTestId('bucket-week').click();
    await page.getByTestId('range').selectOption('90');
    expect(new URL(page.url()).search).toBe('?bucket=week&days=90');
    await page.goto(`${system.dashboardUrl}/analysis?region=511921&category=traffic`);
    expect(await page.getByTestId('region-name').textContent()).toBe('通江县');
    // The filtered series adds up to exactly what the database holds for that county and category.
    const expected = await pool.query<{ n: string }>(
      `SELECT coalesce(sum(events), 0)::text AS n FROM region_hourly_rollup
       WHERE county = '511921' AND category = 'traffic' AND bucket >= now() - interval '30 days' AND bucket < now()`,
    );
    await page
      .locator(`[data-testid=trend][data-total="${expected.rows[0]?.n}"]`)
      .waitFor({ timeout: 10_000 });
    await page.getByTestId('yoy').getByText('%').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1500);
    await shoot(page, 'analysis-1920x1080.png');
    await page.setViewportSize(UHD);
    await page.waitForTimeout(1500);
    await shoot(page, 'analysis-3840x2160.png');
    await page.getByTestId('drill-up').click();
    expect(new URL(page.url()).search).toBe('?category=traffic');
    expect(await page.getByTestId('region-name').textContent()).toBe('全市');
    expect(errors).toEqual([]);
    await page.close();
  });
});
