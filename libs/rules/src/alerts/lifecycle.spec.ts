import { type Alert } from '@fengqiao/contracts';
import { Harness, onlyRules } from '../__fixtures__/engine';
import { analytics, HOUR, MIN, smallDirectory, T0 } from '../__fixtures__/events';
import { createEngineContext } from '../context';
import { DEFAULT_RULE_SET } from '../defaults/default-rule-set';
import { type AlertCommand, type Decision } from './decisions';

const officer = { userId: 'u-1', role: 'duty-officer' };
const ROAD = 25;

function redAlert(h: Harness, at = T0): Alert {
  const [d] = h.feed({ kind: 'camera-analytics', event: analytics(at, ROAD, 'fire-smoke', 0.9) }, at);
  if (d?.type !== 'raised') throw new Error('expected a raise');
  return d.alert;
}
const current = (h: Harness, id: string): Alert => {
  const e = h.state.book.byId.get(id);
  if (e === undefined) throw new Error('unknown alert');
  return e.alert;
};
const command = (h: Harness, c: AlertCommand, at: number): Decision[] =>
  h.feed({ kind: 'command', command: c }, at);
/** Acknowledges an alert at its version (the table of @fengqiao/domain: dispatch and resolve follow it). */
const acknowledge = (h: Harness, a: Alert, at: number): number => {
  command(h, { kind: 'acknowledge', alertId: a.alertId, expectedVersion: a.version, actor: officer }, at);
  return current(h, a.alertId).version;
};

describe('escalation of an unacknowledged red alert', () => {
  it('climbs grid → township → county → city, one level per 10 minutes, then stops', () => {
    const h = new Harness();
    const a = redAlert(h);
    const levels: string[] = [];
    for (let m = 1; m <= 60; m++) {
      for (const d of h.tick(T0 + m * MIN))
        if (d.type === 'escalated') levels.push(`${m}:${d.alert.escalationLevel}`);
    }
    expect(levels).toEqual(['10:township', '20:county', '30:city']);
    expect(current(h, a.alertId)).toMatchObject({ state: 'escalated', version: 4, escalationLevel: 'city' });
  });

  it('an acknowledgement stops the climb until it expires (2 h), then the climb resumes', () => {
    const h = new Harness();
    const a = redAlert(h);
    command(
      h,
      { kind: 'acknowledge', alertId: a.alertId, expectedVersion: 1, actor: officer, note: 'on it' },
      T0 + 5 * MIN,
    );
    const before = [10, 30, 60, 124].flatMap((m) => h.tick(T0 + m * MIN));
    expect(before).toEqual([]);
    const after = h.tick(T0 + 126 * MIN);
    expect(Harness.summary(after)).toEqual(['escalated fire-smoke red']);
    expect(after[0]?.type === 'escalated' && after[0].alert.escalationLevel).toBe('township');
  });

  it('a dispatched alert never climbs', () => {
    const h = new Harness();
    const a = redAlert(h);
    const version = acknowledge(h, a, T0 + MIN);
    const dispatched = command(
      h,
      { kind: 'dispatch', alertId: a.alertId, expectedVersion: version, actor: officer, department: 'fire' },
      T0 + MIN,
    );
    expect(Harness.summary(dispatched)).toEqual(['dispatched fire-smoke red']);
    expect([10, 20, 300].flatMap((m) => h.tick(T0 + m * MIN))).toEqual([]);
  });
});

