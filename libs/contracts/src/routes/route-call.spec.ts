import { USER_ROLES } from '../api/auth';
import { type RouteInput, type RouteResponse, routeAnswersBlob, routeUrl } from './route-call';
import { ROUTE_IDS, ROUTES, routeAllows } from './route-table';

describe('the route table in contracts', () => {
  it('has one method and path per route (no two routes share both)', () => {
    const keys = ROUTE_IDS.map((id) => `${ROUTES[id].method} ${ROUTES[id].path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['alerts.acknowledge', { alertId: 'a b' }, {}, '/api/alerts/a%20b/acknowledge'],
    [
      'alerts.list',
      {},
      { state: 'raised,acknowledged', limit: 200, region: undefined },
      '/api/alerts?state=raised%2Cacknowledged&limit=200',
    ],
    ['routing.activate', { version: 3 }, {}, '/api/routing-rules/versions/3/activate'],
    ['health.check', {}, {}, '/api/health'],
  ] as const)('%s → %s', (id, params, query, url) => {
    expect(routeUrl(id, params, query)).toBe(url);
  });

  it('refuses a call without a path param rather than calling …/undefined', () => {
    expect(() => routeUrl('cases.detail', {})).toThrow('route cases.detail needs the path param caseId');
  });

  it.each([
    ['trends.csv', true],
    ['reports.pdf', true],
    ['reports.html', true],
    ['alerts.list', false],
    ['auth.logout', false],
  ] as const)('%s answers a document: %s', (id, blob) => {
    expect(routeAnswersBlob(id)).toBe(blob);
  });

  it('allows every role a public route and exactly the listed roles elsewhere', () => {
    expect(USER_ROLES.filter((r) => routeAllows('health.check', r))).toEqual(USER_ROLES);
    expect(USER_ROLES.filter((r) => routeAllows('routing.propose', r))).toEqual(['admin']);
    expect(USER_ROLES.filter((r) => routeAllows('cases.intake', r))).toEqual(['intake-clerk', 'admin']);
  });

  it('types each call from the schemas (a wrong input does not compile)', () => {
    const ack: RouteInput<'alerts.acknowledge'> = { params: { alertId: 'x' }, body: { version: 1 } };
    // @ts-expect-error the acknowledgement needs the alert's version
    const bad: RouteInput<'alerts.acknowledge'> = { params: { alertId: 'x' }, body: {} };
    // @ts-expect-error the list takes no path params
    const extra: RouteInput<'alerts.list'> = { params: { alertId: 'x' } };
    const answer: RouteResponse<'rules.activate'> | undefined = undefined;
    expect([ack.body.version, bad.params.alertId, extra.params, answer]).toEqual([
      1,
      'x',
      { alertId: 'x' },
      undefined,
    ]);
  });
});
