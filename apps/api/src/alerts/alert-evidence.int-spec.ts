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

const PARTY = { name: '罗明证据', phone: '13912345678' };

/** A case event as the ingest stores it: the payload holds the summary and the parties. */
async function caseEvent(caseId: string, type: string, at: Date, payload: object): Promise<string> {
  const id = randomUUID();
  await api.pool.query(
    `INSERT INTO case_events (event_id, occurred_at, case_id, type, channel, county, township, category, tier, payload)
     VALUES ($1, $2, $3, $4, 'window', '511902', '511902001', $5, 'general', $6)`,
    [
      id,
      at,
      caseId,
      type,
      type === 'reported' ? 'labour-wages' : null,
      { schema: 'case.event.v1', eventId: id, caseId, type, ...payload },
    ],
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

  it('names the case events among the evidence by case, kind, time and place, and nothing personal', async () => {
    const now = Date.now();
    const caseId = `C511902-20261207-${String(Math.floor(Math.random() * 90_000) + 10_000)}`;
    const reportedAt = new Date(now - 3 * 86_400_000);
    const reported = await caseEvent(caseId, 'reported', reportedAt, {
      category: 'labour-wages',
      summary: `${PARTY.name}讨要工资，电话${PARTY.phone}`,
      partiesCount: 1,
      riskFlags: { violenceRisk: false, extremeWords: false, groupPetition: true, repeatVisits: 0 },
      parties: [PARTY],
    });
    const assigned = await caseEvent(caseId, 'assigned', new Date(now - 3_600_000), {
      department: '劳动监察大队',
      assignee: '王调解员',
    });
    const alert = anAlert(
      { explanation: { summary: '欠薪聚集', evidence: [reported, assigned], values: {}, thresholds: {} } },
      'red',
    );
    await storeRaisedAlert(api.pool, alert);
    const res = await request(api.url)
      .get(`/api/alerts/${alert.alertId}`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    const detail = res.body as AlertDetail;
    expect(detail.evidenceCaseEvents).toEqual([
      {
        eventId: assigned,
        occurredAt: new Date(now - 3_600_000).toISOString(),
        caseId,
        type: 'assigned',
        county: '511902',
        township: '511902001',
      },
      {
        eventId: reported,
        occurredAt: reportedAt.toISOString(),
        caseId,
        type: 'reported',
        county: '511902',
        township: '511902001',
        category: 'labour-wages',
      },
    ]);
    expect(detail).not.toHaveProperty('evidenceEvents');
    const text = JSON.stringify(res.body);
    for (const personal of [PARTY.name, PARTY.phone, '讨要工资', '王调解员', '劳动监察大队'])
      expect(text).not.toContain(personal);
  });

  it('leaves the fields out when no evidence is an analytics or case event', async () => {
    const alert = anAlert({}, 'orange');
    await storeRaisedAlert(api.pool, alert);
    const res = await request(api.url)
      .get(`/api/alerts/${alert.alertId}`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(res.body as AlertDetail).not.toHaveProperty('evidenceEvents');
    expect(res.body as AlertDetail).not.toHaveProperty('evidenceCaseEvents');
  });
});
