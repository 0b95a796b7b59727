import request from 'supertest';
import {
  INPUT_TOPICS,
  type ActivateRuleSetResponse,
  type ApiErrorBody,
  type BacktestResponse,
  type CameraRegistered,
  type RuleSetDetail,
  type RuleSetInput,
  type RuleSetListResponse,
} from '@fengqiao/contracts';
import { KafkaEventPublisher, createKafkaClient } from '@fengqiao/kafka';
import { aCameraAnalytics, aCameraId, aCameraRegistered, uniqueName } from '@fengqiao/testing';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { startWarning, type WarningProcess } from '../testing/warning-process';

// Rule sets as data on the real stack: an analyst proposes a version that lowers the square-crowd
// threshold, backtests it over stored events against the active one, an administrator activates it
// (audited), and the real warning service, running all along, fires with the new version. The
// active version is restored at the end: the rule set is shared by every spec of the run.
const suffix = uniqueName('rules');
const analyticsTopic = `${INPUT_TOPICS.cameraAnalytics.name}.${suffix}`;
const base = 100_000 + Math.floor(Math.random() * 800_000);
const TOWNSHIP = `5119210${String(10 + Math.floor(Math.random() * 89))}`;
const square = aCameraId(base, '511921');
const HOUR = 3_600_000;

let api: ApiHarness;
let warning: WarningProcess;
let producer: KafkaEventPublisher;
const token: Record<string, string> = {};
let activeBefore = 0;
let proposed = 0;
let crowdRuleVersion = 0;

const get = (path: string, who: string): request.Test =>
  request(api.url).get(`/api/${path}`).set('authorization', `Bearer ${token[who]}`);
const post = (path: string, who: string, body: object = {}): request.Test =>
  request(api.url).post(`/api/${path}`).set('authorization', `Bearer ${token[who]}`).send(body);

