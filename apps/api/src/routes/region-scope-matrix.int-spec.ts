import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { type ApiErrorBody, type UserRole } from '@fengqiao/contracts';
import { addRollupCounts } from '@fengqiao/testing';
import { UsersRepository } from '@fengqiao/db';
import { hashPassword } from '../auth/password-hasher';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { ROUTES, type RouteId, type RouteSpec } from './route-table';

// The authorization matrix's second dimension (issue 17 #9): district A (巴州区 511902) against
// district B (平昌县 511923). Every guarded route is classified below — the `satisfies` makes a new
// route without a classification a type error, and one whose route-table entry declares a
// `regionScope` must be probed as it declares — and each regional one is probed as a user scoped
// to A: naming B is refused (403 OUT_OF_SCOPE, or an empty list where a filter only narrows), a
// list without a region never shows B although B's data is there (an unscoped admin sees it).
const A = { county: '511902', township: '511902001' };
const B = { county: '511923', township: '511923001' };
const FROM = new Date(Date.now() - 2 * 86_400_000).toISOString();
const TO = new Date(Date.now() + 3_600_000).toISOString();
const range = `from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}`;

// The account administrator and the auditor hold no regional data; the grid worker's grid-cell
// scope has its own spec (accounts/grid-worker-scope.int-spec.ts).
type Scoped = Exclude<UserRole, 'admin' | 'grid-worker' | 'auditor' | 'account-admin'>;
type Call = (api: string, token: string) => request.Test;
const get =
  (path: string): Call =>
  (api, token) =>
    request(api).get(`/api/${path}`).set('authorization', `Bearer ${token}`);
const post =
  (path: string, body: object): Call =>
  (api, token) =>
    request(api).post(`/api/${path}`).set('authorization', `Bearer ${token}`).send(body);

type Probe =
  /** Takes a region: B is refused, A is served. */
  | { readonly kind: 'names'; readonly as: Scoped; readonly call: (r: typeof A) => Call }
  /** Lists without a region: B's data never in the answer (while an admin's answer holds it). */
  | { readonly kind: 'lists'; readonly as: Scoped; readonly call: () => Call }
  /** Acts on one object by id: its scope check is tested by `where`. */
  | { readonly kind: 'byId'; readonly where: string }
  /** No regional data in the answer. */
  | { readonly kind: 'none'; readonly why: string };

let silenceInB = '';
const byId = (where: string): Probe => ({ kind: 'byId', where });
const none = (why: string): Probe => ({ kind: 'none', why });
const caseCommand = byId('cases.int-spec (out-of-scope case → 404)');

