import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, type LaunchedBrowser } from '@fengqiao/testing';
import { SCREENSHOT_DIR, startSystem, type RunningSystem } from './system';

describe('the dashboard start page, served against the real API and stack', () => {
  let system: RunningSystem;
  let chromium: LaunchedBrowser;

  beforeAll(async () => {
    system = await startSystem();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
  });

  it('loads in Chromium and shows PostgreSQL and Kafka healthy, checked for real by the API', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(system.dashboardUrl);
    await page.getByText('System healthy').waitFor({ timeout: 20_000 });
    // The database check is a timed ping now (libs/process health contract), not a migration count.
    expect(await page.getByTestId('health-postgres').textContent()).toMatch(/answered in \d+ ms/);
    expect(await page.getByTestId('health-kafka').textContent()).toMatch(/1 broker\(s\), \d+ topics/);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'start-page-1920.png') });
    expect(errors).toEqual([]);
  });
});
