import { onDutyAt, rosterRegionOf, type RosterException, type RosterPattern } from './roster';
import { shiftAt } from './shifts';

// City time is UTC+8: 2026-12-07 (a Monday) 09:00 in Bazhong is 01:00Z.
const at = (cityIso: string): number => Date.parse(`${cityIso}+08:00`);
const TOWNSHIP = '511902001';

describe('shifts by the city clock', () => {
  it.each([
    ['2026-12-07T08:00:00', 'day', '2026-12-07', 1],
    ['2026-12-07T19:59:59', 'day', '2026-12-07', 1],
    ['2026-12-07T20:00:00', 'night', '2026-12-07', 1],
    ['2026-12-08T07:59:59', 'night', '2026-12-07', 1],
    ['2026-12-06T02:00:00', 'night', '2026-12-05', 6],
  ])('%s is the %s shift of %s (weekday %i)', (iso, shift, date, weekday) => {
    expect(shiftAt(at(iso))).toMatchObject({ shift, date, weekday });
  });

  it('a night shift runs 12 hours, from 20:00 to 08:00 the next city morning', () => {
    const s = shiftAt(at('2026-12-08T03:00:00'));
    expect(s.startsAt).toBe(at('2026-12-07T20:00:00'));
    expect(s.endsAt).toBe(at('2026-12-08T08:00:00'));
  });
});

describe('who is on duty', () => {
  const patterns: RosterPattern[] = [
    {
      regionCode: TOWNSHIP,
      shift: 'day',
      weekdays: [1, 2, 3, 4, 5],
      primaryUserId: 'wang',
      backupUserId: 'li',
    },
    {
      regionCode: TOWNSHIP,
      shift: 'night',
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      primaryUserId: 'zhao',
      backupUserId: null,
    },
    { regionCode: TOWNSHIP, shift: 'day', weekdays: [0, 6], primaryUserId: 'sun', backupUserId: 'zhou' },
  ];
  const exceptions: RosterException[] = [
    { regionCode: TOWNSHIP, shift: 'day', date: '2026-12-09', primaryUserId: 'li', backupUserId: 'wang' },
  ];

  it.each([
    ['a weekday morning: the weekday pattern', '2026-12-07T09:00:00', 'wang', 'li', 'pattern'],
    ['the small hours of Tuesday: Monday night', '2026-12-08T03:00:00', 'zhao', null, 'pattern'],
    ['a Saturday: the weekend pattern', '2026-12-12T10:00:00', 'sun', 'zhou', 'pattern'],
    ['a swapped Wednesday: the exception wins', '2026-12-09T10:00:00', 'li', 'wang', 'exception'],
    ['the night after the swap: back to the pattern', '2026-12-09T21:00:00', 'zhao', null, 'pattern'],
  ])('%s', (_what, iso, primaryUserId, backupUserId, source) => {
    expect(onDutyAt(patterns, exceptions, TOWNSHIP, at(iso))).toMatchObject({
      primaryUserId,
      backupUserId,
      source,
    });
  });

  it('a region without a roster has nobody on duty', () => {
    expect(onDutyAt(patterns, exceptions, '511902002', at('2026-12-07T09:00:00'))).toBeUndefined();
  });
});

describe('the roster region of each escalation level', () => {
  const region = { county: '511902', township: TOWNSHIP, grid: '511902001001001' };
  it.each([
    ['grid', region, '511902001001001'],
    ['township', region, TOWNSHIP],
    ['county', region, '511902'],
    ['city', region, 'city'],
    ['grid', { county: '511902', township: TOWNSHIP }, TOWNSHIP],
    ['township', { county: '511902' }, '511902'],
  ] as const)('%s of %j → %s', (level, r, code) => {
    expect(rosterRegionOf(level, r)).toBe(code);
  });
});
