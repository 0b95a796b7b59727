import request from 'supertest';
import {
  INPUT_TOPICS,
  type Alert,
  type AlertCaseResponse,
  type AlertDetail,
  type ApiErrorBody,
  type CaseDetail,
} from '@fengqiao/contracts';
import { type RunningProcess, testConfig, uniqueName } from '@fengqiao/testing';
import { withCasesTopic } from '../cases/case-topic';
import { eventually, startIngestProcess } from '../cases/cases-int-services';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { type ApiHarness, startApi } from '../testing/api-harness';

// Issue 20: the duty officer turns an alert into a case through the intake (routed, numbered, its
// events on Kafka and stored by the real ingest), prefilled from the alert and masked, linked both
// ways (alert detail → case id, case detail → alert), audited; once per alert.
const suffix = uniqueName('alert-case');
const caseTopic = `${INPUT_TOPICS.caseEvents.name}.${suffix}`;

let api: ApiHarness;
let ingest: RunningProcess;
const token: Record<string, string> = {};

const post = (path: string, who: string, body: object): request.Test =>
  request(api.url).post(`/api/${path}`).set('authorization', `Bearer ${token[who]}`).send(body);
const get = (path: string, who: string): request.Test =>
  request(api.url).get(`/api/${path}`).set('authorization', `Bearer ${token[who]}`);

const wagesAlert = (): Alert =>
  anAlert(
    {
      title: '欠薪群体性纠纷',
      region: { county: '511902', township: '511902001' },
      explanation: {
        summary: '1小时内同一地点欠薪来访 12 次，来电 13912345678',
        evidence: [],
        values: { category: 'labour-wages', visits: 12 },
        thresholds: { visits: 10 },
      },
    },
    'red',
  );

async function auditRows(alertId: string): Promise<{ action: string; detail: { caseId?: string } }[]> {
  const r = await api.pool.query<{ action: string; detail: { caseId?: string } }>(
    "SELECT action, detail FROM audit_log WHERE target_type = 'alert' AND target_id = $1 ORDER BY seq",
    [alertId],
  );
  return r.rows;
}

beforeAll(async () => {
  ingest = await startIngestProcess(testConfig(), suffix, { ...process.env });
  api = await startApi(withCasesTopic(caseTopic));
  for (const who of ['duty-officer', 'officer-bazhou', 'wall'] as const) {
    token[who] = (await api.login(who)).accessToken;
  }
}, 120_000);
afterAll(async () => {
  await api?.close();
  await ingest?.stop();
});

describe('an alert turned into a case (real PostgreSQL, Kafka and ingest)', () => {
  it('makes the case through the intake, prefilled and masked, linked both ways and audited', async () => {
    const alert = wagesAlert();
    await storeRaisedAlert(api.pool, alert);
    const made = (await post(`alerts/${alert.alertId}/case`, 'duty-officer', {}).expect(201))
      .body as AlertCaseResponse;
    expect(made.caseId).toMatch(/^C511902-\d{8}-\d{5}$/);
    expect(made.category).toBe('labour-wages');
    expect(made.summary).toContain('【预警转案件】欠薪群体性纠纷');
    expect(made.summary).not.toContain('13912345678');
    const detail = (await get(`alerts/${alert.alertId}`, 'duty-officer').expect(200)).body as AlertDetail;
    expect(detail.caseId).toBe(made.caseId);
    expect(await auditRows(alert.alertId)).toEqual([
      { action: 'alert.case-created', detail: expect.objectContaining({ caseId: made.caseId }) as object },
    ]);
    // The ingest stores the intake's events; the case then names the alert it came from.
    const kase = await eventually(async () => {
      const res = await get(`cases/${made.caseId}`, 'duty-officer');
      return res.status === 200 ? (res.body as CaseDetail) : undefined;
    }, 'the case stored by the ingest');
    expect(kase.fromAlerts).toEqual([alert.alertId]);
    expect(kase.case).toMatchObject({ category: 'labour-wages', state: 'triaged' });
    expect(kase.parties).toEqual([]);
  }, 60_000);

  it('takes the officer’s own category and summary, and makes one case per alert (409 the second time)', async () => {
    const alert = wagesAlert();
    await storeRaisedAlert(api.pool, alert);
    const body = { category: 'neighbourhood', summary: '邻里纠纷，需社区调解' };
    const made = (await post(`alerts/${alert.alertId}/case`, 'duty-officer', body).expect(201))
      .body as AlertCaseResponse;
    expect(made).toMatchObject(body);
    const again = await post(`alerts/${alert.alertId}/case`, 'duty-officer', {}).expect(409);
    expect(again.body as ApiErrorBody).toMatchObject({ code: 'ALERT_CASE_EXISTS' });
    expect((again.body as ApiErrorBody).message).toContain(made.caseId);
    expect((await auditRows(alert.alertId)).map((r) => r.action)).toEqual(['alert.case-created']);
  });

  it('refuses an alert outside the officer’s regions (404), a wall (403) and a bad category (400)', async () => {
    const elsewhere = anAlert({ region: { county: '511923', township: '511923001' } }, 'red');
    await storeRaisedAlert(api.pool, elsewhere);
    const hidden = await post(`alerts/${elsewhere.alertId}/case`, 'officer-bazhou', {}).expect(404);
    expect((hidden.body as ApiErrorBody).code).toBe('NOT_FOUND');
    const wall = await post(`alerts/${elsewhere.alertId}/case`, 'wall', {}).expect(403);
    expect((wall.body as ApiErrorBody).code).toBe('FORBIDDEN');
    const bad = await post(`alerts/${elsewhere.alertId}/case`, 'duty-officer', { category: 'x' }).expect(400);
    expect((bad.body as ApiErrorBody).code).toBe('VALIDATION_FAILED');
    const links = await api.pool.query('SELECT 1 FROM alert_case_links WHERE alert_id = $1', [
      elsewhere.alertId,
    ]);
    expect(links.rows).toEqual([]);
    expect(await auditRows(elsewhere.alertId)).toEqual([]);
  });
});
