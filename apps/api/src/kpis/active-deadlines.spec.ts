import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { compileDeadlines } from './active-deadlines';

const at = (iso: string): number => Date.parse(`${iso}T12:00:00+08:00`);

describe('compileDeadlines', () => {
  it('measures on the calendar of the rule set it is given, not the default one', () => {
    // 2026-12-01 is a Tuesday: a working day by default, a holiday in the activated set.
    const holiday = '2026-12-01';
    const activated = {
      ...DEFAULT_RULE_SET,
      calendar: { ...DEFAULT_RULE_SET.calendar, holidays: [...DEFAULT_RULE_SET.calendar.holidays, holiday] },
    };
    const byDefault = compileDeadlines(DEFAULT_RULE_SET, null).deadlines.calendar;
    const compiled = compileDeadlines(activated, 7);
    expect(byDefault.isWorkingDay(byDefault.dayOf(at(holiday)))).toBe(true);
    expect(compiled.deadlines.calendar.isWorkingDay(compiled.deadlines.calendar.dayOf(at(holiday)))).toBe(
      false,
    );
    expect(compiled.version).toBe(7);
  });
});
