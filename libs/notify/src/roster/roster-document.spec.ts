import {
  EMPTY_ROSTER,
  parseDutyRoster,
  RosterDocumentError,
  rosterOf,
  withException,
  withoutExceptionsBefore,
  withoutPattern,
  withPattern,
} from './roster-document';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('the duty roster document', () => {
  it('setting weekdays replaces their holders and keeps the patterns in one order', () => {
    const r1 = withPattern(EMPTY_ROSTER, {
      regionCode: 'city',
      shift: 'night',
      weekdays: [2, 1],
      primaryUserId: A,
      backupUserId: B,
    });
    const r2 = withPattern(r1, {
      regionCode: 'city',
      shift: 'night',
      weekdays: [2],
      primaryUserId: B,
      backupUserId: null,
    });
    expect(r2.patterns).toEqual([
      { regionCode: 'city', shift: 'night', weekday: 1, primaryUserId: A, backupUserId: B },
      { regionCode: 'city', shift: 'night', weekday: 2, primaryUserId: B, backupUserId: null },
    ]);
    expect(
      withoutPattern(r2, { regionCode: 'city', shift: 'night', weekdays: [1] }).patterns.map(
        (p) => p.weekday,
      ),
    ).toEqual([2]);
  });

  it('an exception replaces the one for the same date; past dates are dropped from a new version', () => {
    const e = { regionCode: '511902', shift: 'day' as const, primaryUserId: A, backupUserId: null };
    const r = withException(
      withException(withException(EMPTY_ROSTER, { ...e, date: '2026-12-08', reason: 'leave' }), {
        ...e,
        date: '2026-12-01',
        reason: 'old',
      }),
      { ...e, date: '2026-12-08', reason: 'swap', primaryUserId: B },
    );
    expect(r.exceptions.map((x) => [x.date, x.reason])).toEqual([
      ['2026-12-01', 'old'],
      ['2026-12-08', 'swap'],
    ]);
    expect(withoutExceptionsBefore(r, '2026-12-06').exceptions.map((x) => x.reason)).toEqual(['swap']);
  });

  it('refuses a stored document with a shift held twice or a backup who is the primary, naming each', () => {
    const slot = { regionCode: 'city', shift: 'day', weekday: 1, primaryUserId: A, backupUserId: A };
    try {
      parseDutyRoster({ patterns: [slot, { ...slot, backupUserId: null }], exceptions: [] });
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(RosterDocumentError);
      expect((err as RosterDocumentError).code).toBe('INVALID_DUTY_ROSTER');
      expect((err as RosterDocumentError).problems).toEqual([
        { path: 'patterns.0.backupUserId', message: 'the backup is another person' },
        { path: 'patterns.1', message: 'city/day/weekday 1 held twice' },
      ]);
    }
    expect(() => parseDutyRoster({ patterns: [] })).toThrow(RosterDocumentError);
  });

  it('gives onDutyAt the regions asked for, one weekday a pattern', () => {
    const r = withPattern(
      withPattern(EMPTY_ROSTER, {
        regionCode: 'city',
        shift: 'day',
        weekdays: [0],
        primaryUserId: A,
        backupUserId: null,
      }),
      {
        regionCode: '511902',
        shift: 'day',
        weekdays: [0],
        primaryUserId: B,
        backupUserId: null,
      },
    );
    expect(rosterOf(r, new Set(['511902'])).patterns).toEqual([
      { regionCode: '511902', shift: 'day', weekdays: [0], primaryUserId: B, backupUserId: null },
    ]);
  });
});
