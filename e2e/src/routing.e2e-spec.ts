import { type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';
import { DEFAULT_ROUTING_RULES } from '@fengqiao/intake';
import { launchChromium, type LaunchedBrowser } from '@fengqiao/testing';
import { startSystem, type RunningSystem } from './system';
import { seedDemoUsers } from './wall-fixtures';
import { shootDocs, signInByKeyboard } from './workflow-system';

// Issue 8: the routing table is data (decision 0009); administrators see the active version, in
// order, with the catch-all last, and the versions beside it (who else may: workflow-nav.spec and
// the API's authorization matrix).
const root = findRepoRoot(__dirname);

describe('routing table view on the real stack', () => {
  let system: RunningSystem;
  let chromium: LaunchedBrowser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    seedDemoUsers(root);
    system = await startSystem();
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('pageerror', (e) => errors.push(e.message));
  }, 300_000);
  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
  });

  it('shows an administrator the active table in order, the catch-all last', async () => {
    await signInByKeyboard(page, system.dashboardUrl, '/routing', 'admin', 'admin-demo-2026');
    const rows = page.getByTestId('routing-rules').locator('tbody tr');
    await rows.first().waitFor({ timeout: 20_000 });
    expect(await rows.count()).toBe(DEFAULT_ROUTING_RULES.length);
    expect(await rows.first().textContent()).toContain(DEFAULT_ROUTING_RULES[0]?.id);
    expect(await rows.last().textContent()).toContain('其余全部（兜底）');
    expect(await page.getByTestId('routing-versions').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    await shootDocs(page, 'routing-rules.png');
    expect(errors).toEqual([]);
  });
});