describe('versioned transitions', () => {
  it.each<[string, string, (a: Alert) => AlertCommand]>([
    [
      'a stale version',
      'refused STALE_VERSION',
      (a) => ({ kind: 'acknowledge', alertId: a.alertId, expectedVersion: 0, actor: officer }),
    ],
    [
      'an unknown alert',
      'refused ALERT_NOT_FOUND',
      () => ({ kind: 'acknowledge', alertId: 'nope', expectedVersion: 1, actor: officer }),
    ],
    [
      'closing an open alert',
      'refused INVALID_TRANSITION',
      (a) => ({ kind: 'close', alertId: a.alertId, expectedVersion: 1, actor: officer }),
    ],
    [
      'acknowledging',
      'acknowledged fire-smoke red',
      (a) => ({ kind: 'acknowledge', alertId: a.alertId, expectedVersion: 1, actor: officer }),
    ],
    [
      // The one table: a raised alert is acknowledged before it is resolved (the API refused it too).
      'resolving a raised alert',
      'refused INVALID_TRANSITION',
      (a) => ({
        kind: 'resolve',
        alertId: a.alertId,
        expectedVersion: 1,
        actor: officer,
        outcome: 'false-alarm',
      }),
    ],
  ])('%s → %s', (_title, expected, make) => {
    const h = new Harness();
    const a = redAlert(h);
    expect(Harness.summary(command(h, make(a), T0 + MIN))).toEqual([expected]);
  });

  it('an ack racing an escalation tick: whichever comes second with the old version is refused', () => {
    const h = new Harness();
    const a = redAlert(h);
    h.tick(T0 + 10 * MIN); // escalated: version 2
    const late = command(
      h,
      { kind: 'acknowledge', alertId: a.alertId, expectedVersion: 1, actor: officer },
      T0 + 10 * MIN,
    );
    expect(late).toMatchObject([
      { type: 'refused', code: 'STALE_VERSION', actualVersion: 2, actualState: 'escalated' },
    ]);
    const retry = command(
      h,
      { kind: 'acknowledge', alertId: a.alertId, expectedVersion: 2, actor: officer },
      T0 + 11 * MIN,
    );
    expect(retry).toMatchObject([
      {
        type: 'acknowledged',
        actor: officer,
        alert: { version: 3, acknowledgedAt: new Date(T0 + 11 * MIN).toISOString() },
      },
    ]);
  });

  it('resolve then close; a re-trigger within 3 days reopens the same alert', () => {
    const h = new Harness();
    const a = redAlert(h);
    const version = acknowledge(h, a, T0 + MIN);
    command(
      h,
      {
        kind: 'resolve',
        alertId: a.alertId,
        expectedVersion: version,
        actor: officer,
        outcome: 'real-incident',
      },
      T0 + MIN,
    );
    command(
      h,
      { kind: 'close', alertId: a.alertId, expectedVersion: version + 1, actor: officer },
      T0 + 2 * MIN,
    );
    const again = h.feed(
      { kind: 'camera-analytics', event: analytics(T0 + HOUR, ROAD, 'fire-smoke', 0.9) },
      T0 + HOUR,
    );
    expect(again).toMatchObject([
      { type: 'reopened', alert: { alertId: a.alertId, version: 5, state: 'reopened' } },
    ]);
    expect(again[0]?.type === 'reopened' && again[0].alert.outcome).toBeUndefined();
  });

  it('a re-trigger after the reopen period raises a new alert', () => {
    const h = new Harness();
    const a = redAlert(h);
    const version = acknowledge(h, a, T0 + MIN);
    command(
      h,
      {
        kind: 'resolve',
        alertId: a.alertId,
        expectedVersion: version,
        actor: officer,
        outcome: 'real-incident',
      },
      T0 + MIN,
    );
    h.tick(T0 + 4 * 24 * HOUR);
    const later = T0 + 4 * 24 * HOUR + MIN;
    const [d] = h.feed({ kind: 'camera-analytics', event: analytics(later, ROAD, 'fire-smoke', 0.9) }, later);
    expect(d?.type).toBe('raised');
    expect(d?.type === 'raised' && d.alert.alertId).not.toBe(a.alertId);
  });

  it('adopts an acknowledgement made by the API (newer version) and stops escalating; replays are ignored', () => {
    const h = new Harness();
    const a = redAlert(h);
    const acked: Alert = {
      ...a,
      state: 'acknowledged',
      version: 2,
      acknowledgedAt: new Date(T0 + MIN).toISOString(),
      updatedAt: new Date(T0 + MIN).toISOString(),
    };
    const change = {
      schema: 'alert.changed.v1',
      eventId: a.alertId,
      occurredAt: acked.updatedAt,
      seq: 7,
      change: 'acknowledged',
      alert: acked,
    } as const;
    h.feed({ kind: 'alert-changed', change }, T0 + MIN);
    h.feed({ kind: 'alert-changed', change: { ...change, alert: a } }, T0 + MIN); // an older copy: ignored
    expect(current(h, a.alertId)).toMatchObject({ state: 'acknowledged', version: 2 });
    expect([10, 20, 60].flatMap((m) => h.tick(T0 + m * MIN))).toEqual([]);
  });
  it('after losing a race, the database row replaces ours at an equal version (authoritative)', () => {
    const h = new Harness();
    const a = redAlert(h);
    h.tick(T0 + 10 * MIN); // the engine escalated: version 2
    const at = new Date(T0 + 10 * MIN).toISOString();
    const dbRow: Alert = { ...a, state: 'acknowledged', version: 2, acknowledgedAt: at, updatedAt: at };
    const change = {
      schema: 'alert.changed.v1',
      eventId: a.alertId,
      occurredAt: at,
      seq: 3,
      change: 'acknowledged',
      alert: dbRow,
    } as const;
    h.feed({ kind: 'alert-changed', change }, T0 + 10 * MIN);
    expect(current(h, a.alertId).state).toBe('escalated');
    h.feed({ kind: 'alert-changed', change, authoritative: true }, T0 + 10 * MIN);
    expect(current(h, a.alertId)).toMatchObject({
      state: 'acknowledged',
      version: 2,
      escalationLevel: 'grid',
    });
    expect(h.tick(T0 + 30 * MIN)).toEqual([]);
  });
});

