import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { USER_ROLES, type ApiErrorBody, type UserRole } from '@fengqiao/contracts';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { ROUTES, type RouteId, type RouteSpec } from './route-table';

/** Every route × every role, each cell allowed or denied as the route table says. */
const entries = Object.entries(ROUTES) as [RouteId, RouteSpec][];
const guarded = entries.filter(([, spec]) => spec.access !== 'public');
const cells = guarded.flatMap(([id, spec]) =>
  USER_ROLES.map((role) => {
    const allowed = spec.access !== 'public' && spec.access.includes(role);
    return { id, role, allowed, title: `${id} × ${role} → ${allowed ? 'allowed' : 'denied'}` };
  }),
);

function call(api: ApiHarness, spec: RouteSpec, token?: string): request.Test {
  const path = `/api/${spec.path.replace(':alertId', randomUUID())}`;
  const req = spec.method === 'GET' ? request(api.url).get(path) : request(api.url).post(path).send({});
  return token === undefined ? req : req.set('authorization', `Bearer ${token}`);
}

describe('the authorization matrix, generated from the route table', () => {
  let api: ApiHarness;
  const tokens = new Map<UserRole, string>();

  beforeAll(async () => {
    api = await startApi();
    for (const role of USER_ROLES) tokens.set(role, (await api.login(role)).accessToken);
  });
  afterAll(async () => {
    await api.close();
  });

  it('covers every route and every role', () => {
    expect(cells).toHaveLength(guarded.length * USER_ROLES.length);
    expect(cells.some((c) => c.allowed)).toBe(true);
    expect(cells.some((c) => !c.allowed)).toBe(true);
  });

  it.each(entries.map(([id, spec]) => [id, spec] as const))('%s is mapped to a handler', (_id, spec) => {
    const fastify = api.app.getHttpAdapter().getInstance();
    expect(fastify.hasRoute({ method: spec.method, url: `/api/${spec.path}` })).toBe(true);
  });

  it.each(cells)('$title', async ({ id, role, allowed }) => {
    const res = await call(api, ROUTES[id], tokens.get(role));
    if (allowed) {
      // Past the guard: the handler answers (200, or 400/404 for the dummy input), never 401/403.
      expect([401, 403]).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status).toBe(403);
      expect((res.body as ApiErrorBody).code).toBe('FORBIDDEN');
    }
  });

  it.each(guarded.map(([id]) => id))('%s without a token → 401', async (id) => {
    const res = await call(api, ROUTES[id]);
    expect(res.status).toBe(401);
    expect((res.body as ApiErrorBody).code).toBe('UNAUTHENTICATED');
  });

  it.each(entries.filter(([, s]) => s.access === 'public').map(([id]) => id))(
    '%s is public and answers without a token',
    async (id) => {
      const res = await call(api, ROUTES[id]);
      expect([401, 403]).not.toContain(res.status);
    },
  );
});
