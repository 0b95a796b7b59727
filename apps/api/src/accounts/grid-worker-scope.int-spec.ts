import { randomInt } from 'node:crypto';
import request from 'supertest';
import { type ApiErrorBody, type CaseListResponse } from '@fengqiao/contracts';
import { caseEventRow, EventStoreRepository } from '@fengqiao/db';
import { aCaseId, aCaseReported, anInstant } from '@fengqiao/testing';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { bearer } from './account-test-kit';

// The grid worker (issue 16) sees and updates only its own grid cells' cases: the demo grid worker
// holds 巴州区 cell 511902001001001; a case in the next cell of the same village is invisible to it
// (404, like a case that does not exist), and every other part of the system is closed to it.
const OWN = { county: '511902', township: '511902001', village: '511902001001', grid: '511902001001001' };
const NEXT = { ...OWN, grid: '511902001001002' };

describe('the grid worker, scoped to its grid cells', () => {
  let api: ApiHarness;
  let grid = '';
  const own = aCaseId(80_000 + randomInt(9_999), OWN.county);
  const next = aCaseId(90_000 + randomInt(9_999), OWN.county);

  beforeAll(async () => {
    api = await startApi({ writeLimitPerMinute: 10_000 });
    grid = (await api.login('grid-worker')).accessToken;
    await new EventStoreRepository().insertCaseEvents(
      api.pool,
      [
        aCaseReported({ caseId: own, region: OWN, occurredAt: anInstant(-3_600_000) }),
        aCaseReported({ caseId: next, region: NEXT, occurredAt: anInstant(-3_600_000) }),
      ].map(caseEventRow),
    );
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists only the cases of its own cells', async () => {
    const res = await request(api.url)
      .get('/api/cases?limit=200')
      .set(...bearer(grid))
      .expect(200);
    const ids = (res.body as CaseListResponse).items.map((c) => c.caseId);
    expect(ids).toContain(own);
    expect(ids).not.toContain(next);
    const admin = (await api.login('admin')).accessToken;
    const all = await request(api.url)
      .get(`/api/cases?limit=200&text=${next}`)
      .set(...bearer(admin))
      .expect(200);
    expect((all.body as CaseListResponse).items.map((c) => c.caseId)).toContain(next);
  });

  it('reads and moves its own case; another cell’s case does not exist for it', async () => {
    await request(api.url)
      .get(`/api/cases/${own}`)
      .set(...bearer(grid))
      .expect(200);
    await request(api.url)
      .get(`/api/cases/${next}`)
      .set(...bearer(grid))
      .expect(404);
    const moved = await request(api.url)
      .post(`/api/cases/${own}/triage`)
      .set(...bearer(grid))
      .send({});
    expect([401, 403, 404]).not.toContain(moved.status);
    const refused = await request(api.url)
      .post(`/api/cases/${next}/triage`)
      .set(...bearer(grid))
      .send({});
    expect(refused.status).toBe(404);
  });

  it.each([
    ['GET', '/api/alerts'],
    ['GET', '/api/hotspots'],
    ['GET', '/api/users'],
    ['GET', '/api/audit'],
  ])('%s %s → 403 FORBIDDEN', async (method, path) => {
    const res = await (method === 'GET' ? request(api.url).get(path) : request(api.url).post(path))
      .set(...bearer(grid))
      .expect(403);
    expect((res.body as ApiErrorBody).code).toBe('FORBIDDEN');
  });
});
