import { randomUUID } from 'node:crypto';
import { type Page } from 'playwright-core';
import { type Alert, type AlertColour } from '@fengqiao/contracts';
import { findRepoRoot } from '@fengqiao/config';
import { AlertStore, createPool, type DbPool } from '@fengqiao/db';
import { launchChromium, testConfig, type LaunchedBrowser } from '@fengqiao/testing';
import { FULL_HD, shootDocs, signIn, UHD } from './dashboard-pages';
import { startSystem, type RunningSystem } from './system';
import { seedDemoUsers, seedWallWorld } from './wall-fixtures';

// Issue 20, analysts: the alert history filtered by rule, region and level, with its MTTA, MTTR and
// false-alarm rate. The tier shares one database: every alert here has this run's own rule id.
const root = findRepoRoot(__dirname);
const RULE = `e2e-quality-${Date.now().toString(36)}`;
const MIN = 60_000;

interface Answered {
  readonly colour: AlertColour;
  readonly township: string;
  readonly agoMin: number;
  readonly ack?: number;
  readonly fix?: number;
  readonly outcome?: Alert['outcome'];
}

/** 通江县 (511921): acknowledged after 2, 4 and 6 minutes, resolved after 30 and 10; one in 巴州区. */
const ALERTS: readonly Answered[] = [
  { colour: 'red', township: '511921001', agoMin: 180, ack: 2, fix: 30, outcome: 'false-alarm' },
  { colour: 'orange', township: '511921001', agoMin: 120, ack: 4, fix: 10, outcome: 'real-incident' },
  { colour: 'blue', township: '511921002', agoMin: 60, ack: 6 },
  { colour: 'blue', township: '511902001', agoMin: 50 },
];

async function storeAnswered(pool: DbPool, a: Answered): Promise<void> {
  const id = randomUUID();
  const raised = Date.now() - a.agoMin * MIN;
  const iso = (m: number | undefined): string | undefined =>
    m === undefined ? undefined : new Date(raised + m * MIN).toISOString();
  const alert: Alert = {
    alertId: id,
    dedupKey: `e2e:${id}`,
    ruleId: RULE,
    ruleVersion: 1,
    colour: a.colour,
    state: a.fix !== undefined ? 'resolved' : a.ack !== undefined ? 'acknowledged' : 'raised',
    version: 1,
    title: '群体性纠纷：1小时内同一地点来访 12 次',
    region: { county: a.township.slice(0, 6), township: a.township },
    escalationLevel: 'grid',
    raisedAt: new Date(raised).toISOString(),
    updatedAt: new Date(raised).toISOString(),
    ...(a.ack === undefined ? {} : { acknowledgedAt: iso(a.ack) }),
    ...(a.fix === undefined ? {} : { resolvedAt: iso(a.fix) }),
    ...(a.outcome === undefined ? {} : { outcome: a.outcome }),
    explanation: {
      summary: 'e2e',
      evidence: [randomUUID()],
      values: { visits: 12 },
      thresholds: { visits: 10 },
    },
  };
  await new AlertStore().insertAlert(pool, alert);
}

