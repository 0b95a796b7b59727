import request from 'supertest';
import {
  type ActivateRoutingTableResponse,
  type ApiErrorBody,
  type RoutingSuggestion,
  type RoutingTableDetail,
  type RoutingTableListResponse,
  type UserRole,
} from '@fengqiao/contracts';
import { DEFAULT_ROUTING_RULES, type RoutingRule } from '@fengqiao/intake';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { ActiveRoutingTableCache } from './active-routing-table.cache';

// Routing tables as data on the real database: the default table is active; an administrator stores
// a table whose first rule sends neighbourhood disputes of one township to another department, and
// once activated the API's suggestion for that case follows it (a second API instance too, on its
// poll); broken tables are refused with reasons; only administrators change tables; both steps are
// in the audit chain. The table is shared by every spec of the run: the one active before is
// restored at the end.
const TOWNSHIP = `5119020${String(10 + Math.floor(Math.random() * 89))}`;
const OTHER_TOWNSHIP = '511921003';
const DEPARTMENT = `东城司法所-${TOWNSHIP.slice(-2)}`;
const WEDNESDAY_10 = '2026-11-25T10:00:00+08:00';
const pilot: RoutingRule = {
  id: 'pilot-neighbourhood',
  title: '邻里纠纷试点：司法所先行调解',
  when: { categories: ['neighbourhood'], regionPrefixes: [TOWNSHIP] },
  then: { tier: 'general', department: DEPARTMENT, unit: 'public-legal-service' },
};
const catchAll = DEFAULT_ROUTING_RULES[DEFAULT_ROUTING_RULES.length - 1] as RoutingRule;

let api: ApiHarness;
let other: ApiHarness;
const token = {} as Record<UserRole, string>;
let activeBefore = 0;
let versionsBefore: number[] = [];
let proposed = 0;

const get = (path: string, who: UserRole, on: ApiHarness = api): request.Test =>
  request(on.url).get(`/api/${path}`).set('authorization', `Bearer ${token[who]}`);
const post = (path: string, who: UserRole, body: object = {}): request.Test =>
  request(api.url).post(`/api/${path}`).set('authorization', `Bearer ${token[who]}`).send(body);

/** The suggestion for a neighbourhood dispute in a township, asked on a Wednesday morning. */
async function suggestion(township: string, on: ApiHarness = api): Promise<RoutingSuggestion> {
  const q = `category=neighbourhood&county=${township.slice(0, 6)}&township=${township}&at=${encodeURIComponent(WEDNESDAY_10)}`;
  const res = await get(`cases/routing?${q}`, 'intake-clerk', on).expect(200);
  return res.body as RoutingSuggestion;
}

async function versions(): Promise<number[]> {
  const res = await get('routing-rules/versions', 'admin').expect(200);
  return (res.body as RoutingTableListResponse).items.map((i) => i.version);
}

beforeAll(async () => {
  api = await startApi();
  other = await startApi();
  for (const role of ['intake-clerk', 'duty-officer', 'analyst', 'admin'] as const) {
    token[role] = (await api.login(role)).accessToken;
  }
});

afterAll(async () => {
  // Whatever happened above, the run's other specs route by the table that was active before.
  if (activeBefore > 0)
    await post(`routing-rules/versions/${activeBefore}/activate`, 'admin', { note: 'restore' });
  await other.close();
  await api.close();
});

