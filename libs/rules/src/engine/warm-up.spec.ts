import { Harness, onlyRules } from '../__fixtures__/engine';
import { HOUR, MIN, reported, T0 } from '../__fixtures__/events';
import { step } from './step';
import { warmUp } from './warm-up';

describe('warm-up after a restart', () => {
  it('rebuilds a window silently; the next tick raises what should be firing', () => {
    const h = new Harness({ ruleSet: onlyRules('disputes-township-24h') });
    for (let i = 0; i < 5; i++) warmUp(h.ctx, h.state, { kind: 'case', event: reported(T0 + i * MIN) });
    expect(h.decisions).toEqual([]);
    expect(Harness.summary(h.tick(T0 + 10 * MIN))).toEqual(['raised disputes-township-24h orange']);
  });

  it('an alert adopted from the database is not raised again after warm-up', () => {
    const first = new Harness({ ruleSet: onlyRules('disputes-township-24h') });
    const events = Array.from({ length: 5 }, (_, i) => reported(T0 + i * MIN));
    for (const e of events) first.feed({ kind: 'case', event: e }, Date.parse(e.occurredAt));
    const stored = [...first.state.book.byKey.values()].map((x) => x.alert);
    const restarted = new Harness({ ruleSet: onlyRules('disputes-township-24h') });
    for (const alert of stored) {
      const change = {
        schema: 'alert.changed.v1',
        eventId: alert.alertId,
        occurredAt: alert.updatedAt,
        seq: 1,
        change: 'updated',
        alert,
      } as const;
      step(restarted.ctx, restarted.state, { kind: 'alert-changed', change, authoritative: true }, T0 + HOUR);
    }
    for (const e of events) warmUp(restarted.ctx, restarted.state, { kind: 'case', event: e });
    expect(restarted.tick(T0 + HOUR)).toEqual([]);
  });
});