const PROBES = {
  'auth.me': none('the caller'),
  'video.play': byId('camera play grants: per camera'),
  'audit.verify': none('administrators only, city-wide'),
  'metrics.scrape': none('administrators only'),
  'alerts.list': { kind: 'names', as: 'duty-officer', call: (r) => get(`alerts?region=${r.county}`) },
  'alerts.detail': byId('alerts.int-spec (out-of-scope detail → 404)'),
  'alerts.acknowledge': byId('alerts.int-spec (out-of-scope transition → 403)'),
  'alerts.dispatch': byId('alerts.int-spec'),
  'alerts.resolve': byId('alerts.int-spec'),
  'alerts.silence': byId('alerts.int-spec'),
  'alerts.escalate': byId('alerts.int-spec'),
  'alerts.groups.acknowledge': byId(
    'alert-groups.int-spec (members outside the caller’s regions are not acted on)',
  ),
  'alerts.groups.silence': byId('alert-groups.int-spec'),
  'alerts.createCase': byId('alert-case.int-spec (an out-of-scope alert → 404, no case)'),
  'alerts.groups.list': {
    kind: 'names',
    as: 'duty-officer',
    call: (r) => get(`alerts/groups?region=${r.county}`),
  },
  'hotspots.top': { kind: 'names', as: 'duty-officer', call: (r) => get(`hotspots?county=${r.county}`) },
  'trends.series': {
    kind: 'names',
    as: 'duty-officer',
    call: (r) => get(`trends/series?${range}&county=${r.county}`),
  },
  'trends.csv': {
    kind: 'names',
    as: 'analyst',
    call: (r) => get(`trends/series.csv?${range}&county=${r.county}`),
  },
  'trends.yoy': {
    kind: 'names',
    as: 'duty-officer',
    call: (r) => get(`trends/yoy?${range}&township=${r.township}`),
  },
  'trends.breakdown': {
    kind: 'names',
    as: 'duty-officer',
    call: (r) => get(`trends/breakdown?${range}&county=${r.county}`),
  },
  'cameras.search': { kind: 'names', as: 'duty-officer', call: (r) => get(`cameras?county=${r.county}`) },
  'cameras.status': {
    kind: 'names',
    as: 'duty-officer',
    call: (r) => get(`cameras/status?county=${r.county}`),
  },
  'auth.deviceTokens.create': none('administrators only'),
  'auth.deviceTokens.list': none('administrators only'),
  'auth.deviceTokens.revoke': none('administrators only'),
  'cases.intake': {
    kind: 'names',
    as: 'intake-clerk',
    // Scope is checked after validation: B's body is complete; A's lacks its parties (400), so no
    // case is produced onto the shared topic by this test.
    call: (r) =>
      post('cases', {
        channel: 'window',
        region: r,
        category: 'other',
        summary: '越权',
        parties: r === B ? [{ name: '张三' }] : [],
        riskFlags: {},
      }),
  },
  'cases.routing': none('a routing suggestion from the public routing table; no case data'),
  'cases.duplicates': {
    kind: 'names',
    as: 'intake-clerk',
    call: (r) => post('cases/duplicates', { region: r, parties: [{ name: '张三' }] }),
  },
  'cases.list': { kind: 'names', as: 'duty-officer', call: (r) => get(`cases?region=${r.county}`) },
  'cases.detail': byId('cases.int-spec (out-of-scope case → 404)'),
  'cases.reveal': byId('cases.int-spec'),
  'cases.triage': caseCommand,
  'cases.assign': caseCommand,
  'cases.mediation': caseCommand,
  'cases.resolve': caseCommand,
  'cases.close': caseCommand,
  'cases.reopen': caseCommand,
  'cases.escalate': caseCommand,
  'cases.leader': caseCommand,
  'cameras.nearest': {
    kind: 'lists',
    as: 'duty-officer',
    call: () => get('cameras/nearest?lon=107.102&lat=31.563&radiusM=5000'),
  },
  'cameras.nearAlert': byId('nearby-cameras.int-spec (out-of-scope alert → 404)'),
  'kpis.snapshot': { kind: 'names', as: 'duty-officer', call: (r) => get(`kpis?region=${r.county}`) },
  'kpis.tierCompliance': {
    kind: 'names',
    as: 'duty-officer',
    call: (r) => get(`kpis/tier-compliance?${range}&region=${r.county}`),
  },
  'cameras.healthTrend': {
    kind: 'names',
    as: 'duty-officer',
    call: (r) => get(`cameras/health-trend?${range}&region=${r.county}`),
  },
  'assessments.quarterly': {
    kind: 'names',
    as: 'analyst',
    call: (r) => get(`assessments/quarterly?region=${r.county}`),
  },
  'cameras.siteTypes': {
    kind: 'names',
    as: 'duty-officer',
    call: (r) => get(`cameras/site-types?region=${r.county}`),
  },
  'rules.list': none('the rule set, city-wide configuration'),
  'rules.detail': none('the rule set'),
  'rules.propose': none('administrators only'),
  'rules.backtest': none('administrators only'),
  'rules.activate': none('administrators only'),
  'silences.list': { kind: 'lists', as: 'duty-officer', call: () => get('silences') },
  'silences.create': {
    kind: 'names',
    as: 'duty-officer',
    call: (r) =>
      post('silences', { regionPrefix: r.county, colour: 'blue', endsAt: TO, comment: 'scope matrix' }),
  },
  'silences.expire': {
    kind: 'names',
    as: 'duty-officer',
    // A's own silence is made by the call itself below; B's is made by the admin before.
    call: (r) => (r === B ? post(`silences/${silenceInB}/expire`, {}) : post('silences/none/expire', {})),
  },
  'reports.list': { kind: 'names', as: 'duty-officer', call: (r) => get(`reports?region=${r.county}`) },
  'reports.get': byId('reports.int-spec (out-of-scope report → 404)'),
  'reports.html': byId('reports.int-spec'),
  'reports.pdf': byId('reports.int-spec'),
  'reports.request': {
    kind: 'names',
    as: 'duty-officer',
    call: (r) =>
      post('reports', { level: 'county', region: r.county, periodKind: 'month', date: FROM.slice(0, 10) }),
  },
  'reports.requests': byId('report-requests.int-spec (own requests only)'),
  'reports.requestStatus': byId('report-requests.int-spec'),
  'regions.children': none('the public administrative hierarchy (names and codes)'),
  'routing.active': none('the routing table, city-wide configuration'),
  'routing.versions': none('administrators only'),
  'routing.version': none('administrators only'),
  'routing.propose': none('administrators only'),
  'routing.activate': none('administrators only'),
  'notify.policy.active': none('the notification policy, city-wide configuration'),
  'notify.policy.versions': none('administrators only'),
  'notify.policy.version': none('administrators only'),
  'notify.policy.propose': none('administrators only'),
  'notify.policy.activate': none('administrators only'),
  'auth.totp.setup': none("the caller's own second factor"),
  'auth.totp.confirm': none("the caller's own second factor"),
  'auth.totp.disable': none("the caller's own second factor"),
  'users.list': none('the account administrator, city-wide (a region filter, not a scope)'),
  'users.create': none('the account administrator, city-wide'),
  'users.update': none('the account administrator, city-wide'),
  'users.disable': none('the account administrator, city-wide'),
  'users.enable': none('the account administrator, city-wide'),
  'users.resetPassword': none('the account administrator, city-wide'),
  'users.resetTotp': none('the account administrator, city-wide'),
  'audit.list': none('the auditor, city-wide'),
  'duty.rosters': byId('duty.int-spec (a scoped officer sees only rosters inside their regions)'),
  'duty.rosters.set': byId('duty.int-spec (a roster outside the caller’s regions → 403)'),
  'duty.rosters.clear': byId('duty.int-spec (a roster outside the caller’s regions → 403)'),
  'duty.exceptions.set': byId('duty.int-spec (a roster outside the caller’s regions → 403)'),
  'duty.rosters.versions': byId(
    'duty.int-spec (a scoped officer is refused the city-wide roster history → 403)',
  ),
  'duty.now': byId('duty.int-spec (a scoped officer sees only rosters inside their regions)'),
  'duty.candidates': none('names of the people who may hold a shift'),
  'notify.preference': none("the caller's own preference"),
  'notify.preference.set': none("the caller's own preference"),
  'alerts.notifications': byId('duty.int-spec (an out-of-scope alert → 404)'),
  'alerts.ackLink': byId('ack-link.int-spec (the link names its alert; scope checked by the transition)'),
  'alerts.quality': {
    kind: 'names',
    as: 'analyst',
    call: (r) => get(`alerts/quality?${range}&region=${r.county}`),
  },
} as const satisfies Record<Exclude<RouteId, PublicRoute>, Probe>;