/** A proposed rule-set version of this run: the newest version's body again, for the backtest. */
async function proposeVersion(apiUrl: string): Promise<number> {
  const login = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'analyst', password: 'analyst-demo-2026' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  const list = (await (await fetch(`${apiUrl}/api/rules`, { headers })).json()) as {
    items: { version: number }[];
  };
  const newest = list.items[0]?.version;
  if (newest === undefined) throw new Error('no rule-set version to propose from');
  const detail = (await (await fetch(`${apiUrl}/api/rules/${newest}`, { headers })).json()) as {
    body: Record<string, unknown>;
  };
  const res = await fetch(`${apiUrl}/api/rules`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ body: detail.body, comment: RULE }),
  });
  if (!res.ok) throw new Error(`propose: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { version: number }).version;
}

const tile = (page: Page, id: string) => page.getByTestId(`tile-${id}`).locator('strong');

describe('alert history and quality (issue 20), against the real API', () => {
  let system: RunningSystem;
  let chromium: LaunchedBrowser;
  let pool: DbPool;
  const errors: string[] = [];

  beforeAll(async () => {
    seedDemoUsers(root);
    pool = createPool(testConfig().postgres.url, { max: 2 });
    await seedWallWorld(pool);
    for (const a of ALERTS) await storeAnswered(pool, a);
    system = await startSystem();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
    await pool?.end();
  });

  it('filters the history by rule, county and level and shows MTTA, MTTR and the false-alarm rate', async () => {
    const page = await chromium.browser.newPage({ viewport: FULL_HD });
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, system.dashboardUrl, '/analysis/alerts?days=1', 'analyst', 'analyst-demo-2026');
    // Reached from the analysis navigation, and the rule is offered once the day's figures are in.
    await page.getByTestId('analysis-nav').locator('a[aria-current=page]').waitFor();
    await page.locator(`select[name=h-rule] option[value="${RULE}"]`).waitFor({ state: 'attached' });
    await page.locator('select[name=h-rule]').selectOption(RULE);
    await page.locator('[data-testid=history-list][data-count="4"]').waitFor({ timeout: 15_000 });
    expect(await tile(page, 'alerts').textContent()).toBe('4');

    await page.locator('select[name=f-region-county]').selectOption('511921');
    await page.locator('[data-testid=history-list][data-count="3"]').waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('region')).toBe('511921');
    expect(await tile(page, 'alerts').textContent()).toBe('3');
    expect(await tile(page, 'mtta').textContent()).toBe('4分');
    expect(await tile(page, 'mttr').textContent()).toBe('20分');
    expect(await tile(page, 'false-alarm-rate').textContent()).toBe('50.0%');
    // Townships by name (the code on hover), not by code.
    const township = page.getByTestId('quality-by-region').locator('tr[data-key="511921001"] th span');
    expect(await township.textContent()).toContain('江北街道');
    expect(await township.getAttribute('title')).toBe('511921001');
    expect(await page.getByTestId('history-list').textContent()).not.toContain('511921001');
    await page.waitForTimeout(800); // the chart's entry animation
    await shootDocs(page, 'analysis-alerts-1920x1080.png');
    await page.setViewportSize(UHD);
    await page.waitForTimeout(800);
    await shootDocs(page, 'analysis-alerts-3840x2160.png');
    await page.setViewportSize(FULL_HD);

    await page.locator('select[name=h-level]').selectOption('red');
    await page.locator('[data-testid=history-list][data-count="1"]').waitFor({ timeout: 15_000 });
    expect(await tile(page, 'mttr').textContent()).toBe('30分');
    expect(await tile(page, 'false-alarm-rate').textContent()).toBe('100.0%');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('backtests a proposed version over a period beside what actually fired', async () => {
    const version = await proposeVersion(system.apiUrl);
    const page = await chromium.browser.newPage({ viewport: FULL_HD });
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, system.dashboardUrl, '/analysis/backtest', 'analyst', 'analyst-demo-2026');
    await page.locator(`select[name=bt-version] option[value="${version}"]`).waitFor({ state: 'attached' });
    await page.locator('select[name=bt-version]').selectOption(String(version));
    await page.locator('select[name=bt-days]').selectOption('1');
    await page.locator('select[name=f-region-county]').selectOption('511921');
    await page.getByTestId('bt-run').click();
    await page.locator('[data-testid=backtest][data-done=yes]').waitFor({ timeout: 60_000 });
    // This run's rule is in no rule set: nothing would fire, and the three alerts of 通江县 did.
    const row = page.getByTestId('bt-by-rule').locator(`tr[data-key="${RULE}"]`);
    expect(await row.locator('td[data-col=would]').textContent()).toBe('0');
    expect(await row.locator('td[data-col=did]').textContent()).toBe('3');
    await page.waitForTimeout(800);
    await shootDocs(page, 'analysis-backtest-1920x1080.png');
    await page.setViewportSize(UHD);
    await page.waitForTimeout(800);
    await shootDocs(page, 'analysis-backtest-3840x2160.png');
    expect(errors).toEqual([]);
    await page.close();
  });
});
