import request from 'supertest';
import {
  MAX_PENDING_REPORT_REQUESTS_PER_USER,
  type ApiErrorBody,
  type ReportRequestListResponse,
  type ReportRequestStatus,
} from '@fengqiao/contracts';
import { aPrivateTownship, insertCaseEvent, registerPlace } from '@fengqiao/reports-app';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { settled, startWorker, type TestWorker } from './testing/report-worker';

// Issue 8 / decision 0006: on demand is a queued request that apps/reports generates, not work
// done inside the HTTP request. The worker here is apps/reports' own, on the run's database.
const place = aPrivateTownship('511902');
const tongjiang = aPrivateTownship('511921');

describe('on-demand report requests (real PostgreSQL, the apps/reports worker)', () => {
  let api: ApiHarness;
  let worker: TestWorker;
  const token = new Map<string, string>();
  const as = (role: string) => ({ authorization: `Bearer ${token.get(role) ?? ''}` });
  const post = (role: string, body: object) => request(api.url).post('/api/reports').set(as(role)).send(body);
  const day = (date: string, level = 'grid', region = place.grid) => ({ level, region, date });
  const runQueue = async (): Promise<void> => {
    while (await worker.worker.runOne());
  };

  beforeAll(async () => {
    api = await startApi();
    worker = startWorker(api.pool);
    for (const role of ['analyst', 'officer-bazhou', 'admin'] as const) {
      token.set(role, (await api.login(role)).accessToken);
    }
    await registerPlace(api.pool, place);
    await registerPlace(api.pool, tongjiang);
    await insertCaseEvent(api.pool, place, {
      caseId: `C${place.county}-20261116-${place.township.slice(6)}01`,
      type: 'reported',
      at: '2026-11-16T09:00:00+08:00',
      category: 'traffic',
    });
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  it('queues (202), reuses an identical pending request, then the worker makes it ready for download', async () => {
    const first = (await post('analyst', day('2026-11-16')).expect(202)).body as ReportRequestStatus;
    expect(first).toMatchObject({ state: 'queued', attempts: 0, reportId: null, reused: false });
    expect(first.period).toMatchObject({ kind: 'day', start: '2026-11-16', label: '2026-11-16' });
    // Another user asking for the same report while it is pending gets the same request back.
    const again = (await post('officer-bazhou', day('2026-11-16')).expect(202)).body as ReportRequestStatus;
    expect(again).toMatchObject({ id: first.id, reused: true });

    worker.worker.start();
    const done = await settled(api.url, as('analyst'), first.id);
    expect(done).toMatchObject({ state: 'ready', attempts: 1, failure: null });
    expect(Date.parse(done.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(done.startedAt ?? ''));
    const html = await request(api.url)
      .get(`/api/reports/${done.reportId ?? ''}/html`)
      .set(as('analyst'));
    expect(html.status).toBe(200);
    expect(html.text).toContain('测试网格');
    const mine = (await request(api.url).get('/api/reports/requests').set(as('analyst')).expect(200))
      .body as ReportRequestListResponse;
    expect(mine.items[0]).toMatchObject({ id: first.id, state: 'ready' });
    await worker.worker.stop();
  });

  it('a region removed from the registry after queuing fails with REGION_UNKNOWN', async () => {
    const queued = (await post('analyst', day('2026-11-17')).expect(202)).body as ReportRequestStatus;
    await api.pool.query(`DELETE FROM regions WHERE code = $1`, [place.grid]);
    await runQueue();
    const failed = (
      await request(api.url).get(`/api/reports/requests/${queued.id}`).set(as('analyst')).expect(200)
    ).body as ReportRequestStatus;
    expect(failed).toMatchObject({ state: 'failed', reportId: null, failure: { code: 'REGION_UNKNOWN' } });
    await registerPlace(api.pool, place);
  });

  it('limits pending requests per user (429) and hides other regions’ requests from a scoped officer', async () => {
    const ids: string[] = [];
    for (let i = 0; i < MAX_PENDING_REPORT_REQUESTS_PER_USER; i++) {
      const res = await post('officer-bazhou', day(`2026-11-0${i + 1}`)).expect(202);
      ids.push((res.body as ReportRequestStatus).id);
    }
    const refused = await post('officer-bazhou', day('2026-11-09')).expect(429);
    expect((refused.body as ApiErrorBody).code).toBe('RATE_LIMITED');
    // The admin's own limit is untouched; a Tongjiang request is invisible to the Bazhou officer.
    const other = (await post('admin', day('2026-11-02', 'township', tongjiang.township)).expect(202))
      .body as ReportRequestStatus;
    await request(api.url).get(`/api/reports/requests/${other.id}`).set(as('officer-bazhou')).expect(403);
    await runQueue();
    for (const id of ids) expect((await settled(api.url, as('officer-bazhou'), id)).state).toBe('ready');
    await post('officer-bazhou', day('2026-11-09')).expect(202);
    await runQueue();
  });

  it('a request left running by a dead worker is retried once after the timeout, then fails TIMED_OUT', async () => {
    const stale = async (attempts: number): Promise<string> => {
      const q = (await post('analyst', day(`2026-11-1${attempts}`)).expect(202)).body as ReportRequestStatus;
      // As a worker that claimed it and died 10 minutes ago would leave it.
      await api.pool.query(
        `UPDATE report_requests SET state = 'running', attempts = $2, started_at = now() - interval '10 minutes'
         WHERE request_id = $1`,
        [q.id, attempts],
      );
      return q.id;
    };
    const once = await stale(1);
    const twice = await stale(2);
    await runQueue();
    const get = async (id: string) =>
      (await request(api.url).get(`/api/reports/requests/${id}`).set(as('analyst')).expect(200))
        .body as ReportRequestStatus;
    expect(await get(once)).toMatchObject({ state: 'ready', attempts: 2 });
    expect(await get(twice)).toMatchObject({ state: 'failed', attempts: 2, failure: { code: 'TIMED_OUT' } });
  });
});
