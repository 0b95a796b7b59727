import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { aCase, bj, HOUR } from '../__fixtures__/report-input';
import { promiseJudgeOf } from './tier-promises';

describe('tier promises, read from the rule set through @fengqiao/domain', () => {
  const judge = promiseJudgeOf();

  it.each([
    // [title, tier, reported (local), triaged (local), due (local)]
    [
      'simple: the working day of triage',
      'simple',
      '2026-11-09T10:00',
      '2026-11-10T09:00',
      '2026-11-11T00:00',
    ],
    [
      'general: 5 working days from triage',
      'general',
      '2026-11-06T08:00',
      '2026-11-06T09:00',
      '2026-11-14T00:00',
    ],
    [
      'complex: 61 calendar days from triage',
      'complex',
      '2026-09-30T09:00',
      '2026-09-30T10:00',
      '2026-11-30T10:00',
    ],
    // The KPI tiles and the cases list start a consultation's clock at triage (when its tier is
    // known); the reports started it at the report, and so judged this case missed on Monday.
    [
      'consultation: on the spot, from triage like the KPI tiles',
      'consultation',
      '2026-11-09T16:00',
      '2026-11-10T09:00',
      '2026-11-11T00:00',
    ],
  ] as const)('%s', (_title, tier, reported, triaged, due) => {
    const c = aCase(reported, { tier, triagedAt: bj(triaged) });
    expect(judge.dueAt(c)).toBe(bj(due));
  });

  it('a major dispute is kept by the first clock-stopping event that is not a closure', () => {
    const major = aCase('2026-11-10T09:00', { tier: 'major', assignedAt: bj('2026-11-10T20:00') });
    expect(judge.dueAt(major)).toBe(bj('2026-11-10T10:00') + 24 * HOUR);
    expect(judge.keptAt(major)).toBe(bj('2026-11-10T20:00'));
  });

  it('a general dispute is kept only when it is done, not when someone is assigned', () => {
    const general = aCase('2026-11-10T09:00', { tier: 'general', doneAt: bj('2026-11-12T09:00') });
    expect(judge.keptAt(general)).toBe(bj('2026-11-12T09:00'));
  });

  it('a simple dispute triaged on National Day is due at the end of the first working day after the holiday', () => {
    const onHoliday = aCase('2026-10-01T09:00', { tier: 'simple' });
    // 1–7 October are holidays, 10 October (a Saturday) is a make-up workday: first working day is 8 October.
    expect(judge.dueAt(onHoliday)).toBe(bj('2026-10-09T00:00'));
    expect(DEFAULT_RULE_SET.calendar.holidays).toContain('2026-10-07');
  });
});
