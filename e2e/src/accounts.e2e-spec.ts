import { createHmac } from 'node:crypto';
import { type Browser, type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';
import { launchChromium, type LaunchedBrowser } from '@fengqiao/testing';
import { FULL_HD, shootDocs, signIn } from './dashboard-pages';
import { startSystem, type RunningSystem } from './system';
import { seedDemoUsers } from './wall-fixtures';

// Issue 16 in a real browser against the real API: the account administrator creates an account
// on the administration screen, the new user replaces the temporary password and signs in with the
// second factor; a wall display enrols with a device token made on the screen, comes back by
// itself in a new browser context with the same storage (a reboot), and drops to the enrolment
// page within seconds of the token's revocation.
const root = findRepoRoot(__dirname);
const STRONG = 'Browser-Strong-2026!';

/** What an authenticator app shows (RFC 6238, SHA-1, 6 digits, 30 s), as a phone would compute it. */
function appCode(secretBase32: string, atSeconds: number): string {
  const bits = [...secretBase32]
    .map((c) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(c).toString(2).padStart(5, '0'))
    .join('');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atSeconds / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = (mac[19] ?? 0) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

async function newPage(browser: Browser, errors: string[], storageState?: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: FULL_HD,
    ...(storageState === undefined ? {} : { storageState }),
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

describe('administration, sign-in steps and kiosk enrolment in Chromium', () => {
  let system: RunningSystem;
  let chromium: LaunchedBrowser;
  let admin: Page;
  const errors: string[] = [];
  const username = `e2e-${Date.now() % 1_000_000}`;

  beforeAll(async () => {
    seedDemoUsers(root);
    system = await startSystem();
    chromium = await launchChromium();
    admin = await newPage(chromium.browser, errors);
    await signIn(admin, system.dashboardUrl, '/admin', 'accounts', 'accounts-demo-2026');
  }, 300_000);
  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
  });

  it('creates an account on the screen; the user replaces the temporary password, then uses the second factor', async () => {
    await admin.getByTestId('users-table').locator('tbody tr').first().waitFor();
    await admin.getByRole('button', { name: '新建账号' }).click();
    const editor = admin.getByTestId('user-editor');
    await editor.locator('input[name=username]').fill(username);
    await editor.locator('input[name=displayName]').fill('浏览器测试员');
    await editor.locator('select[name=role]').selectOption('analyst');
    await editor.locator('input[name=reason]').fill('新同事入职');
    await editor.getByRole('button', { name: '保存' }).click();
    const notice = admin.getByTestId('admin-notice');
    await notice.waitFor();
    const temporary = /临时密码.*：(\S+)$/.exec((await notice.textContent()) ?? '')?.[1] ?? '';
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await admin.locator(`tr[data-username="${username}"]`).waitFor();
    await shootDocs(admin, 'admin-users.png');

    const user = await newPage(chromium.browser, errors);
    await user.goto(`${system.dashboardUrl}/login?next=%2F`);
    await user.locator('input[name=username]').fill(username);
    await user.locator('input[name=password]').fill(temporary);
    await user.locator('button[type=submit]').click();
    const step = user.getByTestId('step-password');
    await step.waitFor();
    await step.locator('input[name=newPassword]').fill('short');
    expect(await step.locator('.login__rules').textContent()).toContain('至少 12 个字符');
    await step.locator('input[name=newPassword]').fill(STRONG);
    await step.locator('input[name=repeatPassword]').fill(STRONG);
    await shootDocs(user, 'login-new-password.png');
    await step.getByRole('button', { name: '下一步' }).click();
    await user.waitForURL(`${system.dashboardUrl}/`);

    // The user turns the second factor on, on the screen; the next sign-in asks for a code.
    await user.goto(`${system.dashboardUrl}/account`);
    await user.getByRole('button', { name: '绑定二次验证' }).click();
    const secret = (await user.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await user.getByTestId('totp-qr').waitFor();
    await shootDocs(user, 'account-totp-enrol.png');
    await user.locator('input[name=code]').fill(appCode(secret, Date.now() / 1000));
    await user.getByRole('button', { name: '确认绑定' }).click();
    await user.getByTestId('recovery-codes').locator('li').nth(9).waitFor();
    await shootDocs(user, 'account-totp.png');
    const again = await newPage(chromium.browser, errors);
    await again.goto(`${system.dashboardUrl}/login?next=%2F`);
    await again.locator('input[name=username]').fill(username);
    await again.locator('input[name=password]').fill(STRONG);
    await again.locator('button[type=submit]').click();
    const code = again.getByTestId('step-totp');
    await code.waitFor();
    await code.locator('input[name=code]').fill(appCode(secret, Date.now() / 1000 + 30));
    await shootDocs(again, 'login-second-factor.png');
    await code.getByRole('button', { name: '下一步' }).click();
    await again.waitForURL(`${system.dashboardUrl}/`);
    expect(errors).toEqual([]);
  });

  it('enrols a wall with a device token made on the screen; a reboot returns to the wall; revoking drops it to enrolment', async () => {
    const devices = admin.getByTestId('devices-panel');
    await devices.locator('input[name=label]').fill('大厅主屏');
    await devices.getByRole('button', { name: '生成设备令牌' }).click();
    const token = (await admin.getByTestId('device-token').textContent()) ?? '';
    expect(token).toMatch(/^fqd_/);
    await admin.getByTestId('devices-table').scrollIntoViewIfNeeded();
    await shootDocs(admin, 'admin-devices.png');

    const wall = await newPage(chromium.browser, errors);
    await wall.goto(`${system.dashboardUrl}/enrol`);
    await wall.locator('input[name=deviceToken]').fill(token);
    await shootDocs(wall, 'enrol.png');
    await wall.getByRole('button', { name: '注册此大屏' }).click();
    await wall.waitForURL(`${system.dashboardUrl}/wall`);
    await wall.getByTestId('wall').waitFor();

    // A reboot: the browser's session storage is gone, the local storage (the token) is not.
    const state = '/tmp/fq-e2e-wall-state.json';
    await wall.context().storageState({ path: state });
    await wall.context().close();
    const rebooted = await newPage(chromium.browser, errors, state);
    await rebooted.goto(`${system.dashboardUrl}/wall`);
    await rebooted.getByTestId('wall').waitFor({ timeout: 20_000 });
    expect(rebooted.url()).toBe(`${system.dashboardUrl}/wall`);
    await shootDocs(rebooted, 'wall-after-reboot.png');

    const revokedAt = Date.now();
    await admin.locator('tr[data-label="大厅主屏"]').getByRole('button', { name: '吊销' }).click();
    await rebooted.waitForURL(`${system.dashboardUrl}/enrol?revoked=1`, { timeout: 15_000 });
    const seconds = (Date.now() - revokedAt) / 1000;
    process.stdout.write(`wall dropped to enrolment ${seconds.toFixed(1)} s after the revocation\n`);
    expect(seconds).toBeLessThan(10);
    await rebooted.getByTestId('enrol-revoked').waitFor();
    expect(await rebooted.evaluate<string | null>("localStorage.getItem('fq.device')")).toBeNull();
    await shootDocs(rebooted, 'enrol-revoked.png');
    expect(errors).toEqual([]);
  });
});
