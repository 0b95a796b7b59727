import { type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';
import { createPool } from '@fengqiao/db';
import {
  launchChromium,
  testConfig,
  uniqueName,
  type LaunchedBrowser,
  type RunningProcess,
} from '@fengqiao/testing';
import { startSystem, type RunningSystem } from './system';
import { seedDemoUsers } from './wall-fixtures';
import { produceClockCases } from './workflow-fixtures';
import {
  shootDocs,
  signInByKeyboard,
  startCaseRelay,
  startPrivateIngest,
  type CaseRelay,
} from './workflow-system';

// Issue 6 "Also" / issue 8: the cases list with filters and tier countdowns (breached, at risk, on
// track from real stored cases), and lifecycle actions on the real API, a conflict shown, not hidden.
const root = findRepoRoot(__dirname);
const TOWNSHIP = `511902${900 + Math.floor(Math.random() * 100)}`;
const SUFFIX = uniqueName('e2e-cases');

/** Reloads until the list has rendered and `ready` holds (the case went through Kafka and ingest). */
async function until(page: Page, ready: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page
      .locator('[data-testid=case-table], [data-testid=case-list-empty]')
      .first()
      .waitFor({ timeout: 20_000 });
    if (await ready()) return;
    if (Date.now() > deadline) throw new Error(`never: ${what}`);
    await page.waitForTimeout(2000);
    await page.reload();
  }
}

const row = (page: Page, caseId: string) => page.locator(`[data-testid=case-row][data-case-id="${caseId}"]`);

describe('cases view on the real stack', () => {
  let system: RunningSystem;
  let ingest: RunningProcess;
  let relay: CaseRelay;
  let chromium: LaunchedBrowser;
  let ids: Awaited<ReturnType<typeof produceClockCases>>;
  const errors: string[] = [];

  beforeAll(async () => {
    seedDemoUsers(root);
    ingest = await startPrivateIngest(SUFFIX);
    relay = await startCaseRelay(SUFFIX, TOWNSHIP);
    ids = await produceClockCases(SUFFIX, TOWNSHIP);
    system = await startSystem();
    chromium = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
    await relay?.stop();
    await ingest?.stop();
  });

  async function officerPage(user = 'officer', password = 'officer-demo-2026'): Promise<Page> {
    const page = await chromium.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await signInByKeyboard(page, system.dashboardUrl, `/cases?region=${TOWNSHIP}`, user, password);
    return page;
  }

  it('shows breached, at-risk and on-track clocks that tick, and filters by clock state', async () => {
    const page = await officerPage();
    await until(page, async () => (await page.getByTestId('case-row').count()) >= 3, 'three cases listed');
    const status = (id: string) => row(page, id).getByTestId('countdown').getAttribute('data-status');
    expect(await status(ids.breached)).toBe('breached');
    expect(await status(ids.atRisk)).toBe('at-risk');
    expect(await status(ids.onTrack)).toBe('on-track');
    // Most urgent first, as the API orders them.
    const rows = page.getByTestId('case-row');
    const order: (string | null)[] = [];
    for (let i = 0; i < (await rows.count()); i += 1)
      order.push(await rows.nth(i).getAttribute('data-case-id'));
    expect(order.indexOf(ids.breached)).toBeLessThan(order.indexOf(ids.onTrack));
    const before = await row(page, ids.atRisk).getByTestId('countdown').textContent();
    await page.waitForTimeout(1500);
    expect(await row(page, ids.atRisk).getByTestId('countdown').textContent()).not.toBe(before);
    await row(page, ids.breached).locator('button').click();
    await page.getByTestId('case-detail').waitFor();
    await shootDocs(page, 'cases-list.png');
    await page.locator('input[name=clock-breached]').check();
    await page.waitForURL(/clock=breached/);
    await until(
      page,
      async () => (await page.getByTestId('case-row').count()) === 1,
      'only the breached case',
    );
    expect(await page.getByTestId('case-row').getAttribute('data-case-id')).toBe(ids.breached);
    await page.close();
  });

  it('resolves a case, and a stale second screen that tries to assign it gets a conflict it cannot miss', async () => {
    const [a, b] = [await officerPage(), await officerPage()];
    for (const p of [a, b]) {
      await p.goto(`${system.dashboardUrl}/cases?region=${TOWNSHIP}&case=${ids.onTrack}`);
      await p.getByTestId('case-detail').waitFor({ timeout: 20_000 });
    }
    await a.getByTestId('case-action-resolve').click();
    await a.getByTestId('case-form-resolve').locator('button[type=submit]').click();
    expect(await a.getByTestId('case-notice').textContent()).toContain('化解');
    await until(
      a,
      async () => (await a.getByTestId('case-detail').getAttribute('data-state')) === 'resolved',
      'resolved',
    );
    // Screen b still shows the case as triaged and offers assignment; the server says no.
    await b.getByTestId('case-action-assign').click();
    const form = b.getByTestId('case-form-assign');
    await form.locator('input[name=department]').fill('住建局');
    await form.locator('input[name=person]').fill('王调解');
    await form.locator('input[name=department]').press('Enter');
    const notice = b.getByTestId('case-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('冲突');
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(errors).toEqual([]);
  });

  it('lets an officer reveal the parties for a stated reason, audited; an analyst has no such control', async () => {
    const page = await officerPage();
    await page.goto(`${system.dashboardUrl}/cases?region=${TOWNSHIP}&case=${ids.breached}`);
    await page.getByTestId('case-detail').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('case-parties').textContent()).toContain('张某');
    await page.getByTestId('case-reveal').click();
    const form = page.getByTestId('case-reveal-form');
    expect(await form.textContent()).toContain('审计');
    await form.locator('input[name=reveal-reason]').press('Enter');
    expect(await page.getByTestId('case-reveal-error').textContent()).toContain('理由');
    const reason = `电话回访当事人 ${SUFFIX}`;
    await form.locator('input[name=reveal-reason]').fill(reason);
    await form.locator('input[name=reveal-reason]').press('Enter');
    await page.getByTestId('case-reveal-audited').waitFor({ timeout: 10_000 });
    const parties = page.getByTestId('case-parties');
    expect(await parties.getAttribute('data-view')).toBe('full');
    expect(await parties.textContent()).toContain('张建国');
    expect(await parties.textContent()).toContain('13900002222');
    await shootDocs(page, 'case-parties-revealed.png');
    const pool = createPool(testConfig().postgres.url, { max: 1 });
    try {
      const audit = await pool.query<{ actor_role: string; action: string }>(
        `SELECT actor_role, action FROM audit_log WHERE target_type = 'case' AND target_id = $1 AND detail->>'reason' = $2`,
        [ids.breached, reason],
      );
      expect(audit.rows).toEqual([{ actor_role: 'duty-officer', action: 'case.parties.viewed' }]);
    } finally {
      await pool.end();
    }
    // Another case, then back: the full data went with the first view.
    await page.goto(`${system.dashboardUrl}/cases?region=${TOWNSHIP}&case=${ids.breached}`);
    await page.getByTestId('case-detail').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('case-parties').getAttribute('data-view')).toBe('masked');
    await page.close();

    const analyst = await officerPage('analyst', 'analyst-demo-2026');
    await analyst.goto(`${system.dashboardUrl}/cases?region=${TOWNSHIP}&case=${ids.breached}`);
    await analyst.getByTestId('case-detail').waitFor({ timeout: 20_000 });
    expect(await analyst.getByTestId('case-parties').textContent()).toContain('张某');
    expect(await analyst.getByTestId('case-reveal').count()).toBe(0);
    await analyst.close();
    expect(errors).toEqual([]);
  });
});
