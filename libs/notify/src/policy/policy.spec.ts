import { type AlertChanged } from '@fengqiao/contracts';
import { nextDigestAt, planNotices, stillUnacknowledged } from './policy';
import { deliverAt } from './quiet-period';

const NOW = Date.parse('2026-12-07T01:00:00Z');
const policy = {
  red: 'page',
  orange: 'digest',
  blue: 'none',
  backupAfterMs: 5 * 60_000,
  digestEveryMs: 15 * 60_000,
} as const;
const change = (
  colour: 'blue' | 'orange' | 'red',
  kind: AlertChanged['change'],
  level: 'grid' | 'township' = 'grid',
) =>
  ({
    change: kind,
    alert: { colour, escalationLevel: level, state: kind === 'escalated' ? 'escalated' : 'raised' },
  }) as unknown as AlertChanged;

describe('notification policy', () => {
  it('red raised: the primary at once, the backup after backupAfterMs', () => {
    expect(planNotices(change('red', 'raised'), policy, NOW)).toEqual([
      { reason: 'first', level: 'grid', dutyRole: 'primary', dueAt: NOW },
      { reason: 'backup', level: 'grid', dutyRole: 'backup', dueAt: NOW + 5 * 60_000 },
    ]);
  });

  it('red escalated by the engine: the new level is paged the same way', () => {
    expect(
      planNotices(change('red', 'escalated', 'township'), policy, NOW).map((n) => [
        n.reason,
        n.level,
        n.dutyRole,
      ]),
    ).toEqual([
      ['escalated', 'township', 'primary'],
      ['backup', 'township', 'backup'],
    ]);
  });

  it.each(['acknowledged', 'dispatched', 'resolved', 'closed', 'updated'] as const)(
    'red %s asks for nothing',
    (kind) => {
      expect(planNotices(change('red', kind), policy, NOW)).toEqual([]);
    },
  );

  it('orange raised goes into the next digest on the fixed grid', () => {
    expect(planNotices(change('orange', 'raised'), policy, NOW)).toEqual([
      { reason: 'digest', level: 'grid', dutyRole: 'primary', dueAt: nextDigestAt(NOW, 15 * 60_000) },
    ]);
    expect(nextDigestAt(NOW, 15 * 60_000)).toBe(NOW + 15 * 60_000);
    expect(nextDigestAt(NOW + 1, 15 * 60_000)).toBe(NOW + 15 * 60_000);
  });

  it.each(['raised', 'escalated', 'reopened'] as const)('blue %s never pages', (kind) => {
    expect(planNotices(change('blue', kind), policy, NOW)).toEqual([]);
  });

  it('a colour set to page pages like red; a page without a backup delay pages the primary only', () => {
    const paging = { ...policy, blue: 'page', backupAfterMs: null } as const;
    expect(planNotices(change('blue', 'raised'), paging, NOW)).toEqual([
      { reason: 'first', level: 'grid', dutyRole: 'primary', dueAt: NOW },
    ]);
    expect(planNotices(change('red', 'escalated', 'township'), paging, NOW)).toEqual([
      { reason: 'escalated', level: 'township', dutyRole: 'primary', dueAt: NOW },
    ]);
  });

  it('red set to digest or none: no page at all', () => {
    expect(
      planNotices(change('red', 'raised'), { ...policy, red: 'digest' }, NOW).map((n) => n.reason),
    ).toEqual(['digest']);
    expect(planNotices(change('red', 'escalated'), { ...policy, red: 'digest' }, NOW)).toEqual([]);
    expect(planNotices(change('red', 'raised'), { ...policy, red: 'none' }, NOW)).toEqual([]);
  });

  it('a scheduled backup matters only while the alert is unacknowledged at that level', () => {
    expect(stillUnacknowledged({ state: 'raised', escalationLevel: 'grid' }, 'grid')).toBe(true);
    expect(stillUnacknowledged({ state: 'acknowledged', escalationLevel: 'grid' }, 'grid')).toBe(false);
    expect(stillUnacknowledged({ state: 'escalated', escalationLevel: 'township' }, 'grid')).toBe(false);
  });
});

describe('quiet periods (city time)', () => {
  const quiet = { from: '22:00', to: '07:00' };
  const city = (iso: string): number => Date.parse(`${iso}+08:00`);
  it('a digest due inside the quiet period waits for its end', () => {
    expect(deliverAt('digest', quiet, city('2026-12-07T23:30:00'))).toBe(city('2026-12-08T07:00:00'));
    expect(deliverAt('digest', quiet, city('2026-12-08T03:00:00'))).toBe(city('2026-12-08T07:00:00'));
  });
  it('a digest due outside goes at once', () => {
    expect(deliverAt('digest', quiet, city('2026-12-07T12:00:00'))).toBe(city('2026-12-07T12:00:00'));
  });
  it.each(['first', 'backup', 'escalated'] as const)(
    'a %s page is never held back by a quiet period',
    (reason) => {
      expect(deliverAt(reason, quiet, city('2026-12-07T23:30:00'))).toBe(city('2026-12-07T23:30:00'));
    },
  );
  it('a quiet period within one day', () => {
    const lunch = { from: '12:00', to: '13:30' };
    expect(deliverAt('digest', lunch, city('2026-12-07T12:10:00'))).toBe(city('2026-12-07T13:30:00'));
  });
});