type PublicRoute = { [K in RouteId]: (typeof ROUTES)[K]['access'] extends 'public' ? K : never }[RouteId];

const SCOPED_USERS: Record<Scoped, { username: string; password: string }> = {
  'duty-officer': { username: 'officer-bazhou', password: '' },
  analyst: { username: 'scope-analyst-a', password: 'scope-matrix-analyst-2026' },
  'intake-clerk': { username: 'scope-clerk-a', password: 'scope-matrix-clerk-2026' },
  wall: { username: 'scope-wall-a', password: 'scope-matrix-wall-2026' },
};

const entries = Object.entries(PROBES) as [RouteId, Probe][];
const named = entries.filter((e): e is [RouteId, Extract<Probe, { kind: 'names' }>] => e[1].kind === 'names');
const lists = entries.filter((e): e is [RouteId, Extract<Probe, { kind: 'lists' }>] => e[1].kind === 'lists');

describe('the authorization matrix, district A against district B', () => {
  let api: ApiHarness;
  let admin = '';
  const tokens = new Map<Scoped, string>();

  beforeAll(async () => {
    api = await startApi({ writeLimitPerMinute: 10_000 });
    admin = (await api.login('admin')).accessToken;
    tokens.set('duty-officer', (await api.login('officer-bazhou')).accessToken);
    const users = new UsersRepository();
    for (const role of ['analyst', 'intake-clerk', 'wall'] as const) {
      const u = SCOPED_USERS[role];
      await users.insertIfAbsent(api.pool, {
        userId: randomUUID(),
        username: u.username,
        displayName: u.username,
        role,
        regions: [A.county],
        passwordHash: await hashPassword(u.password),
      });
      const res = await request(api.url).post('/api/auth/login').send(u).expect(200);
      tokens.set(role, (res.body as { accessToken: string }).accessToken);
    }
    await seedDistricts(api);
    const silence = await post('silences', {
      regionPrefix: B.county,
      colour: 'blue',
      endsAt: TO,
      comment: 'B maintenance',
    })(api.url, admin).expect(201);
    silenceInB = (silence.body as { id: string }).id;
  });
  afterAll(async () => {
    await api.close();
  });

  it('probes exactly the routes whose route-table entry declares a regionScope, each as it declares', () => {
    const kindOf = (spec: RouteSpec): Probe['kind'] | 'unscoped' =>
      spec.regionScope === 'region' ? 'names' : spec.regionScope === 'list' ? 'lists' : 'unscoped';
    const probed = (p: Probe): Probe['kind'] | 'unscoped' =>
      p.kind === 'names' || p.kind === 'lists' ? p.kind : 'unscoped';
    for (const [id, probe] of entries) expect([id, probed(probe)]).toEqual([id, kindOf(ROUTES[id])]);
  });

  it('classifies every guarded route (and each probe uses a role the route allows)', () => {
    const guarded = Object.entries(ROUTES).filter(([, s]) => s.access !== 'public');
    expect(entries.map(([id]) => id).sort()).toEqual(guarded.map(([id]) => id).sort());
    for (const [id, probe] of [...named, ...lists])
      expect([id, ROUTES[id].access]).toContainEqual(expect.arrayContaining([probe.as]));
  });

  it.each(named.map(([id, p]) => [id, p] as const))(
    '%s: naming district B is refused',
    async (_id, probe) => {
      const res = await probe.call(B)(api.url, tokens.get(probe.as) ?? '');
      const body = res.body as ApiErrorBody & { items?: unknown[] };
      if (res.status === 200) expect(body.items).toEqual([]);
      else {
        expect(res.status).toBe(403);
        expect(body.code).toBe('OUT_OF_SCOPE');
      }
    },
  );

  it.each(named.map(([id, p]) => [id, p] as const))('%s: naming district A is served', async (_id, probe) => {
    const res = await probe.call(A)(api.url, tokens.get(probe.as) ?? '');
    expect([401, 403]).not.toContain(res.status);
    expect(res.status).toBeLessThan(500);
  });

  it.each(lists.map(([id, p]) => [id, p] as const))(
    '%s: a list shows none of district B',
    async (_id, probe) => {
      const everything = await probe.call()(api.url, admin).expect(200);
      expect(JSON.stringify(everything.body)).toContain(B.county); // B's data is there to leak
      const scoped = await probe
        .call()(api.url, tokens.get(probe.as) ?? '')
        .expect(200);
      expect(JSON.stringify(scoped.body)).not.toContain(B.county);
    },
  );

  it.each([
    ['hotspots', 'hotspots'],
    // A search term, not a region: B's camera is on the first page whatever other specs seeded.
    ['cameras', 'cameras?q=511923'],
    ['cameras/status', 'cameras/status'],
    ['trends/series (hourly, city)', `trends/series?${range}&bucket=hour`],
    ['trends/breakdown (city)', `trends/breakdown?${range}`],
  ])('%s without a region is narrowed to district A', async (_t, path) => {
    const everything = await get(path)(api.url, admin).expect(200);
    expect(JSON.stringify(everything.body)).toContain(B.county);
    const scoped = await get(path)(api.url, tokens.get('duty-officer') ?? '').expect(200);
    expect(JSON.stringify(scoped.body)).not.toContain(B.county);
  });
});

/** A camera, an hour of events and a day of rollup in each district. */
async function seedDistricts(api: ApiHarness): Promise<void> {
  for (const [d, lon, lat] of [
    [A, 106.754, 31.858],
    [B, 107.102, 31.563],
  ] as const) {
    const id = `${d.county}${String(randomInt(0, 1e9)).padStart(14, '0')}`;
    await api.pool.query(
      `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
       VALUES ($1, $1, 'road', $2, $3, $4, $5, 'test', $1, now())`,
      [id, d.county, d.township, lon, lat],
    );
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    await addRollupCounts(api.pool, [
      {
        bucket: hour,
        county: d.county,
        township: d.township,
        source: 'case',
        category: 'neighbourhood',
        events: 7,
      },
    ]);
  }
}
