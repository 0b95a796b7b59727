import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  type AlertNotifications,
  type ApiErrorBody,
  type OnDutyNow,
  type RosterResponse,
  type RosterVersionList,
} from '@fengqiao/contracts';
import { DUTY_ROSTERS_TABLE, NotificationsRepository, VersionedDocumentsRepository } from '@fengqiao/db';
import { shiftAt } from '@fengqiao/notify';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { type ApiHarness, demoUser, startApi } from '../testing/api-harness';

// Rosters through the real API and PostgreSQL: set a weekly pattern and an exception, see who is
// on now by the city clock, the audit trail of each change, scope (a district officer neither
// sees nor edits another district's roster), and an alert's notification history.
let api: ApiHarness;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const townA = `511902${String(randomInt(100, 999))}`;
const townB = `511923${String(randomInt(100, 999))}`;
const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6];

const as = (who: string) => ({ authorization: `Bearer ${tokens[who] ?? ''}` });
const post = (who: string, path: string, body: object) =>
  request(api.url).post(`/api/${path}`).set(as(who)).send(body);
const get = (who: string, path: string) => request(api.url).get(`/api/${path}`).set(as(who));

beforeAll(async () => {
  api = await startApi();
  for (const role of ['duty-officer', 'admin', 'analyst', 'officer-bazhou'] as const) {
    const pair = await api.login(role);
    tokens[role] = pair.accessToken;
    ids[role] = pair.user.userId;
  }
});
afterAll(async () => {
  await api.close();
});

describe('duty rosters', () => {
  it('a weekly pattern puts its primary and backup on duty now; every change is audited', async () => {
    for (const shift of ['day', 'night']) {
      const res = await post('duty-officer', 'duty/rosters', {
        regionCode: townA,
        shift,
        weekdays: ALL_WEEK,
        primaryUserId: ids['duty-officer'],
        backupUserId: ids.admin,
      });
      expect(res.status).toBe(200);
      expect((res.body as RosterResponse).patterns.filter((p) => p.shift === shift)).toHaveLength(7);
    }
    const now = await get('duty-officer', 'duty/now');
    const mine = (now.body as OnDutyNow).items.find((i) => i.regionCode === townA);
    expect(mine).toMatchObject({
      shift: shiftAt(Date.now()).shift,
      primary: { userId: ids['duty-officer'] },
      backup: { userId: ids.admin },
      source: 'pattern',
    });
    const audit = await api.pool.query<{ action: string; actor_user_id: string }>(
      `SELECT action, actor_user_id FROM audit_log WHERE target_type = 'duty-roster' AND target_id = $1 ORDER BY seq`,
      [townA],
    );
    expect(audit.rows).toEqual([
      { action: 'duty.roster.set', actor_user_id: ids['duty-officer'] },
      { action: 'duty.roster.set', actor_user_id: ids['duty-officer'] },
    ]);
  });

  it('an exception for the current shift replaces the pattern (swap of primary and backup)', async () => {
    const slot = shiftAt(Date.now());
    const res = await post('admin', 'duty/roster-exceptions', {
      regionCode: townA,
      shift: slot.shift,
      date: slot.date,
      primaryUserId: ids.admin,
      backupUserId: ids['duty-officer'],
      reason: '调休',
    });
    expect(res.status).toBe(200);
    const now = (await get('analyst', 'duty/now')).body as OnDutyNow;
    expect(now.items.find((i) => i.regionCode === townA)).toMatchObject({
      primary: { userId: ids.admin },
      backup: { userId: ids['duty-officer'] },
      source: 'exception',
    });
  });

  it('refuses a holder who is not an enabled duty officer, and the same person as primary and backup', async () => {
    const res = await post('duty-officer', 'duty/rosters', {
      regionCode: townA,
      shift: 'day',
      weekdays: [1],
      primaryUserId: ids.analyst,
      backupUserId: ids.analyst,
    });
    expect(res.status).toBe(400);
    expect((res.body as ApiErrorBody).issues?.map((i) => i.path)).toEqual([
      'primaryUserId',
      'backupUserId',
      'backupUserId',
    ]);
  });

  it('a district officer neither edits nor sees another district’s roster', async () => {
    await post('duty-officer', 'duty/rosters', {
      regionCode: townB,
      shift: 'day',
      weekdays: ALL_WEEK,
      primaryUserId: ids['duty-officer'],
    });
    const edit = await post('officer-bazhou', 'duty/rosters/clear', {
      regionCode: townB,
      shift: 'day',
      weekdays: [1],
    });
    expect(edit.status).toBe(403);
    expect((edit.body as ApiErrorBody).code).toBe('OUT_OF_SCOPE');
    const list = (await get('officer-bazhou', 'duty/rosters')).body as RosterResponse;
    expect(list.patterns.some((p) => p.regionCode === townA)).toBe(true);
    expect(list.patterns.some((p) => p.regionCode === townB)).toBe(false);
    const now = (await get('officer-bazhou', 'duty/now')).body as OnDutyNow;
    expect(now.items.map((i) => i.regionCode)).not.toContain(townB);
    expect((await get('officer-bazhou', `duty/rosters?region=${townB}`)).status).toBe(403);
  });

  it('clearing weekdays removes them from the pattern', async () => {
    const res = await post('duty-officer', 'duty/rosters/clear', {
      regionCode: townB,
      shift: 'day',
      weekdays: [0, 6],
    });
    expect(res.status).toBe(200);
    expect((res.body as RosterResponse).patterns.map((p) => p.weekday)).toEqual([1, 2, 3, 4, 5]);
  });

  it('each edit is a new active version of the one roster document, the previous retired (issue 19)', async () => {
    const repo = new VersionedDocumentsRepository(DUTY_ROSTERS_TABLE);
    const before = await repo.activeVersion(api.pool);
    const res = await post('duty-officer', 'duty/rosters', {
      regionCode: townA,
      shift: 'day',
      weekdays: [3],
      primaryUserId: ids.admin,
      backupUserId: null,
    });
    expect(res.status).toBe(200);
    const after = await repo.activeVersion(api.pool);
    expect(after).toBeGreaterThan(before ?? 0);
    const [row, previous] = await Promise.all([
      repo.find(api.pool, after ?? 0),
      before === undefined ? undefined : repo.find(api.pool, before),
    ]);
    const officer = demoUser('duty-officer').username;
    expect(row).toMatchObject({ status: 'active', proposedBy: officer, activatedBy: officer });
    if (previous !== undefined) expect(previous.status).toBe('retired');
    const doc = row?.document as { patterns: { regionCode: string; shift: string; weekday: number }[] };
    expect(doc.patterns).toContainEqual({
      regionCode: townA,
      shift: 'day',
      weekday: 3,
      primaryUserId: ids.admin,
      backupUserId: null,
    });
    const audit = await api.pool.query<{ detail: { version: number } }>(
      `SELECT detail FROM audit_log WHERE target_type = 'duty-roster' AND target_id = $1 ORDER BY seq DESC LIMIT 1`,
      [townA],
    );
    expect(audit.rows[0]?.detail.version).toBe(after);
    const history = await get('duty-officer', 'duty/rosters/versions');
    expect(history.status).toBe(200);
    const items = (history.body as RosterVersionList).items;
    expect(items[0]).toMatchObject({ version: after, status: 'active', note: `duty.roster.set ${townA}` });
    expect(items.filter((v) => v.status === 'active')).toHaveLength(1);
    if (before !== undefined) expect(items.find((v) => v.version === before)?.status).toBe('retired');
    // The history spans every region: a scoped officer is refused it.
    expect((await get('officer-bazhou', 'duty/rosters/versions')).status).toBe(403);
  });
});

