import request from 'supertest';
import { type ApiErrorBody, type ReportListResponse, type ReportMetadata } from '@fengqiao/contracts';
import { aPrivateTownship, insertCaseEvent, type Place, registerPlace } from '@fengqiao/reports-app';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { generated, startWorker, type TestWorker } from './testing/report-worker';

/** One township in 巴州区 (inside officer-bazhou's scope) and one in 通江县 (outside it). */
const bazhou = aPrivateTownship('511902');
const tongjiang = aPrivateTownship('511921');
const PARTY = { name: '罗明亮', phone: '13812345678', idNumber: '51190219800101123X' };

async function seedCases(api: ApiHarness, p: Place, n: number): Promise<void> {
  await registerPlace(api.pool, p);
  for (let i = 0; i < n; i++) {
    const caseId = `C${p.county}-20261110-${p.township.slice(6)}${String(i).padStart(2, '0')}`;
    const at = `2026-11-1${i}T09:00:00+08:00`;
    const parties = i === 0 ? [PARTY] : [];
    await insertCaseEvent(api.pool, p, {
      caseId,
      type: 'reported',
      at,
      category: 'traffic',
      payload: { parties },
    });
    await insertCaseEvent(api.pool, p, { caseId, type: 'triaged', at, category: 'traffic', tier: 'general' });
  }
}

describe('reports API (real PostgreSQL, the apps/reports worker)', () => {
  let api: ApiHarness;
  let worker: TestWorker;
  const token = new Map<string, string>();
  const as = (role: string) => ({ authorization: `Bearer ${token.get(role) ?? ''}` });
  const ask = (role: string, region: string, date = '2026-11-12') =>
    request(api.url).post('/api/reports').set(as(role)).send({ level: 'township', region, date });
  const make = (role: string, region: string, date = '2026-11-12') =>
    generated(api.url, as(role), { level: 'township', region, date });

  beforeAll(async () => {
    api = await startApi();
    worker = startWorker(api.pool);
    worker.worker.start();
    for (const role of ['analyst', 'officer-bazhou', 'wall', 'intake-clerk'] as const) {
      token.set(role, (await api.login(role)).accessToken);
    }
    await seedCases(api, bazhou, 3);
    await seedCases(api, tongjiang, 1);
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  let bazhouReport: ReportMetadata;
  let tongjiangReport: ReportMetadata;

  it('an analyst requests a township week on demand; figures in the metadata', async () => {
    bazhouReport = await make('analyst', bazhou.township);
    expect(bazhouReport).toMatchObject({
      level: 'township',
      region: bazhou.township,
      regionName: '测试镇',
      trigger: 'on-demand',
      period: { kind: 'week', start: '2026-11-09', end: '2026-11-16', label: '2026-W46' },
      summary: { casesIn: 3, casesClosed: 0 },
    });
    tongjiangReport = await make('analyst', tongjiang.township);
  });

  it('a scoped officer may request their own region only', async () => {
    await make('officer-bazhou', bazhou.township);
    const refused = await ask('officer-bazhou', tongjiang.township).expect(403);
    expect((refused.body as ApiErrorBody).code).toBe('OUT_OF_SCOPE');
  });

  it('lists by role and region: the officer sees 巴州区 only, the analyst both, the wall nothing', async () => {
    const list = async (role: string, q: string): Promise<string[]> =>
      (
        (await request(api.url).get(`/api/reports?${q}`).set(as(role)).expect(200)).body as ReportListResponse
      ).items.map((r) => r.region);
    expect(await list('analyst', `region=511900&within=true&periodKind=week`)).toEqual(
      expect.arrayContaining([bazhou.township, tongjiang.township]),
    );
    const officer = await list('officer-bazhou', 'level=township&from=2026-11-01');
    expect(officer).toContain(bazhou.township);
    expect(officer).not.toContain(tongjiang.township);
    expect(await list('officer-bazhou', `region=511900&within=true`)).not.toContain(tongjiang.township);
    await request(api.url).get('/api/reports').set(as('wall')).expect(403);
    await request(api.url).get('/api/reports').set(as('intake-clerk')).expect(403);
  });

  it('pages with a keyset cursor: every report once, in the order of the whole list', async () => {
    // Two more periods of the township, so its three or more reports need two pages of two.
    await make('analyst', bazhou.township, '2026-11-03');
    await make('analyst', bazhou.township, '2026-11-18');
    const q = `region=${bazhou.township}&within=true`;
    const get = async (extra: string): Promise<ReportListResponse> =>
      (await request(api.url).get(`/api/reports?${q}${extra}`).set(as('analyst')).expect(200))
        .body as ReportListResponse;
    const whole = await get('&limit=100');
    expect(whole.items.length).toBeGreaterThanOrEqual(3);
    expect(whole.nextCursor).toBeNull();
    const paged: string[] = [];
    let page = await get('&limit=2');
    for (let pages = 1; ; pages++) {
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((r) => r.id));
      if (page.nextCursor === null) {
        expect(pages).toBeGreaterThan(1);
        break;
      }
      page = await get(`&limit=2&cursor=${page.nextCursor}`);
    }
    expect(paged).toEqual(whole.items.map((r) => r.id));
    await request(api.url).get(`/api/reports?${q}&cursor=bm90LWEtY3Vyc29y`).set(as('analyst')).expect(400);
  });

  it('downloads the HTML (masked) and the PDF; out of scope is refused', async () => {
    // Two weeks on, the general disputes of 10–12 November are past their five working days.
    const later = await make('officer-bazhou', bazhou.township, '2026-11-24');
    expect(later.summary.overdue).toBe(3);
    const html = await request(api.url)
      .get(`/api/reports/${later.id}/html`)
      .set(as('officer-bazhou'))
      .expect(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain('测试镇矛盾纠纷分析周报');
    expect(html.text).toContain('罗某 138****5678');
    for (const secret of [PARTY.name, PARTY.phone, PARTY.idNumber]) expect(html.text).not.toContain(secret);
    const meta = (
      await request(api.url).get(`/api/reports/${bazhouReport.id}`).set(as('analyst')).expect(200)
    ).body as ReportMetadata;
    if (meta.pdfBytes !== null) {
      const pdf = await request(api.url)
        .get(`/api/reports/${bazhouReport.id}/pdf`)
        .set(as('analyst'))
        .buffer(true)
        .expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(Number(pdf.headers['content-length'])).toBe(meta.pdfBytes);
    } else {
      await request(api.url).get(`/api/reports/${bazhouReport.id}/pdf`).set(as('analyst')).expect(404);
    }
    await request(api.url)
      .get(`/api/reports/${tongjiangReport.id}/html`)
      .set(as('officer-bazhou'))
      .expect(403);
  });

  it('refuses an unknown region, a period not yet begun and a region that does not fit the level', async () => {
    // Refused at the request, before anything is queued.
    expect((await ask('analyst', '511902999', '2026-11-12').expect(404)).body).toMatchObject({
      code: 'NOT_FOUND',
    });
    await ask('analyst', bazhou.township, '2099-01-01').expect(400);
    await request(api.url)
      .post('/api/reports')
      .set(as('analyst'))
      .send({ level: 'county', region: bazhou.township, date: '2026-11-12' })
      .expect(400);
  });
});
