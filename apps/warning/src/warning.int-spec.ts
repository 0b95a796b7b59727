import { type AlertChanged, type CameraRegistered } from '@fengqiao/contracts';
import { createPool, type DbPool } from '@fengqiao/db';
import { KafkaEventPublisher, createKafkaClient } from '@fengqiao/kafka';
import {
  aCameraAnalytics,
  aCameraId,
  aCameraRegistered,
  aCameraStatus,
  aCaseReported,
  testConfig,
  uniqueName,
} from '@fengqiao/testing';
import { createWarningApp, type WarningApp } from './warning-app';
import { warningTopics } from './warning-topics';

// End to end through the real Kafka and PostgreSQL: injected incidents (a crowd at a square, a
// violence-risk case, a fire, a township going dark) become exactly the expected alerts; an
// acknowledgement made by the API stops escalation; a restart neither loses nor repeats alerts.
const config = testConfig();
const suffix = uniqueName('warn');
const groupId = uniqueName('warning');
const topics = warningTopics(suffix);
const MIN = 60_000;
const base = 100_000 + Math.floor(Math.random() * 800_000);
const township = `5119239${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
const cam = (i: number): string => aCameraId(base + i, '511923');

let t = Date.now();
const clock = { now: () => t };
const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: suffix });
const producer = new KafkaEventPublisher(kafka);
let pool: DbPool;
let app: WarningApp;

async function until<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  // The clean-clone CI at 06:35 (load ~15) waited more than 20 s for the first alert of a fresh
  // topic whose partition leaders were still moving ("not the leader" on ListOffsets).
  ms = 50_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const send = (kind: keyof typeof topics.byKind, key: string, value: object) =>
  producer.publish(topics.byKind[kind], [{ key, value: JSON.stringify(value) }]);
const alertOf = async (dedupKey: string) =>
  (
    await pool.query<{
      alert_id: string;
      colour: string;
      state: string;
      version: number;
      escalation_level: string;
    }>('SELECT alert_id, colour, state, version, escalation_level FROM alerts WHERE dedup_key = $1', [
      dedupKey,
    ])
  ).rows;
const ourAlerts = async () =>
  (
    await pool.query<{ dedup_key: string }>(
      'SELECT dedup_key FROM alerts WHERE township = $1 ORDER BY dedup_key',
      [township],
    )
  ).rows.map((r) => r.dedup_key);

function registry(i: number, siteType: CameraRegistered['siteType']): CameraRegistered {
  return aCameraRegistered({
    cameraId: cam(i),
    siteType,
    region: { county: '511923', township },
    location: { lon: 107.1 + i * 0.0001, lat: 31.56 },
  });
}
async function startApp(): Promise<WarningApp> {
  const a = createWarningApp(config, { topicSuffix: suffix, groupId, clock, tickMs: 0 });
  await a.start();
  await until(() => a.isJoined(), 'the consumer group');
  return a;
}

beforeAll(async () => {
  pool = createPool(config.postgres.url, { max: 2 });
  await producer.connect();
  app = await startApp();
  const cams = [
    registry(0, 'square'),
    registry(1, 'school'),
    ...Array.from({ length: 28 }, (_, i) => registry(i + 2, 'road')),
  ];
  // As ingest does: the registry lands in the cameras table, which a restarted process reads first.
  for (const c of cams) {
    await pool.query(
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
  await producer.publish(
    topics.byKind.cameraRegistered,
    cams.map((c) => ({ key: c.cameraId, value: JSON.stringify(c) })),
  );
  await until(() => app.stats.cameras >= 30, 'the camera registrations');
});

afterAll(async () => {
  await app.stop();
  await producer.disconnect();
  await pool.end();
});

describe('warning service end to end', () => {
  const region = { county: '511923', township };
  let violenceAlert = '';
  let fireAlert = '';

  it('a crowd at a square, a violence-risk case and a fire raise orange, red and red', async () => {
    await send(
      'cameraAnalytics',
      cam(0),
      aCameraAnalytics({
        cameraId: cam(0),
        kind: 'crowd',
        headCount: 300,
        occurredAt: new Date(t).toISOString(),
      }),
    );
    const violence = aCaseReported({
      region,
      riskFlags: { violenceRisk: true, extremeWords: false, groupPetition: false, repeatVisits: 0 },
    });
    await send('case', violence.caseId, violence);
    await send(
      'cameraAnalytics',
      cam(2),
      aCameraAnalytics({ cameraId: cam(2), kind: 'fire-smoke', confidence: 0.95, headCount: undefined }),
    );
    const crowd = await until(async () => (await alertOf(`crowd-at-square:${cam(0)}`))[0], 'the crowd alert');
    expect(crowd).toMatchObject({ colour: 'orange', state: 'raised', version: 1 });
    const red = await until(
      async () => (await alertOf(`case-violence-risk:${township}|${violence.caseId}`))[0],
      'the violence alert',
    );
    expect(red).toMatchObject({ colour: 'red', state: 'raised' });
    const fire = await until(async () => (await alertOf(`fire-smoke:${cam(2)}`))[0], 'the fire alert');
    violenceAlert = red.alert_id;
    fireAlert = fire.alert_id;
    const changes = await pool.query('SELECT change FROM alert_changes WHERE alert_id = ANY($1)', [
      [crowd.alert_id, red.alert_id, fire.alert_id],
    ]);
    expect(changes.rows.map((r: { change: string }) => r.change)).toEqual(['raised', 'raised', 'raised']);
  }, 180_000);

  it('an acknowledgement made by the API stops escalation; the unacknowledged red climbs', async () => {
    const at = new Date(t + MIN).toISOString();
    await pool.query(
      `UPDATE alerts SET state = 'acknowledged', version = 2, acknowledged_at = $2, updated_at = $2 WHERE alert_id = $1`,
      [violenceAlert, at],
    );
    const acked = (
      await pool.query<{ snapshot: AlertChanged['alert'] }>(
        'SELECT snapshot FROM alert_changes WHERE alert_id = $1',
        [violenceAlert],
      )
    ).rows[0]?.snapshot;
    if (acked === undefined) throw new Error('no snapshot');
    const alert = { ...acked, state: 'acknowledged' as const, version: 2, acknowledgedAt: at, updatedAt: at };
    const change: AlertChanged = {
      schema: 'alert.changed.v1',
      eventId: '11111111-1111-4111-8111-111111111111',
      occurredAt: at,
      seq: 999_999,
      change: 'acknowledged',
      alert,
      actor: { userId: 'u-1', role: 'duty-officer' },
    };
    await send('alertChanges', violenceAlert, change);
    await until(() => app.versionOf(violenceAlert) === 2, 'the acknowledgement to reach the engine');
    t += 11 * MIN;
    await app.tick();
    expect((await alertOf(`fire-smoke:${cam(2)}`))[0]).toMatchObject({
      alert_id: fireAlert,
      state: 'escalated',
      version: 2,
      escalation_level: 'township',
    });
    expect(
      (await pool.query('SELECT state, version FROM alerts WHERE alert_id = $1', [violenceAlert])).rows[0],
    ).toEqual({ state: 'acknowledged', version: 2 });
  }, 180_000);

  it('a township going dark raises one red outage that suppresses the per-camera alerts it explains', async () => {
    const before = app.stats.inputs;
    const dark = Array.from({ length: 28 }, (_, i) =>
      aCameraStatus({ cameraId: cam(i + 2), online: false, occurredAt: new Date(t).toISOString() }),
    );
    await producer.publish(
      topics.byKind.cameraStatus,
      dark.map((e) => ({ key: e.cameraId, value: JSON.stringify(e) })),
    );
    await until(() => app.stats.inputs >= before + 28, 'the status reports');
    t += 6 * MIN;
    await app.tick();
    expect((await alertOf(`township-cameras-offline:${township}`))[0]).toMatchObject({
      colour: 'red',
      state: 'raised',
    });
    await send('cameraStatus', cam(1), aCameraStatus({ cameraId: cam(1), online: false }));
    await until(() => app.stats.suppressed >= 1, 'the suppression of the school camera alert');
    expect(await alertOf(`key-site-camera-offline:${cam(1)}`)).toEqual([]);
  }, 180_000);

  it('after a restart the same incident is neither lost nor raised again', async () => {
    await app.stop();
    // Published while no warning process runs: must be judged after the restart, not lost.
    await send(
      'cameraAnalytics',
      cam(3),
      aCameraAnalytics({ cameraId: cam(3), kind: 'fire-smoke', confidence: 0.9, headCount: undefined }),
    );
    app = await startApp();
    expect(
      await until(async () => (await alertOf(`fire-smoke:${cam(3)}`))[0], 'the missed fire'),
    ).toMatchObject({ colour: 'red' });
    expect(app.versionOf(fireAlert)).toBe(2);
    await send(
      'cameraAnalytics',
      cam(0),
      aCameraAnalytics({ cameraId: cam(0), kind: 'crowd', headCount: 320 }),
    );
    await new Promise((r) => setTimeout(r, 3000));
    const crowd = await alertOf(`crowd-at-square:${cam(0)}`);
    expect(crowd).toHaveLength(1);
    const changes = await pool.query('SELECT count(*)::int AS n FROM alert_changes WHERE alert_id = $1', [
      crowd[0]?.alert_id,
    ]);
    expect(changes.rows[0]).toEqual({ n: 1 });
    const keys = await ourAlerts();
    const expected = [
      `case-violence-risk:${township}|`,
      `crowd-at-square:${cam(0)}`,
      `fire-smoke:${cam(2)}`,
      `fire-smoke:${cam(3)}`,
      `township-cameras-offline:${township}`,
    ];
    expect(keys).toHaveLength(expected.length);
    expected.forEach((prefix, i) => expect(keys[i]?.startsWith(prefix)).toBe(true));
  }, 180_000);
});