describe('silences and repeats', () => {
  const maintenance = (allowRed?: boolean) =>
    createEngineContext({
      ruleSet: DEFAULT_RULE_SET,
      directory: smallDirectory(),
      silences: [
        {
          id: 'maint-1',
          matchers: [{ label: 'cameraId', op: '=~', value: '5119020000000000002.' }],
          startsAt: new Date(T0 - HOUR).toISOString(),
          endsAt: new Date(T0 + HOUR).toISOString(),
          createdBy: 'u-2',
          comment: 'planned maintenance',
          ...(allowRed === undefined ? {} : { allowRed }),
        },
      ],
    });

  it('a silence that allows red mutes the raise (stored as silenced, no notification)', () => {
    const h = new Harness({ ctx: maintenance(true) });
    const [d] = h.feed({ kind: 'camera-analytics', event: analytics(T0, ROAD, 'fire-smoke', 0.9) }, T0);
    expect(d).toMatchObject({ type: 'silenced', notify: false, alert: { state: 'silenced' } });
    expect([10, 30].flatMap((m) => h.tick(T0 + m * MIN))).toEqual([]);
    const [after] = h.feed(
      { kind: 'camera-analytics', event: analytics(T0 + 2 * HOUR, 30, 'fire-smoke', 0.9) },
      T0 + 2 * HOUR,
    );
    expect(after?.type).toBe('raised');
  });

  it.each([
    ['does not say', undefined],
    ['says no', false],
  ])('a red is still raised and notified when the silence %s about red', (_t, allowRed) => {
    const h = new Harness({ ctx: maintenance(allowRed) });
    const [d] = h.feed({ kind: 'camera-analytics', event: analytics(T0, ROAD, 'fire-smoke', 0.9) }, T0);
    expect(d).toMatchObject({ type: 'raised', notify: true, alert: { colour: 'red' } });
  });

  it('the same silence mutes an orange without any red permission', () => {
    const h = new Harness({ ctx: maintenance() });
    const [d] = h.feed({ kind: 'camera-analytics', event: analytics(T0, ROAD, 'fight', 0.7) }, T0);
    expect(d).toMatchObject({ type: 'silenced', notify: false, alert: { colour: 'orange' } });
  });

  it('the third orange at one place within 24 h becomes red', () => {
    const h = new Harness({ ruleSet: onlyRules('fight-detected', 'repeated-orange') });
    const ds: Decision[] = [];
    for (let i = 0; i < 3; i++) {
      const t = T0 + i * 2 * HOUR;
      ds.push(...h.feed({ kind: 'camera-analytics', event: analytics(t, ROAD, 'fight', 0.7) }, t));
      const open = h.state.book.byKey.get(`fight-detected:${'5119020000000000002' + '5'}`);
      if (open !== undefined && open.alert.state !== 'resolved') {
        const version = acknowledge(h, open.alert, t + MIN);
        command(
          h,
          {
            kind: 'resolve',
            alertId: open.alert.alertId,
            expectedVersion: version,
            actor: officer,
            outcome: 'real-incident',
          },
          t + MIN,
        );
      }
    }
    expect(Harness.summary(ds)).toEqual([
      'raised fight-detected orange',
      'reopened fight-detected orange',
      'reopened fight-detected orange',
      'raised repeated-orange red',
    ]);
  });
});
