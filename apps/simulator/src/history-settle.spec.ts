import { caseEventSchema } from '@fengqiao/contracts';
import { KEEP_OPEN_WITHIN_MS, type OverdueCase, settleOverdue } from './history-settle';

const END = Date.parse('2026-11-27T00:00:00+08:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const overdueBy = (lateMs: readonly number[]): OverdueCase[] =>
  lateMs.map((late, i) => ({
    caseId: `C511902-20260901-${String(i).padStart(5, '0')}`,
    channel: 'window',
    region: { county: '511902', township: '511902001' },
    dueAtMs: END - late,
  }));
// Due 1 h, 7 h, 13 h, ... before the end: eight within the last two days, the rest up to a week.
const overdue = overdueBy(Array.from({ length: 30 }, (_, i) => (6 * i + 1) * HOUR));

describe('settleOverdue', () => {
  const events = settleOverdue(overdue, END, 7);
  const resolved = events.filter((e) => e.type === 'resolved');

  it('closes a case weeks late even when only a few are overdue (one was left 11.7 days late)', () => {
    const few = overdueBy([12 * DAY, 10 * DAY, 3 * DAY, 47 * HOUR, 2 * HOUR]);
    const closed = settleOverdue(few, END, 7).filter((e) => e.type === 'closed');
    expect(closed.map((e) => e.caseId).sort()).toEqual(few.slice(0, 3).map((c) => c.caseId));
    expect(KEEP_OPEN_WITHIN_MS).toBe(2 * DAY);
  });

  it('closes all but a handful of the overdue cases, keeping the most recently due open', () => {
    expect(resolved).toHaveLength(25);
    const open = overdue.filter((c) => !resolved.some((e) => e.caseId === c.caseId));
    expect(open.map((c) => c.dueAtMs).sort()).toEqual(
      overdue
        .slice(0, 5)
        .map((c) => c.dueAtMs)
        .sort(),
    );
  });

  it('resolves each late but before the history ends, then closes it, with valid events', () => {
    for (const e of resolved) {
      const c = overdue.find((o) => o.caseId === e.caseId);
      const at = Date.parse(e.occurredAt);
      expect(at).toBeGreaterThan(c?.dueAtMs ?? Infinity);
      expect(at).toBeLessThan(END);
      const closed = events.find((x) => x.caseId === e.caseId && x.type === 'closed');
      expect(Date.parse(closed?.occurredAt ?? '')).toBeGreaterThan(at);
      expect(Date.parse(closed?.occurredAt ?? '')).toBeLessThan(END);
    }
    expect(events.every((e) => caseEventSchema.safeParse(e).success)).toBe(true);
  });

  it('is deterministic: the same seed settles the same way', () => {
    expect(settleOverdue(overdue, END, 7)).toEqual(events);
  });
});
