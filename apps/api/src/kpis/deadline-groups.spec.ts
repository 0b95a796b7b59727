import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { judgeGroups, rateOf } from './deadline-groups';
import { type DeadlineGroupRow } from '@fengqiao/db';
import { deadlinesOf } from './deadline-specs';
import { kpiScopeOf } from './kpi-scope';

const d = deadlinesOf(DEFAULT_RULE_SET);
/** Wednesday 2026-11-25 14:00 Beijing. */
const NOW = Date.parse('2026-11-25T14:00:00+08:00');
const working = (key: string, day: string, stop: string | null, n = 1): DeadlineGroupRow => ({
  key,
  day,
  working: true,
  stop_day: stop,
  n,
  due_fixed: 0,
  on_time_fixed: 0,
});
const dayOf = (iso: string): number => d.calendar.dayOf(Date.parse(`${iso}T12:00:00+08:00`));

describe('judgeGroups', () => {
  it.each([
    ['routed the next working day', working('routing', '2026-11-23', '2026-11-24'), '2026-11-24', 1],
    ['routed two days later', working('routing', '2026-11-23', '2026-11-25'), '2026-11-24', 0],
    ['reported Friday, routed Monday', working('routing', '2026-11-20', '2026-11-23'), '2026-11-23', 1],
    [
      'reported Saturday: the clock starts Monday',
      working('routing', '2026-11-21', '2026-11-24'),
      '2026-11-24',
      1,
    ],
    ['simple, closed the same day', working('simple', '2026-11-23', '2026-11-23'), '2026-11-23', 1],
    ['simple, never closed', working('simple', '2026-11-23', null), '2026-11-23', 0],
  ])('%s', (_t, row, dueDay, onTime) => {
    expect(judgeGroups([row], d, NOW)).toEqual([{ key: row.key, dueDay: dayOf(dueDay), due: 1, onTime }]);
  });

  it('leaves out promises not yet due and merges rows of the same due day', () => {
    const rows = [
      working('routing', '2026-11-25', null),
      working('simple', '2026-11-23', '2026-11-23', 2),
      working('simple', '2026-11-23', '2026-11-24', 3),
    ];
    expect(judgeGroups(rows, d, NOW)).toEqual([
      { key: 'simple', dueDay: dayOf('2026-11-23'), due: 5, onTime: 2 },
    ]);
  });

  it('takes fixed-length promises as SQL judged them', () => {
    const row: DeadlineGroupRow = {
      key: 'major',
      day: '2026-11-24',
      working: false,
      stop_day: null,
      n: 4,
      due_fixed: 3,
      on_time_fixed: 2,
    };
    expect(judgeGroups([row], d, NOW)).toEqual([
      { key: 'major', dueDay: dayOf('2026-11-24'), due: 3, onTime: 2 },
    ]);
  });

  it('rates with four decimals, null when nothing fell due', () => {
    expect([rateOf(2, 3), rateOf(0, 0)]).toEqual([0.6667, null]);
  });
});

describe('kpiScopeOf', () => {
  it.each([
    ['a city user, no region', [], undefined, null],
    ['a city user, a township', [], '511902001', '511902001'],
    ['a county officer, nothing asked', ['511902'], undefined, '511902'],
    ['a county officer, one of its townships', ['511902'], '511902001', '511902001'],
  ])('%s', (_t, regions, asked, scope) => {
    expect(kpiScopeOf({ regions }, asked)).toBe(scope);
  });

  it('refuses a region outside the caller’s', () => {
    expect(() => kpiScopeOf({ regions: ['511902'] }, '511921')).toThrow('outside');
  });
});
