import request from 'supertest';
import { type ApiErrorBody, type RegionChildren } from '@fengqiao/contracts';
import { type ApiHarness, startApi } from '../testing/api-harness';

/** Townships with sequence numbers no generated city uses (987), so other specs' rows never interfere. */
const BAZHOU_T = '511902987';
const ENYANG_T = '511903987';
const ROWS: [string, string, string, string, number, number][] = [
  ['511902', 'county', '511900', '巴州区', 106.754, 31.858],
  ['511903', 'county', '511900', '恩阳区', 106.487, 31.816],
  [BAZHOU_T, 'township', '511902', '测试街道', 106.76, 31.86],
  [ENYANG_T, 'township', '511903', '测试镇', 106.49, 31.82],
  [`${BAZHOU_T}002`, 'village', BAZHOU_T, '测试二社区', 106.77, 31.87],
  [`${BAZHOU_T}001`, 'village', BAZHOU_T, '测试一社区', 106.761, 31.861],
  [`${BAZHOU_T}001001`, 'grid', `${BAZHOU_T}001`, '第1网格', 106.7611, 31.8611],
];

describe('GET /api/regions: the address hierarchy by code (real PostgreSQL)', () => {
  let api: ApiHarness;
  const tokens: Record<string, string> = {};
  const get = (role: string, parent?: string): request.Test =>
    request(api.url)
      .get(`/api/regions${parent === undefined ? '' : `?parent=${parent}`}`)
      .set('authorization', `Bearer ${tokens[role] ?? ''}`);

  beforeAll(async () => {
    api = await startApi();
    for (const [code, level, parent, name, lon, lat] of ROWS) {
      await api.pool.query(
        `INSERT INTO regions (code, level, parent, name, lon, lat, population_weight)
         VALUES ($1, $2, $3, $4, $5, $6, 100) ON CONFLICT (code) DO NOTHING`,
        [code, level, parent, name, lon, lat],
      );
    }
    for (const role of ['analyst', 'intake-clerk', 'wall', 'officer-bazhou'] as const)
      tokens[role] = (await api.login(role)).accessToken;
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists the counties without a parent, for every signed-in role', async () => {
    for (const role of ['analyst', 'intake-clerk', 'wall']) {
      const body = (await get(role).expect(200)).body as RegionChildren;
      expect(body.parent).toBeNull();
      expect(body.regions.map((r) => r.code)).toEqual(expect.arrayContaining(['511902', '511903']));
      expect(body.regions.every((r) => r.level === 'county')).toBe(true);
    }
  });

  it('walks county → township → village → grid cell in code order, with names and points', async () => {
    const townships = (await get('intake-clerk', '511902').expect(200)).body as RegionChildren;
    expect(townships.regions.find((r) => r.code === BAZHOU_T)).toEqual({
      code: BAZHOU_T,
      name: '测试街道',
      level: 'township',
      point: { lon: 106.76, lat: 31.86 },
    });
    const villages = (await get('intake-clerk', BAZHOU_T).expect(200)).body as RegionChildren;
    expect(villages).toEqual({
      parent: BAZHOU_T,
      regions: [
        {
          code: `${BAZHOU_T}001`,
          name: '测试一社区',
          level: 'village',
          point: { lon: 106.761, lat: 31.861 },
        },
        { code: `${BAZHOU_T}002`, name: '测试二社区', level: 'village', point: { lon: 106.77, lat: 31.87 } },
      ],
    });
    const grids = (await get('intake-clerk', `${BAZHOU_T}001`).expect(200)).body as RegionChildren;
    expect(grids.regions.map((r) => [r.code, r.level])).toEqual([[`${BAZHOU_T}001001`, 'grid']]);
  });

  it('shows a scoped officer only their county and refuses another county’s children', async () => {
    const counties = (await get('officer-bazhou').expect(200)).body as RegionChildren;
    expect(counties.regions.map((r) => r.code)).toEqual(['511902']);
    const own = (await get('officer-bazhou', '511902').expect(200)).body as RegionChildren;
    expect(own.regions.map((r) => r.code)).toContain(BAZHOU_T);
    const other = await get('officer-bazhou', '511903').expect(403);
    expect((other.body as ApiErrorBody).code).toBe('OUT_OF_SCOPE');
    await get('officer-bazhou', ENYANG_T).expect(403);
  });

  it('answers 404 for an unknown region and 400 for a grid cell or malformed parent', async () => {
    expect(((await get('analyst', '511902986').expect(404)).body as ApiErrorBody).code).toBe('NOT_FOUND');
    await get('analyst', `${BAZHOU_T}001001`).expect(400);
    await get('analyst', 'abc').expect(400);
  });
});
