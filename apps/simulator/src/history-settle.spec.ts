import { caseEventSchema } from '@fengqiao/contracts';
import { type OverdueCase, settleOverdue } from './history-settle';

const END = Date.parse('2026-11-27T00:00:00+08:00');
const DAY = 86_400_000;
const overdue: OverdueCase[] = Array.from({ length: 30 }, (_, i) => ({
  caseId: `C511902-20260901-${String(i).padStart(5, '0')}`,
  channel: 'window',
  region: { county: '511902', township: '511902001' },
  dueAtMs: END - (i + 1) * DAY,
}));

describe('settleOverdue', () => {
  const events = settleOverdue(overdue, END, 7);
  const resolved = events.filter((e) => e.type === 'resolved');

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