describe('routing tables as data', () => {
  it('starts with the default table active, readable by the intake window', async () => {
    const res = await get('routing-rules', 'intake-clerk').expect(200);
    const active = res.body as RoutingTableDetail;
    expect(active).toMatchObject({ status: 'active', ruleCount: DEFAULT_ROUTING_RULES.length });
    expect(active.rules).toEqual(DEFAULT_ROUTING_RULES);
    activeBefore = active.version;
    versionsBefore = await versions();
    expect((await suggestion(TOWNSHIP)).ruleId).toBe('neighbourhood');
  });

  it.each([
    [
      'a clerk stores a table',
      () => post('routing-rules/versions', 'intake-clerk', { rules: [catchAll], note: 'x' }),
    ],
    ['an officer activates', () => post(`routing-rules/versions/1/activate`, 'duty-officer')],
    ['an analyst reads the versions', () => get('routing-rules/versions', 'analyst')],
    ['an analyst reads the active table', () => get('routing-rules', 'analyst')],
  ])('refuses when %s (403)', async (_t, call) => {
    const res = await call().expect(403);
    expect((res.body as ApiErrorBody).code).toBe('FORBIDDEN');
  });

  it.each([
    ['no catch-all', [pilot], 'rules.0', 'NO_CATCH_ALL'],
    [
      'duplicate ids',
      [pilot, { ...pilot, when: { categories: ['medical'] } }, catchAll],
      'rules.1',
      'DUPLICATE_RULE_ID',
    ],
    [
      'a catch-all before the end',
      [catchAll, pilot, { ...catchAll, id: 'z' }],
      'rules.0',
      'CATCH_ALL_NOT_LAST',
    ],
    [
      'an hour of 24',
      [{ ...pilot, when: { hours: { from: 22, to: 24 } } }, catchAll],
      'rules.0.when.hours.to',
      '23',
    ],
    ['a weekday of 7', [{ ...pilot, when: { weekdays: [7] } }, catchAll], 'rules.0.when.weekdays.0', '6'],
    [
      'a region prefix with letters',
      [{ ...pilot, when: { regionPrefixes: ['5119ab'] } }, catchAll],
      'rules.0.when.regionPrefixes.0',
      'digits',
    ],
  ])('refuses a table with %s, saying where and why (400)', async (_t, rules, path, reason) => {
    const res = await post('routing-rules/versions', 'admin', { rules, note: 'a broken table' }).expect(400);
    const body = res.body as ApiErrorBody;
    expect(body.code).toBe('VALIDATION_FAILED');
    const issue = body.issues?.find((i) => i.path === path);
    expect(issue?.message).toContain(reason);
  });

  it('stored nothing for the refused tables', async () => {
    expect(await versions()).toEqual(versionsBefore);
  });

  it('stores an administrator’s table as proposed: it routes nothing yet', async () => {
    const note = 'pilot: neighbourhood disputes of one township to the justice office';
    const res = await post('routing-rules/versions', 'admin', {
      rules: [pilot, ...DEFAULT_ROUTING_RULES],
      note,
    }).expect(201);
    const stored = res.body as RoutingTableDetail;
    expect(stored).toMatchObject({ status: 'proposed', createdBy: 'admin', note, activatedAt: null });
    expect(stored.rules[0]).toEqual(pilot);
    proposed = stored.version;
    expect((await suggestion(TOWNSHIP)).ruleId).toBe('neighbourhood');
    const audit = await api.pool.query(
      `SELECT actor_role, detail FROM audit_log WHERE action = 'routing.propose' AND target_id = $1`,
      [String(proposed)],
    );
    expect(audit.rows).toEqual([
      { actor_role: 'admin', detail: { note, rules: DEFAULT_ROUTING_RULES.length + 1 } },
    ]);
  });

  it('routes by the table once activated, audited with who, the previous version and why', async () => {
    const res = await post(`routing-rules/versions/${proposed}/activate`, 'admin', {
      note: 'pilot starts',
    }).expect(200);
    expect(res.body as ActivateRoutingTableResponse).toMatchObject({
      version: proposed,
      previous: activeBefore,
    });
    const s = await suggestion(TOWNSHIP);
    expect(s).toMatchObject({
      ruleId: pilot.id,
      ruleTitle: pilot.title,
      tableVersion: proposed,
      routing: pilot.then,
    });
    expect((await suggestion(OTHER_TOWNSHIP)).ruleId).toBe('neighbourhood');
    expect((await get('routing-rules', 'duty-officer').expect(200)).body).toMatchObject({
      version: proposed,
      status: 'active',
      activatedBy: 'admin',
    });
    const audit = await api.pool.query(
      `SELECT actor_role, actor_user_id IS NOT NULL AS has_actor, detail FROM audit_log
       WHERE action = 'routing.activate' AND target_id = $1`,
      [String(proposed)],
    );
    expect(audit.rows).toEqual([
      { actor_role: 'admin', has_actor: true, detail: { previous: activeBefore, note: 'pilot starts' } },
    ]);
  });

  it('reaches another API instance on its poll', async () => {
    await other.app.get(ActiveRoutingTableCache).refresh();
    expect((await suggestion(TOWNSHIP, other)).ruleId).toBe(pilot.id);
    expect((await get('routing-rules', 'intake-clerk', other).expect(200)).body).toMatchObject({
      version: proposed,
    });
  });

  it('rolls back by activating the earlier version again', async () => {
    const res = await post(`routing-rules/versions/${activeBefore}/activate`, 'admin', {
      note: 'pilot ends',
    }).expect(200);
    expect(res.body).toMatchObject({ version: activeBefore, previous: proposed });
    expect((await suggestion(TOWNSHIP)).ruleId).toBe('neighbourhood');
    const list = (await get('routing-rules/versions', 'admin').expect(200)).body as RoutingTableListResponse;
    const statusOf = (v: number): string | undefined => list.items.find((i) => i.version === v)?.status;
    expect([statusOf(proposed), statusOf(activeBefore)]).toEqual(['retired', 'active']);
  });
});
