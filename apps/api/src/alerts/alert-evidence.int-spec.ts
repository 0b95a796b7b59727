import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type AlertDetail } from '@fengqiao/contracts';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { type ApiHarness, startApi } from '../testing/api-harness';

// Issue 20: the duty console shows an alert's evidence as things a person reads. The detail carries
// the camera analytics events among the evidence (kind, confidence, head count, the camera's name and
// the snapshot reference), read from the real PostgreSQL; ids that are no analytics event are left out.
let api: ApiHarness;
let token: string;
const CAMERA = `51190201132001${String(Math.floor(Math.random() * 900_000) + 100_000)}`;

beforeAll(async () => {
  api = await startApi();
  token = (await api.login('duty-officer')).accessToken;
  await api.pool.query(
    `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
     VALUES ($1, '证据测试广场1号机', 'square', '511902', '511902001', 106.75, 31.86, 'public-security', $1, now())
     ON CONFLICT DO NOTHING`,
    [CAMERA],
  );
}, 60_000);
afterAll(async () => {
  await api?.close();
});

async function analyticsEvent(at: Date, snapshotRef: string | null): Promise<string> {
  const id = randomUUID();
  await api.pool.query(
    `INSERT INTO camera_analytics_events (event_id, occurred_at, camera_id, kind, confidence, head_count, snapshot_ref)
     VALUES ($1, $2, $3, 'crowd', 0.91, 320, $4)`,
    [id, at, CAMERA, snapshotRef],
  );
  return id;
}

describe('an alert detail with its evidence events (real PostgreSQL)', () => {
  it('names the camera analytics events among the evidence, newest first, with their facts', async () => {
    const now = Date.now();
    const older = await analyticsEvent(new Date(now - 120_000), null);
    const newer = await analyticsEvent(new Date(now - 60_000), `snapshots/${CAMERA}/a.jpg`);
    const notAnEvent = randomUUID();
    const alert = anAlert(
      {
        explanation: {
          summary: '人群聚集',
          evidence: [older, newer, notAnEvent],
          values: {},
          thresholds: {},
        },
      },
      'red',
    );
    await storeRaisedAlert(api.pool, alert);
    const res = await request(api.url)
      .get(`/api/alerts/${alert.alertId}`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    const detail = res.body as AlertDetail;
    expect(detail.evidenceEvents).toEqual([
      {
        eventId: newer,
        occurredAt: new Date(now - 60_000).toISOString(),
        cameraId: CAMERA,
        cameraName: '证据测试广场1号机',
        kind: 'crowd',
        confidence: 0.91,
        headCount: 320,
        snapshotRef: `snapshots/${CAMERA}/a.jpg`,
      },
      expect.objectContaining({ eventId: older, cameraId: CAMERA }) as object,
    ]);
    expect(detail.evidenceEvents?.[1]).not.toHaveProperty('snapshotRef');
  });

  it('leaves the field out when no evidence is an analytics event', async () => {
    const alert = anAlert({}, 'orange');
    await storeRaisedAlert(api.pool, alert);
    const res = await request(api.url)
      .get(`/api/alerts/${alert.alertId}`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(res.body as AlertDetail).not.toHaveProperty('evidenceEvents');
  });
});
