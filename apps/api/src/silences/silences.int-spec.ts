import request from 'supertest';
import {
  INPUT_TOPICS,
  type ApiErrorBody,
  type SilenceListResponse,
  type SilenceView,
} from '@fengqiao/contracts';
import { KafkaEventPublisher, createKafkaClient } from '@fengqiao/kafka';
import { aCameraAnalytics, aCameraId, aCameraRegistered, uniqueName } from '@fengqiao/testing';
import { startWarning, type WarningProcess } from '../testing/warning-process';
import { type ApiHarness, startApi } from '../testing/api-harness';

// A silence made through the API reaches the real warning service: the matching orange is still
// recorded, as `silenced` (not notified); a red from the same camera is raised all the same.
const suffix = uniqueName('silences');
const analyticsTopic = `${INPUT_TOPICS.cameraAnalytics.name}.${suffix}`;
const TOWNSHIP = `5119030${String(10 + Math.floor(Math.random() * 89))}`;
const cam = aCameraId(100_000 + Math.floor(Math.random() * 800_000), '511903');
const HOUR = 3_600_000;

let api: ApiHarness;
let warning: WarningProcess;
let producer: KafkaEventPublisher;
const token: Record<string, string> = {};
let silence: SilenceView;
/** Where the warning service's output stood before the silence was made. */
let beforeSilence = 0;

const post = (path: string, who: string, body: object = {}): request.Test =>
  request(api.url).post(`/api/${path}`).set('authorization', `Bearer ${token[who]}`).send(body);
const maintenance = (extra: object = {}) => ({
  cameraId: cam,
  endsAt: new Date(Date.now() + HOUR).toISOString(),
  comment: '镜头维护',
  ...extra,
});

async function alertOf(
  ruleId: string,
): Promise<{ state: string; colour: string; alert_id: string } | undefined> {
  const r = await api.pool.query<{ state: string; colour: string; alert_id: string }>(
    'SELECT state, colour, alert_id FROM alerts WHERE dedup_key = $1',
    [`${ruleId}:${cam}`],
  );
  return r.rows[0];
}

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  api = await startApi();
  for (const role of ['duty-officer', 'officer-bazhou', 'admin', 'analyst'] as const)
    token[role] = (await api.login(role)).accessToken;
  const c = aCameraRegistered({
    cameraId: cam,
    siteType: 'road',
    region: { county: '511903', township: TOWNSHIP },
  });
  await api.pool.query(
    `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      cam,
      c.name,
      c.siteType,
      '511903',
      TOWNSHIP,
      c.location.lon,
      c.location.lat,
      c.department,
      c.streamKey,
      c.occurredAt,
    ],
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
  await warning.stop();
  await producer.disconnect();
  await api.close();
});

describe('silences as data', () => {
  it.each([
    ['an officer may not allow red', 'duty-officer', { allowRed: true }, 403, 'FORBIDDEN'],
    ['a red matcher needs allowRed', 'admin', { colour: 'red' }, 422, 'ALERT_NOT_SILENCEABLE'],
    ['a scoped officer stays in their regions', 'officer-bazhou', {}, 403, 'OUT_OF_SCOPE'],
    ['an analyst does not silence', 'analyst', {}, 403, 'FORBIDDEN'],
    [
      'a silence that already ended',
      'duty-officer',
      { endsAt: new Date(Date.now() - 1000).toISOString() },
      400,
      'VALIDATION_FAILED',
    ],
  ])('%s', async (_title, who, extra, status, code) => {
    const res = await post('silences', who, maintenance(extra));
    expect(res.status).toBe(status);
    expect((res.body as ApiErrorBody).code).toBe(code);
  });

  it('an officer silences one camera; it is listed and audited', async () => {
    beforeSilence = warning.output().length;
    const res = await post('silences', 'duty-officer', maintenance()).expect(201);
    silence = res.body as SilenceView;
    expect(silence).toMatchObject({
      active: true,
      allowRed: false,
      matchers: [{ label: 'cameraId', op: '=', value: cam }],
    });
    const list = await request(api.url).get('/api/silences').set('authorization', `Bearer ${token.analyst}`);
    expect((list.body as SilenceListResponse).items.map((s) => s.id)).toContain(silence.id);
    const audit = await api.pool.query(`SELECT action FROM audit_log WHERE target_id = $1`, [silence.id]);
    expect(audit.rows).toEqual([{ action: 'silence.create' }]);
  });

  it('the warning service records the matching orange as silenced and still raises the red', async () => {
    await warning.waitFor('"message":"silences-changed"', 'the new silence', { from: beforeSilence });
    const events = [
      aCameraAnalytics({ cameraId: cam, kind: 'fight', confidence: 0.7, headCount: undefined }),
      aCameraAnalytics({ cameraId: cam, kind: 'fire-smoke', confidence: 0.95, headCount: undefined }),
    ];
    await producer.publish(
      analyticsTopic,
      events.map((e) => ({ key: cam, value: JSON.stringify(e) })),
    );
    const fight = await until(() => alertOf('fight-detected'), 'the fight alert');
    expect(fight).toMatchObject({ colour: 'orange', state: 'silenced' });
    const change = await api.pool.query('SELECT change FROM alert_changes WHERE alert_id = $1', [
      fight.alert_id,
    ]);
    expect(change.rows).toEqual([{ change: 'silenced' }]);
    expect(await until(() => alertOf('fire-smoke'), 'the fire alert')).toMatchObject({
      colour: 'red',
      state: 'raised',
    });
  });

  it('expiring ends it (idempotently) and is audited', async () => {
    const from = warning.output().length;
    const res = await post(`silences/${silence.id}/expire`, 'duty-officer').expect(200);
    expect(res.body as SilenceView).toMatchObject({ active: false });
    await post(`silences/${silence.id}/expire`, 'duty-officer').expect(200);
    const audit = await api.pool.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY seq`, [
      silence.id,
    ]);
    expect(audit.rows).toEqual([{ action: 'silence.create' }, { action: 'silence.expire' }]);
    await warning.waitFor('"message":"silences-changed"', 'the expiry', { from });
  });
});
