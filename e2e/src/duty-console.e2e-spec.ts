import { randomUUID } from 'node:crypto';
import { type Page } from 'playwright-core';
import { findRepoRoot } from '@fengqiao/config';
import { createPool, type DbPool } from '@fengqiao/db';
import {
  launchChromium,
  testConfig,
  uniqueName,
  type LaunchedBrowser,
  type RunningProcess,
} from '@fengqiao/testing';
import { FULL_HD, shootDocs as shoot, signIn, UHD } from './dashboard-pages';
import { startSystem, type RunningSystem } from './system';
import {
  AlertRaiser,
  acknowledgeWaitingReds,
  aRedAlert,
  seedDemoUsers,
  seedWallWorld,
} from './wall-fixtures';
import { startCaseRelay, startPrivateIngest, type CaseRelay } from './workflow-system';

// Issue 20, the duty console's own loop: an officer opens a red alert, turns it into a case (form
// prefilled from the alert), sees the case's number, opens the case and follows its link back to the
// alert. The case goes through the real API intake, Kafka and ingest (a private ingest on a private
// copy of the case topic, fed with this run's township only).
const root = findRepoRoot(__dirname);
const TOWNSHIP = `511902${800 + Math.floor(Math.random() * 100)}`;
const SUFFIX = uniqueName('e2e-duty');

