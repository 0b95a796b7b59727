import request from 'supertest';
import { ROUTES } from '../routes/route-table';
import { type ApiHarness, startApi } from '../testing/api-harness';

interface Doc {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
}

describe('the served OpenAPI document declares what the handlers really answer', () => {
  let api: ApiHarness;
  let doc: Doc;

  beforeAll(async () => {
    api = await startApi();
    doc = (await request(api.url).get('/api/openapi.json').expect(200)).body as Doc;
  });
  afterAll(async () => {
    await api.close();
  });

  const successOf = (id: string): string[] =>
    Object.values(doc.paths)
      .flatMap((methods) => Object.values(methods))
      .filter((o) => o.operationId === id)
      .flatMap((o) => Object.keys(o.responses).filter((k) => k.startsWith('2')));

  it('has exactly one success status for every route of the table', () => {
    for (const id of Object.keys(ROUTES))
      expect({ id, statuses: successOf(id).length }).toEqual({ id, statuses: 1 });
  });

  it.each([
    ['alerts.acknowledge', '200'],
    ['auth.logout', '204'],
    ['video.play', '201'],
    ['alerts.list', '200'],
  ])('%s → %s', (id, status) => {
    expect(successOf(id)).toEqual([status]);
  });

  it('a logout answers the 204 the document declares', async () => {
    const pair = await api.login('analyst');
    await request(api.url).post('/api/auth/logout').send({ refreshToken: pair.refreshToken }).expect(204);
  });
});