async function until<T>(probe: () => Promise<T | undefined>, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function registerCamera(c: CameraRegistered): Promise<void> {
  await api.pool.query(
    `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      c.cameraId,
      c.name,
      c.siteType,
      c.region.county,
      c.region.township,
      c.location.lon,
      c.location.lat,
      c.department,
      c.streamKey,
      c.occurredAt,
    ],
  );
}

/** A crowd of `headCount` at the square, stored as ingest stores it (for the backtest). */
async function storeCrowd(at: number, headCount: number): Promise<void> {
  await api.pool.query(
    `INSERT INTO camera_analytics_events (event_id, occurred_at, camera_id, kind, confidence, head_count)
     VALUES (gen_random_uuid(), $1, $2, 'crowd', 0.9, $3)`,
    [new Date(at), square, headCount],
  );
}

beforeAll(async () => {
  api = await startApi();
  for (const role of ['analyst', 'admin', 'duty-officer', 'wall'] as const)
    token[role] = (await api.login(role)).accessToken;
  await registerCamera(
    aCameraRegistered({
      cameraId: square,
      siteType: 'square',
      region: { county: '511921', township: TOWNSHIP },
    }),
  );
  const kafka = createKafkaClient({
    brokers: api.config.kafka.brokers,
    clientId: suffix,
    log: () => undefined,
  });
  producer = new KafkaEventPublisher(kafka);
  await producer.connect();
  warning = await startWarning(api.config, suffix, { ...process.env });
}, 90_000);

afterAll(async () => {
  // Whatever happened above, the run's other specs find the version that was active before.
  if (activeBefore > 0) await post(`rules/${activeBefore}/activate`, 'admin');
  await warning.stop();
  await producer.disconnect();
  await api.close();
});

describe('rule sets: propose → backtest → activate → the warning service fires with the new version', () => {
  it('lists the versions, one of them active', async () => {
    const res = await get('rules', 'analyst').expect(200);
    const active = (res.body as RuleSetListResponse).items.filter((v) => v.status === 'active');
    expect(active).toHaveLength(1);
    activeBefore = active[0]?.version ?? 0;
    await get('rules', 'wall').expect(403);
  });

  it('refuses an invalid proposal with errors that name the rule and field', async () => {
    const current = (await get(`rules/${activeBefore}`, 'analyst').expect(200)).body as RuleSetDetail;
    const body = structuredClone(current.body) as { rules: { id: string; kind: string; levels?: unknown }[] };
    const broken = body.rules.find((r) => r.kind === 'window-threshold');
    if (broken === undefined) throw new Error('no window rule');
    broken.levels = [];
    const res = await post('rules', 'analyst', { body }).expect(400);
    const error = res.body as ApiErrorBody;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues?.[0]?.path).toMatch(/^body\.rules\.\d+\.levels$/);
    await post('rules', 'duty-officer', { body }).expect(403);
  });

  it('proposes a version with a lower square-crowd threshold', async () => {
    const current = (await get(`rules/${activeBefore}`, 'analyst').expect(200)).body as RuleSetDetail;
    const body = structuredClone(current.body) as unknown as RuleSetInput;
    const crowd = body.rules.find((r) => r.id === 'crowd-at-square');
    if (crowd?.kind !== 'single-event') throw new Error('no crowd-at-square rule');
    crowd.version += 1;
    crowdRuleVersion = crowd.version;
    crowd.when = crowd.when.map((c) => (c.fact === 'headCount' ? { ...c, value: 100 } : c));
    const res = await post('rules', 'analyst', {
      body,
      comment: 'squares: 100 people is already a gathering',
    });
    expect(res.status).toBe(201);
    const detail = res.body as RuleSetDetail;
    expect(detail).toMatchObject({ status: 'proposed', proposedBy: 'analyst' });
    expect(detail.version).toBeGreaterThan(activeBefore);
    proposed = detail.version;
  });

  it('backtests it over stored events: one more orange than the active version', async () => {
    const t = Date.now() - 3 * HOUR;
    await storeCrowd(t, 150);
    await storeCrowd(t + 10 * 60_000, 80);
    const range = { from: new Date(t - HOUR).toISOString(), to: new Date(t + HOUR).toISOString() };
    const res = await post(`rules/${proposed}/backtest`, 'analyst', { ...range, region: TOWNSHIP }).expect(
      200,
    );
    const report = res.body as BacktestResponse;
    expect(report).toMatchObject({ events: 2, truncated: false });
    expect(report.candidate.byRule['crowd-at-square']).toBe(1);
    expect(report.active?.byRule['crowd-at-square']).toBeUndefined();
    expect(report.diff).toEqual({
      byColour: { blue: 0, orange: 1, red: 0 },
      byRule: { 'crowd-at-square': 1 },
    });
    expect(report.candidate.alerts[0]).toMatchObject({ ruleId: 'crowd-at-square', township: TOWNSHIP });
    const tooLong = { from: new Date(t - 40 * 24 * HOUR).toISOString(), to: range.to };
    await post(`rules/${proposed}/backtest`, 'analyst', tooLong).expect(400);
  });

  it('only an administrator activates; the activation is in the audit chain', async () => {
    await post(`rules/${proposed}/activate`, 'analyst').expect(403);
    const res = await post(`rules/${proposed}/activate`, 'admin').expect(200);
    expect(res.body as ActivateRuleSetResponse).toMatchObject({ version: proposed, previous: activeBefore });
    const audit = await api.pool.query(
      `SELECT actor_role, detail FROM audit_log WHERE action = 'rules.activate' AND target_id = $1`,
      [String(proposed)],
    );
    expect(audit.rows).toEqual([
      { actor_role: 'admin', detail: { previous: activeBefore, name: 'bazhong-default' } },
    ]);
    const verdict = await get('audit/verify', 'admin').expect(200);
    expect(verdict.body).toMatchObject({ ok: true });
  });

  it('the running warning service swaps to it and fires with the new version', async () => {
    await warning.waitFor(
      `"message":"rule-set-activated","kind":"rule-set-activated","version":${proposed}`,
      'swap',
    );
    const crowd = aCameraAnalytics({ cameraId: square, kind: 'crowd', headCount: 150 });
    await producer.publish(analyticsTopic, [{ key: square, value: JSON.stringify(crowd) }]);
    const alert = await until(
      async () =>
        (
          await api.pool.query<{ colour: string; rule_version: number; explanation: { summary: string } }>(
            'SELECT colour, rule_version, explanation FROM alerts WHERE dedup_key = $1',
            [`crowd-at-square:${square}`],
          )
        ).rows[0],
      'the crowd alert',
    );
    expect(alert).toMatchObject({ colour: 'orange', rule_version: crowdRuleVersion });
    expect(alert.explanation.summary).toContain(`规则 crowd-at-square 第 ${crowdRuleVersion} 版`);
  });
});
