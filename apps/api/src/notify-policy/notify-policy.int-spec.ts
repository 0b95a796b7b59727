import request from 'supertest';
import {
  type ActivateNotificationPolicyResponse,
  type ApiErrorBody,
  type NotificationPolicyDetail,
  type NotificationPolicyList,
  type UserRole,
} from '@fengqiao/contracts';
import { withRegionRule } from '@fengqiao/notify';
import { type ApiHarness, startApi } from '../testing/api-harness';

// The notification policy through the API's routes on the real database (issue 19): the active
// version is readable by duty officers; an administrator proposes a version (this spec's own
// township's override on top of the active document, so other specs sharing the database keep
// theirs), which changes nothing until activated; broken documents are refused with reasons; both
// steps are in the audit chain. What the running notify service does with an activation:
// apps/notify notification-policy.int-spec.ts.
const TOWNSHIP = `5119030${String(10 + Math.floor(Math.random() * 89))}`;
let api: ApiHarness;
const token = {} as Record<UserRole, string>;

const get = (path: string, who: UserRole): request.Test =>
  request(api.url).get(`/api/${path}`).set('authorization', `Bearer ${token[who]}`);
const post = (path: string, who: UserRole, body: object = {}): request.Test =>
  request(api.url).post(`/api/${path}`).set('authorization', `Bearer ${token[who]}`).send(body);

beforeAll(async () => {
  api = await startApi();
  for (const role of ['duty-officer', 'admin'] as const) token[role] = (await api.login(role)).accessToken;
}, 60_000);

afterAll(async () => {
  await api.close();
});

describe('notification-policy routes', () => {
  it('propose stores a version that changes nothing until activated; activate makes it the active one, audited', async () => {
    const before = (await get('notify/policy', 'duty-officer').expect(200)).body as NotificationPolicyDetail;
    expect(before.status).toBe('active');
    const policy = withRegionRule(before.policy, {
      ...before.policy.default,
      regionCode: TOWNSHIP,
      orange: 'page',
      backupAfterMs: 120_000,
    });
    const proposed = (
      await post('notify/policy/versions', 'admin', { policy, note: `orange pages in ${TOWNSHIP}` }).expect(
        201,
      )
    ).body as NotificationPolicyDetail;
    expect(proposed).toMatchObject({ status: 'proposed', proposedBy: 'admin', policy });
    expect(
      ((await get('notify/policy', 'admin').expect(200)).body as NotificationPolicyDetail).version,
    ).not.toBe(proposed.version);

    const activated = (
      await post(`notify/policy/versions/${proposed.version}/activate`, 'admin', { note: 'go' }).expect(200)
    ).body as ActivateNotificationPolicyResponse;
    expect(activated.version).toBe(proposed.version);
    const now = (await get('notify/policy', 'duty-officer').expect(200)).body as NotificationPolicyDetail;
    expect(now).toMatchObject({ version: proposed.version, status: 'active', activatedBy: 'admin' });
    expect(now.policy.regions.find((r) => r.regionCode === TOWNSHIP)).toMatchObject({ orange: 'page' });

    const list = (await get('notify/policy/versions', 'admin').expect(200)).body as NotificationPolicyList;
    expect(list.items.find((i) => i.version === proposed.version)).toMatchObject({ status: 'active' });
    const audit = await api.pool.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE target_type = 'notification-policy' AND target_id = $1 ORDER BY seq`,
      [String(proposed.version)],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['notify.policy.propose', 'notify.policy.activate']);
  });

  it('refuses a broken document with VALIDATION_FAILED naming the field, and a duty officer may not propose', async () => {
    const before = (await get('notify/policy', 'admin').expect(200)).body as NotificationPolicyDetail;
    const bad = { ...before.policy, default: { ...before.policy.default, red: 'shout' } };
    const res = await post('notify/policy/versions', 'admin', { policy: bad, note: 'bad' }).expect(400);
    expect((res.body as ApiErrorBody).code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).toContain('red');
    const denied = await post('notify/policy/versions', 'duty-officer', { policy: before.policy, note: 'x' });
    expect(denied.status).toBe(403);
    await get('notify/policy/versions/999999', 'admin').expect(404);
  });
});