describe('the duty console: alert to case, dispatch to a unit', () => {
  let system: RunningSystem;
  let ingest: RunningProcess;
  let relay: CaseRelay;
  let chromium: LaunchedBrowser;
  let pool: DbPool;
  let raiser: AlertRaiser;
  const errors: string[] = [];

  beforeAll(async () => {
    const config = testConfig();
    seedDemoUsers(root);
    pool = createPool(config.postgres.url, { max: 2 });
    await seedWallWorld(pool);
    raiser = new AlertRaiser(pool, config.kafka.brokers);
    ingest = await startPrivateIngest(SUFFIX);
    relay = await startCaseRelay(SUFFIX, TOWNSHIP);
    system = await startSystem();
    chromium = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await chromium?.close();
    await system?.stop();
    await relay?.stop();
    await ingest?.stop();
    await raiser?.close();
    await pool?.end();
  });

  async function officerOn(path: string): Promise<Page> {
    const page = await chromium.browser.newPage({ viewport: FULL_HD });
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, system.dashboardUrl, path, 'officer', 'officer-demo-2026');
    return page;
  }

  it('an officer opens a red alert, makes the case, sees its number, opens it and follows the link back', async () => {
    await acknowledgeWaitingReds(pool, system.apiUrl);
    const alert = aRedAlert('巴州区 欠薪群体性纠纷', {
      ruleId: `e2e-duty-${randomUUID().slice(0, 8)}`,
      region: { county: '511902', township: TOWNSHIP },
      explanation: {
        summary: '1小时内同一地点欠薪来访 12 次',
        evidence: [],
        values: { category: 'labour-wages', visits: 12 },
        thresholds: { visits: 10 },
      },
    });
    await raiser.raise(alert);
    const duty = await officerOn('/duty');
    await duty
      .locator(`[data-testid=queue-item][data-alert-id="${alert.alertId}"]`)
      .click({ timeout: 20_000 });
    const detail = duty.getByTestId('alert-detail');
    await detail.getByText(alert.title).waitFor();

    // The form opens prefilled from the alert: the rule's category and the alert's own words.
    await detail.getByTestId('action-case').click();
    const form = detail.getByTestId('form-case');
    expect(await form.locator('select[name=category]').inputValue()).toBe('labour-wages');
    const summary = form.locator('textarea[name=summary]');
    expect(await summary.inputValue()).toContain('【预警转案件】巴州区 欠薪群体性纠纷');
    await summary.fill('欠薪群体性纠纷，12名工人到场，需人社部门协调');
    await shoot(duty, 'duty-alert-case-form-1920x1080.png');
    await form.locator('button[type=submit]').click();

    const made = detail.getByTestId('alert-case');
    await made.waitFor({ timeout: 15_000 });
    const caseId = (await made.getAttribute('data-case-id')) ?? '';
    expect(caseId).toMatch(/^C511902-\d{8}-\d{5}$/);
    expect(await made.textContent()).toContain(`案件已生成 ${caseId}`);
    expect(await detail.getByTestId('action-case').count()).toBe(0);
    await shoot(duty, 'duty-alert-case-1920x1080.png');
    await duty.setViewportSize(UHD);
    await duty.waitForTimeout(500);
    await shoot(duty, 'duty-alert-case-3840x2160.png');
    await duty.setViewportSize(FULL_HD);

    // Opened again (a link to the alert), it says it already is that case, from the alert's detail.
    await duty.goto(`${system.dashboardUrl}/duty?alert=${alert.alertId}`);
    const again = duty.getByTestId('alert-detail').getByTestId('alert-case');
    await again.waitFor({ timeout: 15_000 });
    expect(await again.textContent()).toBe(`已转为案件 ${caseId}`);

    // The case (once the ingest stored it) names the alert it came from; its link opens the alert.
    await again.getByTestId('alert-case-link').click();
    await duty.waitForURL(`${system.dashboardUrl}/cases?case=${caseId}`);
    const deadline = Date.now() + 60_000;
    const back = duty.locator(`[data-testid=case-from-alerts] a[data-alert-id="${alert.alertId}"]`);
    while ((await back.count()) === 0) {
      if (Date.now() > deadline) throw new Error(`case ${caseId} never listed its alert`);
      await duty.waitForTimeout(2000);
      await duty.reload();
      await duty.locator('[data-testid=case-detail], .case-detail').first().waitFor({ timeout: 20_000 });
    }
    expect(await duty.getByTestId('case-detail').locator('p').first().textContent()).toBe(
      '欠薪群体性纠纷，12名工人到场，需人社部门协调',
    );
    await shoot(duty, 'cases-from-alert-1920x1080.png');
    await duty.setViewportSize(UHD);
    await duty.waitForTimeout(500);
    await shoot(duty, 'cases-from-alert-3840x2160.png');
    await duty.setViewportSize(FULL_HD);
    await back.click();
    await duty.waitForURL(`${system.dashboardUrl}/duty?alert=${alert.alertId}`);
    await duty.getByTestId('alert-detail').getByText(alert.title).waitFor({ timeout: 15_000 });
    expect(await duty.getByTestId('alert-detail').getByTestId('alert-case').textContent()).toBe(
      `已转为案件 ${caseId}`,
    );
    await duty.close();
    expect(errors).toEqual([]);
  });

  it('an officer dispatches an acknowledged alert to a unit of its township, named in the history', async () => {
    const township = '511902001';
    const named = await pool.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [township]);
    const townshipName = named.rows[0]?.name ?? township;
    const alert = aRedAlert('巴州区 广场人群聚集', {
      ruleId: `e2e-duty-${randomUUID().slice(0, 8)}`,
      region: { county: '511902', township },
    });
    await raiser.raise(alert);
    const duty = await officerOn('/duty');
    await duty
      .locator(`[data-testid=queue-item][data-alert-id="${alert.alertId}"]`)
      .click({ timeout: 20_000 });
    const detail = duty.getByTestId('alert-detail');
    await detail.getByText(alert.title).waitFor();
    await duty.locator('body').press('a');
    await duty.getByTestId('form-acknowledge').waitFor();
    await duty.keyboard.press('Enter');
    await detail.locator('li[data-change=acknowledged]').waitFor({ timeout: 15_000 });

    // The unit is picked from the township's and county's "1+6+N" units, by name, not typed.
    await duty.locator('body').press('d');
    const form = duty.getByTestId('form-dispatch');
    const unit = form.locator('select[name=unit]');
    const labels = await unit.locator('option').allTextContents();
    expect(labels[0]).toBe(`${townshipName} 综治中心`);
    expect(labels).toContain('巴州区 信访接待');
    await unit.selectOption(`grid-management@${township}`);
    await form.locator('input[name=note]').fill('请网格员到场疏导');
    await shoot(duty, 'duty-dispatch-form-1920x1080.png');
    await duty.keyboard.press('Enter');
    const line = detail.locator('li[data-change=dispatched]');
    await line.waitFor({ timeout: 15_000 });
    expect(await line.textContent()).toContain(`派往${townshipName} 网格化服务管理: 请网格员到场疏导`);
    expect(await line.textContent()).toContain('市级值班员');
    // What the API stored: the unit's reference, the same for every reader of the history.
    const stored = await pool.query<{ note: string }>(
      "SELECT note FROM alert_changes WHERE alert_id = $1 AND change = 'dispatched'",
      [alert.alertId],
    );
    expect(stored.rows.map((r) => r.note)).toEqual([`unit grid-management@${township}: 请网格员到场疏导`]);
    await shoot(duty, 'duty-dispatch-1920x1080.png');
    await duty.setViewportSize(UHD);
    await duty.waitForTimeout(500);
    await shoot(duty, 'duty-dispatch-3840x2160.png');
    await duty.close();
    expect(errors).toEqual([]);
  });

  it('the opened alert shows its facts in Chinese, its evidence events and its nearest camera through the play grant', async () => {
    // Two analytics events of the township's first camera (seedWallWorld's), one with a snapshot.
    const camera = '51190201132001000001';
    const evidence = [randomUUID(), randomUUID()];
    for (const [i, id] of evidence.entries()) {
      await pool.query(
        `INSERT INTO camera_analytics_events (event_id, occurred_at, camera_id, kind, confidence, head_count, snapshot_ref)
         VALUES ($1, now() - make_interval(secs => $2), $3, 'crowd', 0.93, 320, $4)`,
        [id, 60 * (i + 1), camera, i === 0 ? `snapshots/${camera}/e2e.jpg` : null],
      );
    }
    const alert = aRedAlert('巴州区 广场人群聚集（识别）', {
      ruleId: `e2e-duty-${randomUUID().slice(0, 8)}`,
      region: { county: '511902', township: '511902001' },
      explanation: {
        summary: '广场摄像头识别到 320 人聚集',
        evidence,
        values: { analyticsKind: 'crowd', headCount: 320, confidence: 0.93, siteType: 'square' },
        thresholds: { orange: 150, red: 300 },
      },
    });
    await raiser.raise(alert);
    const duty = await officerOn('/duty');
    // Play grants asked for: the nearest camera's tile, and the evidence snapshot's camera (decision 0020).
    const grants: { url: string; ok: boolean }[] = [];
    duty.on('response', (r) => {
      if (/\/api\/video\/cameras\/[0-9]+\/play$/.test(r.url()) && r.request().method() === 'POST')
        grants.push({ url: r.url(), ok: r.ok() });
    });
    await duty
      .locator(`[data-testid=queue-item][data-alert-id="${alert.alertId}"]`)
      .click({ timeout: 20_000 });
    const detail = duty.getByTestId('alert-detail');
    await detail.getByText(alert.title).waitFor();
    const fact = (key: string) => detail.locator(`[data-testid=alert-facts] [data-fact=${key}]`);
    await fact('analyticsKind').waitFor();
    expect(await fact('analyticsKind').textContent()).toBe('识别类型人群聚集');
    expect(await fact('headCount').textContent()).toBe('人数320');
    expect(await fact('confidence').textContent()).toBe('置信度93%');
    expect(await fact('siteType').textContent()).toBe('场所广场');
    expect(await detail.locator('[data-testid=alert-thresholds] [data-fact=red]').textContent()).toBe(
      '红色300',
    );
    expect(await detail.getByTestId('alert-evidence').locator('summary').textContent()).toContain(
      '2 条证据事件',
    );
    const events = detail.getByTestId('evidence-event');
    await events.first().waitFor();
    const shownIds: (string | null)[] = [];
    for (let i = 0; i < (await events.count()); i += 1)
      shownIds.push(await events.nth(i).getAttribute('data-event-id'));
    expect(shownIds).toEqual(evidence);
    // Its picture was never stored (snapshots.e2e-spec shows a stored one): the fallback says so.
    await events.first().locator('[data-testid=snapshot][data-state=failed]').waitFor();
    expect(await events.first().textContent()).toMatch(
      /^\d{2}:\d{2}:\d{2} 001号广场1号机 · 人群聚集 · 置信度 93% · 人数 320 · 有抓拍抓拍不可用$/,
    );
    expect(await detail.getByTestId('evidence-snapshot').count()).toBe(1);
    // The township's camera plays in the panel, watched for this alert (the API's grant, audited).
    const tile = detail.getByTestId('video-tile');
    await tile.waitFor({ timeout: 20_000 });
    expect(await tile.locator('video').count()).toBe(1);
    const tileGrant = `/cameras/${(await tile.getAttribute('data-camera-id')) ?? 'none'}/play`;
    for (let i = 0; i < 60 && !grants.some((g) => g.url.endsWith(tileGrant)); i += 1)
      await duty.waitForTimeout(500);
    expect(new Set(grants.filter((g) => g.url.endsWith(tileGrant)).map((g) => g.ok))).toEqual(
      new Set([true]),
    );
    expect(await tile.getAttribute('data-state')).not.toBe('denied');
    await duty.waitForTimeout(1000);
    await shoot(duty, 'duty-evidence-1920x1080.png');
    await duty.setViewportSize(UHD);
    await duty.waitForTimeout(500);
    await shoot(duty, 'duty-evidence-3840x2160.png');
    await duty.close();
    expect(errors).toEqual([]);
  });

  it('the opened alert reads its case events by case number, kind, city time and township name, with no personal data', async () => {
    // A case of the township, reported with a party (name and phone in the stored payload) and later
    // assigned to a named mediator: the console must show neither.
    const township = '511902001';
    const caseId = `C511902-20261207-${String(10_000 + Math.floor(Math.random() * 90_000))}`;
    const party = { name: '罗明娜', phone: '13987654321' };
    const reported = randomUUID();
    const assigned = randomUUID();
    const store = (id: string, type: string, agoS: number, payload: object) =>
      pool.query(
        `INSERT INTO case_events (event_id, occurred_at, case_id, type, channel, county, township, category, tier, payload)
         VALUES ($1, now() - make_interval(secs => $2), $3, $4, 'window', '511902', $5, $6, 'general', $7)`,
        [id, agoS, caseId, type, township, type === 'reported' ? 'labour-wages' : null, payload],
      );
    await store(reported, 'reported', 2 * 86_400, {
      category: 'labour-wages',
      summary: `${party.name}等人讨要工资，电话${party.phone}`,
      partiesCount: 1,
      riskFlags: { violenceRisk: false, extremeWords: false, groupPetition: true, repeatVisits: 0 },
      parties: [party],
    });
    await store(assigned, 'assigned', 600, { department: '劳动监察大队', assignee: '王调解员' });
    const placeName = (
      await pool.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [township])
    ).rows[0]?.name;
    expect(placeName).toBeDefined();
    const notAnEvent = randomUUID();
    const alert = aRedAlert('巴州区 欠薪来访聚集', {
      ruleId: `e2e-duty-${randomUUID().slice(0, 8)}`,
      region: { county: '511902', township },
      explanation: {
        summary: '24小时内同一乡镇欠薪来访 12 次',
        evidence: [reported, assigned, notAnEvent],
        values: { category: 'labour-wages', visits: 12 },
        thresholds: { visits: 10 },
      },
    });
    await raiser.raise(alert);
    const duty = await officerOn('/duty');
    await duty
      .locator(`[data-testid=queue-item][data-alert-id="${alert.alertId}"]`)
      .click({ timeout: 20_000 });
    const detail = duty.getByTestId('alert-detail');
    await detail.getByText(alert.title).waitFor();
    const rows = detail.getByTestId('evidence-case-event');
    await rows.first().waitFor({ timeout: 15_000 });
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-event-id')).toBe(assigned);
    expect(await rows.nth(1).getAttribute('data-event-id')).toBe(reported);
    const place = rows.nth(1).getByTestId('evidence-case-place');
    // The township's name once the page's region names have loaded; its code on hover.
    // A string, evaluated in the page: this file is compiled without the DOM library.
    await duty.waitForFunction(
      `[...document.querySelectorAll('[data-testid=evidence-case-place]')].every((e) => e.textContent === ${JSON.stringify(placeName)})`,
      undefined,
      { timeout: 15_000 },
    );
    expect(await place.getAttribute('title')).toBe(township);
    const dateTime = String.raw`\d{4}-\d{2}-\d{2} \d{2}:\d{2}`;
    expect(await rows.nth(1).textContent()).toMatch(
      new RegExp(`^${dateTime} 案件 ${caseId} · 受理 · 劳资欠薪 · ${placeName ?? ''}$`),
    );
    expect(await rows.nth(0).textContent()).toMatch(
      new RegExp(`^${dateTime} 案件 ${caseId} · 交办 · ${placeName ?? ''}$`),
    );
    expect(await rows.nth(1).getByTestId('evidence-case-link').getAttribute('href')).toBe(
      `/cases?case=${caseId}`,
    );
    // The id that is no event stays behind the fold; nothing personal anywhere on the page.
    expect(await detail.locator('.detail__evidence-id').allTextContents()).toEqual([notAnEvent]);
    const page = (await duty.locator('body').textContent()) ?? '';
    for (const personal of [party.name, party.phone, '讨要工资', '王调解员', '劳动监察大队'])
      expect(page).not.toContain(personal);
    await detail.getByTestId('alert-evidence').scrollIntoViewIfNeeded();
    await duty.waitForTimeout(500);
    await shoot(duty, 'duty-evidence-cases-1920x1080.png');
    await duty.close();
    expect(errors).toEqual([]);
  });
});
