import { randomUUID } from 'node:crypto';
import { type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';
import { AlertStore, NotificationsRepository, createPool, withTransaction, type DbPool } from '@fengqiao/db';
import { signAckLink, shiftAt } from '@fengqiao/notify';
import { launchChromium, testConfig, type LaunchedBrowser } from '@fengqiao/testing';
import { startSystem, type RunningSystem } from './system';
import { seedDemoUsers } from './wall-fixtures';
import { shootDocs, signInByKeyboard } from './workflow-system';

// Issue 16, rosters: an officer puts people on a township's shifts on the roster screen and sees
// them on duty now (also on the duty console); a notification's acknowledgement link, opened
// signed out, signs in and acknowledges as that officer; the alert's notifications show on the
// console. Screenshots at 1920×1080 in docs/screenshots.
const root = findRepoRoot(__dirname);
const config = testConfig();
const township = `511902${String(100 + Math.floor(Math.random() * 900))}`;

describe('roster screen and acknowledgement link on the real stack', () => {
  let system: RunningSystem;
  let chromium: LaunchedBrowser;
  let page: Page;
  let pool: DbPool;
  const errors: string[] = [];

  beforeAll(async () => {
    seedDemoUsers(root);
    pool = createPool(config.postgres.url, { max: 2 });
    system = await startSystem();
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (e) => errors.push(e.message));
  }, 300_000);
  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
    await pool?.end();
  });

  it('sets a weekly pattern on the screen; the township is on duty now', async () => {
    await signInByKeyboard(page, system.dashboardUrl, '/roster', 'officer', 'officer-demo-2026');
    await page.getByTestId('roster-region').fill(township);
    await page.getByTestId('roster-shift').selectOption(shiftAt(Date.now()).shift);
    for (const day of ['日', '六']) await page.getByLabel(day, { exact: true }).check();
    await page.getByTestId('roster-primary').selectOption({ label: '市级值班员' });
    await page.getByTestId('roster-backup').selectOption({ label: '巴州区值班员' });
    await page.getByTestId('roster-save').click();
    await page.getByTestId('roster-message').filter({ hasText: '已保存' }).waitFor({ timeout: 10_000 });
    const mine = page.getByTestId('on-duty-now').locator(`li[data-region="${township}"]`);
    await mine.waitFor({ timeout: 10_000 });
    expect(await mine.textContent()).toContain('市级值班员');
    expect(await mine.textContent()).toContain('巴州区值班员');
    expect(await page.getByTestId('roster-grid').locator('tbody tr', { hasText: township }).count()).toBe(1);
    await shootDocs(page, 'roster.png');
    expect(errors).toEqual([]);
  });

  it('an acknowledgement link opened signed out signs in, acknowledges as that officer, and the console shows the notification', async () => {
    const officer =
      (await pool.query<{ user_id: string }>(`SELECT user_id FROM users WHERE username = 'officer'`)).rows[0]
        ?.user_id ?? '';
    const alertId = randomUUID();
    const at = new Date().toISOString();
    const alert = {
      alertId,
      dedupKey: `e2e-ack:${alertId}`,
      ruleId: 'case-violence-risk',
      ruleVersion: 1,
      colour: 'red' as const,
      state: 'raised' as const,
      version: 1,
      title: '暴力风险案件（链接确认测试）',
      region: { county: '511902', township },
      escalationLevel: 'grid' as const,
      raisedAt: at,
      updatedAt: at,
      explanation: { summary: 'e2e', evidence: [], values: {}, thresholds: {} },
    };
    const store = new AlertStore();
    await withTransaction(pool, async (tx) => {
      await store.insertAlert(tx, alert);
      await store.appendChange(tx, { change: 'raised', alert, occurredAt: new Date(at) });
    });
    const notificationId = randomUUID();
    await new NotificationsRepository().plan(
      pool,
      {
        notification_id: notificationId,
        alert_id: alertId,
        alert_version: 1,
        reason: 'first',
        level: 'grid',
        region_code: township,
        duty_role: 'primary',
        user_id: officer,
        channel: 'email',
        address: 'officer@fengqiao.test',
        status: 'scheduled',
        due_at: new Date(),
        last_error: null,
      },
      new Date(),
    );
    await pool.query(
      `UPDATE notifications SET status = 'delivered', attempts = 1, delivered_at = now() WHERE notification_id = $1`,
      [notificationId],
    );
    const token = signAckLink(config.notify.secret, {
      notificationId,
      userId: officer,
      alertId,
      expiresAt: Math.floor(Date.now() / 1000) + 600,
    });
    const fresh = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    fresh.on('pageerror', (e) => errors.push(e.message));
    await signInByKeyboard(fresh, system.dashboardUrl, `/ack/${token}`, 'officer', 'officer-demo-2026');
    await fresh.getByTestId('ack-note').fill('已到现场核实');
    await fresh.getByTestId('ack-submit').click();
    await fresh.getByTestId('ack-done').waitFor({ timeout: 10_000 });
    const state = await pool.query<{ state: string }>('SELECT state FROM alerts WHERE alert_id = $1', [
      alertId,
    ]);
    expect(state.rows[0]?.state).toBe('acknowledged');
    await fresh.getByTestId('ack-submit').count();
    await fresh.close();

    await page.goto(`${system.dashboardUrl}/duty`);
    await page
      .getByTestId('on-duty-now')
      .locator(`li[data-region="${township}"]`)
      .waitFor({ timeout: 10_000 });
    await page.getByText('暴力风险案件（链接确认测试）').first().click();
    const notes = page.getByTestId('alert-notifications');
    await notes.getByText('已送达').waitFor({ timeout: 15_000 });
    expect(await notes.textContent()).toContain('市级值班员');
    expect(await notes.textContent()).toContain('邮件');
    await shootDocs(page, 'duty-console-notifications.png');
    expect(errors).toEqual([]);
  });
});