describe('an alert’s notification history', () => {
  it('shows to whom, by which channel, delivered or failed; out of scope is not found', async () => {
    const alert = anAlert({ region: { county: '511923', township: townB } }, 'red');
    await storeRaisedAlert(api.pool, alert);
    const repo = new NotificationsRepository();
    const base = {
      alert_id: alert.alertId,
      alert_version: 1,
      level: 'grid' as const,
      region_code: townB,
      address: 'x@fengqiao.test',
      due_at: new Date(),
      last_error: null,
    };
    await repo.plan(
      api.pool,
      {
        ...base,
        notification_id: randomUUID(),
        reason: 'first',
        duty_role: 'primary',
        user_id: ids['duty-officer'] ?? null,
        channel: 'email',
        status: 'scheduled',
      },
      new Date(),
    );
    await repo.plan(
      api.pool,
      {
        ...base,
        notification_id: randomUUID(),
        reason: 'backup',
        duty_role: 'backup',
        user_id: null,
        channel: null,
        status: 'failed',
        last_error: 'NO_BACKUP_ON_DUTY',
      },
      new Date(),
    );
    const res = await get('duty-officer', `alerts/${alert.alertId}/notifications`);
    expect(res.status).toBe(200);
    expect(
      (res.body as AlertNotifications).items.map((i) => [
        i.dutyRole,
        i.person?.userId ?? null,
        i.channel,
        i.status,
        i.lastError,
      ]),
    ).toEqual([
      ['primary', ids['duty-officer'], 'email', 'scheduled', null],
      ['backup', null, null, 'failed', 'NO_BACKUP_ON_DUTY'],
    ]);
    expect((await get('officer-bazhou', `alerts/${alert.alertId}/notifications`)).status).toBe(404);
    expect((await get('analyst', `alerts/${alert.alertId}/notifications`)).status).toBe(403);
  });

  it('each person sets their own channel and quiet period', async () => {
    const bad = await post('duty-officer', 'me/notification-preference', {
      channel: 'email',
      address: 'a@b.c',
      quietFrom: '22:00',
      quietTo: null,
    });
    expect(bad.status).toBe(400);
    const ok = await post('duty-officer', 'me/notification-preference', {
      channel: 'wecom',
      address: 'zhang.san',
      quietFrom: '22:00',
      quietTo: '07:00',
    });
    expect(ok.status).toBe(200);
    expect((await get('duty-officer', 'me/notification-preference')).body).toEqual({
      preference: { channel: 'wecom', address: 'zhang.san', quietFrom: '22:00', quietTo: '07:00' },
    });
  });
});
