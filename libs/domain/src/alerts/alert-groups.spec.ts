import { type Alert, type AlertColour } from '@fengqiao/contracts';
import fc from 'fast-check';
import { AlertGroupError, alertCauseOf, alertGroupKeyOf, groupAlerts } from './alert-groups';

const BASE = Date.parse('2026-12-07T02:00:00.000Z');
let serial = 0;

interface Spec {
  readonly rule?: string;
  readonly colour?: AlertColour;
  readonly township?: string;
  readonly siteType?: string;
  readonly minute?: number;
}

function alert(s: Spec = {}): Alert {
  serial += 1;
  const at = new Date(BASE + (s.minute ?? 0) * 60_000).toISOString();
  const values: Record<string, string | boolean> = { online: false };
  if (s.siteType !== undefined) values.siteType = s.siteType;
  return {
    alertId: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    dedupKey: `k${serial}`,
    ruleId: s.rule ?? 'key-site-camera-offline',
    ruleVersion: 1,
    colour: s.colour ?? 'blue',
    state: 'raised',
    version: 1,
    title: '学校或车站摄像头离线',
    region: { county: '511902', township: s.township ?? '511902001' },
    escalationLevel: 'grid',
    raisedAt: at,
    updatedAt: at,
    explanation: { summary: 's', evidence: [], values, thresholds: {} },
  };
}

describe('groupAlerts', () => {
  it('collapses a camera-offline storm to one row per township and site type', () => {
    const storm = Array.from({ length: 500 }, (_, i) =>
      alert({
        township: `51190200${i % 3}`,
        siteType: i % 2 === 0 ? 'school' : 'station',
        minute: i % 40,
      }),
    );
    const groups = groupAlerts(storm);
    expect(groups).toHaveLength(6);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(500);
    for (const g of groups) {
      expect(new Set(g.members.map((m) => m.region.township))).toEqual(new Set([g.area.township]));
      expect(new Set(g.members.map(alertCauseOf))).toEqual(new Set([g.cause]));
    }
  });

  it('gives the worst level, the count, the newest time and the area', () => {
    const members = [alert({ minute: 1 }), alert({ minute: 9, colour: 'orange' }), alert({ minute: 5 })].map(
      (a) => ({ ...a, explanation: { ...a.explanation, values: { siteType: 'school' } } }),
    );
    const [g] = groupAlerts(members);
    expect(g).toMatchObject({
      count: 3,
      worst: 'orange',
      newestAt: '2026-12-07T02:09:00.000Z',
      area: { county: '511902', township: '511902001' },
      cause: 'school',
      ruleId: 'key-site-camera-offline',
    });
    expect(g?.members.map((m) => m.colour)).toEqual(['orange', 'blue', 'blue']);
  });

  it.each([
    ['another rule', { rule: 'intrusion-key-industry' }],
    ['another cause', { siteType: 'station' }],
    ['another township', { township: '511902002' }],
  ])('keeps %s apart', (_title, other: Spec) => {
    const groups = groupAlerts([alert({ siteType: 'school' }), alert({ siteType: 'school', ...other })]);
    expect(groups).toHaveLength(2);
  });

  it('starts a new group when the gap between raises exceeds the window', () => {
    const a = [alert({ minute: 0 }), alert({ minute: 50 }), alert({ minute: 200 })];
    expect(groupAlerts(a).map((g) => g.count)).toEqual([1, 2]);
    expect(groupAlerts(a, 300 * 60_000).map((g) => g.count)).toEqual([3]);
  });

  it('never hides a red alert inside a group: each red stands alone and comes first', () => {
    const reds = [alert({ colour: 'red', minute: 3 }), alert({ colour: 'red', minute: 4 })];
    const groups = groupAlerts([...Array.from({ length: 20 }, () => alert()), ...reds]);
    expect(groups.map((g) => [g.worst, g.count])).toEqual([
      ['red', 1],
      ['red', 1],
      ['blue', 20],
    ]);
    expect(alertGroupKeyOf(reds[0] as Alert)).not.toBe(alertGroupKeyOf(reds[1] as Alert));
  });

  it('refuses a window that is not a duration, with a code', () => {
    expect(() => groupAlerts([alert()], Number.NaN)).toThrow(AlertGroupError);
    let caught: unknown;
    try {
      groupAlerts([alert()], -1);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AlertGroupError);
    expect((caught as AlertGroupError).code).toBe('ALERT_GROUP_WINDOW_INVALID');
  });

  it('loses no alert, puts every red in a group of its own and never mixes keys (property)', () => {
    const spec = fc.record({
      colour: fc.constantFrom<AlertColour>('blue', 'orange', 'red'),
      township: fc.constantFrom('511902001', '511902002'),
      siteType: fc.constantFrom('school', 'station'),
      minute: fc.integer({ min: 0, max: 600 }),
    });
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 60 }), (specs) => {
        const alerts = specs.map(alert);
        const groups = groupAlerts(alerts);
        const ids = groups.flatMap((g) => g.members.map((m) => m.alertId));
        expect(new Set(ids)).toEqual(new Set(alerts.map((a) => a.alertId)));
        expect(ids).toHaveLength(alerts.length);
        for (const g of groups) {
          expect(new Set(g.members.map(alertGroupKeyOf)).size).toBe(1);
          if (g.members.some((m) => m.colour === 'red')) expect(g.count).toBe(1);
        }
      }),
    );
  });
});

describe('alertCauseOf on a stored row without its values', () => {
  it('names no cause and groups the row with the others instead of throwing', () => {
    const handWritten = { ...alert(), explanation: {} } as unknown as Alert;
    expect(alertCauseOf(handWritten)).toBe('');
    expect(groupAlerts([handWritten, alert({ minute: 1 })]).length).toBeGreaterThan(0);
  });
});
