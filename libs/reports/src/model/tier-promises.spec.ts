import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { aCase, bj, HOUR } from '../__fixtures__/report-input';
import { calendarOf, clockStoppingEvents, promiseJudge, tierPromisesOf } from './tier-promises';

describe('tier promises, read from the rule set', () => {
  const promises = tierPromisesOf();
  const judge = promiseJudge(promises, calendarOf());

  it('follows the deadline rules: simple same working day, general 5 working days, complex 61 days', () => {
    expect(promises.simple).toEqual({
      startOn: 'triaged',
      stopOn: 'done',
      due: { unit: 'working-days', count: 0 },
    });
    expect(promises.general.due).toEqual({ unit: 'working-days', count: 5 });
    expect(promises.complex.due).toEqual({ unit: 'calendar-days', count: 61 });
    expect(promises.consultation).toMatchObject({ startOn: 'reported', stopOn: 'done' });
  });

  it('a major dispute is kept by the first clock-stopping event that is not a closure', () => {
    expect(promises.major).toMatchObject({ stopOn: 'assigned', due: { unit: 'hours', count: 24 } });
    expect(clockStoppingEvents()).toContain('escalated');
    expect(clockStoppingEvents()).not.toContain('closed');
    const major = aCase('2026-11-10T09:00', { tier: 'major', assignedAt: bj('2026-11-10T20:00') });
    expect(judge.dueAt(major)).toBe(bj('2026-11-10T10:00') + 24 * HOUR);
    expect(judge.keptAt(major)).toBe(bj('2026-11-10T20:00'));
  });

  it('a general dispute triaged on Friday is due at the end of the fifth working day after', () => {
    // Fri 6 Nov 2026 → working days 9, 10, 11, 12, 13 → due at Beijing midnight after Fri 13 Nov
    const general = aCase('2026-11-06T09:00', { tier: 'general' });
    expect(judge.dueAt(general)).toBe(bj('2026-11-14T00:00'));
  });

  it('a simple dispute triaged on National Day is due at the end of the first working day after the holiday', () => {
    const onHoliday = aCase('2026-10-01T09:00', { tier: 'simple' });
    // 1–7 October are holidays, 10 October (a Saturday) is a make-up workday: first working day is 8 October.
    expect(judge.dueAt(onHoliday)).toBe(bj('2026-10-09T00:00'));
    expect(DEFAULT_RULE_SET.calendar.holidays).toContain('2026-10-07');
  });
});
