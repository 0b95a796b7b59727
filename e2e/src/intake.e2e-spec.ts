import { type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';
import { launchChromium, uniqueName, type LaunchedBrowser, type RunningProcess } from '@fengqiao/testing';
import { startSystem, type RunningSystem } from './system';
import { seedDemoUsers } from './wall-fixtures';
import {
  shootDocs,
  signInByKeyboard,
  startCaseRelay,
  startPrivateIngest,
  tabTo,
  type CaseRelay,
} from './workflow-system';

// Issue 8: a clerk records a dispute with the keyboard alone; the form says what is wrong next to
// the field; the routing suggestion shows; the case goes through Kafka and the real ingest and
// appears in the cases list, its parties masked.
const root = findRepoRoot(__dirname);
// 9xx: no demo township and no other spec uses that range, so the relay copies only this run's cases.
const TOWNSHIP_DIGITS = String(900 + Math.floor(Math.random() * 100));
const SUFFIX = uniqueName('e2e-intake');

async function typeInto(page: Page, name: string, text: string): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.type(text);
}

describe('intake form → cases list, keyboard only, on the real stack', () => {
  let system: RunningSystem;
  let ingest: RunningProcess;
  let relay: CaseRelay;
  let chromium: LaunchedBrowser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    seedDemoUsers(root);
    ingest = await startPrivateIngest(SUFFIX);
    relay = await startCaseRelay(SUFFIX, `511902${TOWNSHIP_DIGITS}`);
    system = await startSystem();
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('pageerror', (e) => errors.push(e.message));
    // A dashboard build, the API and the ingest on two shared cores: more than the default minutes.
  }, 300_000);
  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
    await relay?.stop();
    await ingest?.stop();
  });

  let caseId = '';

  it('shows each problem in Chinese next to its field when Enter is pressed too early', async () => {
    await signInByKeyboard(page, system.dashboardUrl, '/intake', 'clerk', 'clerk-demo-2026');
    await page.getByTestId('intake-keys').waitFor();
    expect(await page.getByTestId('intake-keys').textContent()).toContain('Enter 提交');
    await tabTo(page, 'party-0-name');
    await page.keyboard.type('罗明');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1380000');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('error-parties.0.phone').textContent()).toContain('电话格式不正确');
    expect(await page.getByTestId('error-region').textContent()).toContain('请至少选到乡镇');
    expect(await page.getByTestId('error-category').textContent()).toBe('请选择类别');
    expect(await page.getByTestId('error-summary').textContent()).toContain('请填写事项描述');
    // The first wrong field has the focus, so the clerk fixes it at once.
    expect(await page.evaluate<string>("document.activeElement.getAttribute('name')")).toBe('party-0-phone');
  });

  it('records a case with the keyboard alone and shows its id, with the routing suggestion on screen', async () => {
    const started = Date.now();
    await page.keyboard.type('1234');
    await page.keyboard.press('Tab');
    await page.keyboard.type('11010519491231002X');
    await tabTo(page, 'region-county');
    await page.keyboard.press('ArrowDown'); // 巴州区 511902
    await typeInto(page, 'region-township', TOWNSHIP_DIGITS);
    await tabTo(page, 'intake-map');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await tabTo(page, 'category');
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowDown'); // 物业住房
    await typeInto(page, 'summary', '开发商逾期交房，一直未办理产权证');
    await page.getByTestId('routing-suggestion').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('routing-suggestion').textContent()).toMatch(/纠纷|咨询/);
    await shootDocs(page, 'intake-form.png');
    await page.keyboard.press('Enter');
    await page.getByTestId('intake-created').waitFor({ timeout: 15_000 });
    caseId = (await page.locator('[data-case-id]').getAttribute('data-case-id')) ?? '';
    expect(caseId).toMatch(/^C511902-\d{8}-\d{5}$/);
    // Machine time of the keyboard path (typing at Playwright speed): the form adds no waiting of its own.
    process.stdout.write(`intake: keyboard path to case id in ${Date.now() - started} ms\n`);
    expect(errors).toEqual([]);
  });

  it('lists the new case with a tier clock, and its parties masked in the detail', async () => {
    const row = page.locator(`[data-testid=case-row][data-case-id="${caseId}"]`);
    const deadline = Date.now() + 60_000;
    await page.goto(`${system.dashboardUrl}/cases?region=511902${TOWNSHIP_DIGITS}`);
    // Through Kafka, the relay and the ingest: reload until the list (not just the page) shows it.
    for (;;) {
      await page
        .locator('[data-testid=case-table], [data-testid=case-list-empty]')
        .first()
        .waitFor({ timeout: 20_000 });
      if (await row.isVisible()) break;
      if (Date.now() > deadline)
        throw new Error(`case ${caseId} never appeared: ${ingest.output().slice(-2000)}`);
      await page.waitForTimeout(3000);
      await page.reload();
    }
    expect(await row.getByTestId('countdown').getAttribute('data-status')).toMatch(/on-track|at-risk/);
    await row.locator('button').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('case-detail').waitFor();
    const parties = await page.getByTestId('case-parties').textContent();
    expect(parties).toContain('罗某');
    expect(parties).not.toContain('罗明');
    expect(await page.getByTestId('case-timeline').textContent()).toContain('受理');
    await shootDocs(page, 'intake-case-in-list.png');
    expect(errors).toEqual([]);
  });
});
