import { type RosterPattern } from '@fengqiao/contracts';
import { rosterGridOf } from './roster-grid';

const p = (regionCode: string, shift: 'day' | 'night', weekday: number, who: string): RosterPattern => ({
  regionCode,
  shift,
  weekday,
  primary: { userId: `00000000-0000-4000-8000-00000000000${who}`, displayName: who },
  backup: null,
});

describe('the weekly roster grid', () => {
  it('groups by region and shift, day before night, each weekday in its column', () => {
    const rows = rosterGridOf([
      p('511902001', 'night', 0, '2'),
      p('511902001', 'day', 3, '1'),
      p('511902', 'day', 6, '3'),
    ]);
    expect(
      rows.map((r) => [r.regionCode, r.shift, r.days.map((d) => d?.primary.displayName ?? '-').join('')]),
    ).toEqual([
      ['511902', 'day', '------3'],
      ['511902001', 'day', '---1---'],
      ['511902001', 'night', '2------'],
    ]);
  });
  it('an empty roster has no rows', () => {
    expect(rosterGridOf([])).toEqual([]);
  });
});
