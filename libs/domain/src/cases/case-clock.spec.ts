import { TIER_RULE_SET } from '../__fixtures__/deadline-rules';
import { CITY_CALENDAR_2026 } from '../time/city-calendar';
import { compileCalendar } from '../time/working-calendar';
import { dueAtOf, readClock } from './case-clock';
import { caseDeadlinesOf } from './case-deadlines';

const cal = compileCalendar(CITY_CALENDAR_2026);
const deadlines = caseDeadlinesOf(TIER_RULE_SET);
const tierDueAt = (_c: unknown, tier: keyof typeof deadlines.tiers, ms: number): number =>
  dueAtOf(cal, deadlines.tiers[tier], ms);
const routingDueAt = (_c: unknown, ms: number): number => dueAtOf(cal, deadlines.routing, ms);
const local = (iso: string): number => Date.parse(`${iso}+08:00`);
const iso = (ms: number): string => new Date(ms).toISOString();
const HOUR = 3_600_000;

describe('service-tier deadlines on the Bazhong working-day calendar', () => {
  it.each([
    // [title, tier, start (local), due (UTC)]
    ['simple: the same working day', 'simple', '2026-11-25T09:00:00', '2026-11-25T16:00:00.000Z'],
    [
      'consultation: on the spot, by the end of the day',
      'consultation',
      '2026-11-25T15:00:00',
      '2026-11-25T16:00:00.000Z',
    ],
    [
      'simple on a Saturday: by the end of Monday',
      'simple',
      '2026-11-28T10:00:00',
      '2026-11-30T16:00:00.000Z',
    ],
    ['general: 5 working days over a weekend', 'general', '2026-11-25T10:00:00', '2026-12-02T16:00:00.000Z'],
    // 10-01..07 National Day off; Saturday 10-10 is a make-up workday and counts.
    [
      'general: across National Day and its make-up Saturday',
      'general',
      '2026-09-30T10:00:00',
      '2026-10-13T16:00:00.000Z',
    ],
    [
      'complex: 61 calendar days, holidays included',
      'complex',
      '2026-09-30T10:00:00',
      '2026-11-30T02:00:00.000Z',
    ],
    ['major: a leader within 24 hours', 'major', '2026-10-01T10:00:00', '2026-10-02T02:00:00.000Z'],
  ] as const)('%s', (_title, tier, start, due) => {
    expect(iso(tierDueAt(cal, tier, local(start)))).toBe(due);
  });

  it.each([
    ['Wednesday → end of Thursday', '2026-11-25T10:00:00', '2026-11-26T16:00:00.000Z'],
    ['Friday → end of Monday', '2026-11-27T10:00:00', '2026-11-30T16:00:00.000Z'],
    ['Friday 10-09 → the make-up Saturday 10-10', '2026-10-09T15:00:00', '2026-10-10T16:00:00.000Z'],
    ['the eve of National Day → 10-08, after the holiday', '2026-09-30T17:00:00', '2026-10-08T16:00:00.000Z'],
    [
      'during the holiday → the second working day after it',
      '2026-10-03T09:00:00',
      '2026-10-09T16:00:00.000Z',
    ],
  ])('routing within one working day: %s', (_title, start, due) => {
    expect(iso(routingDueAt(cal, local(start)))).toBe(due);
  });
});

describe('readClock', () => {
  const start = 0;
  const due = 100 * HOUR;
  it.each([
    ['on track with half the window left', { nowMs: 50 * HOUR, stoppedMs: null }, 'on-track', 50 * HOUR],
    ['at risk with 19 % left', { nowMs: 81 * HOUR, stoppedMs: null }, 'at-risk', 19 * HOUR],
    ['on track at exactly 20 % left', { nowMs: 80 * HOUR, stoppedMs: null }, 'on-track', 20 * HOUR],
    ['breached when due', { nowMs: due, stoppedMs: null }, 'breached', 0],
    ['breached and late', { nowMs: 130 * HOUR, stoppedMs: null }, 'breached', -30 * HOUR],
    ['met when stopped in time', { nowMs: 500 * HOUR, stoppedMs: 90 * HOUR }, 'met', 10 * HOUR],
    ['missed when stopped late', { nowMs: 500 * HOUR, stoppedMs: 101 * HOUR }, 'missed', -HOUR],
  ])('%s', (_title, at, status, timeLeftMs) => {
    expect(readClock({ startMs: start, dueMs: due, ...at })).toEqual({ status, timeLeftMs });
  });

  it('has no status without a deadline', () => {
    expect(readClock({ startMs: 0, dueMs: null, stoppedMs: null, nowMs: 1 })).toEqual({
      status: 'none',
      timeLeftMs: null,
    });
  });
});
