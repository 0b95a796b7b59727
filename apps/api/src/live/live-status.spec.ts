import { liveStreamStatusSchema } from '@fengqiao/contracts';
import { LiveStatusTracker, liveStatusOf } from './live-status';

describe('the live status told to the walls', () => {
  it('is ok only while the alert stream runs, and says why otherwise', () => {
    expect(liveStatusOf('running')).toEqual({ state: 'ok', reasons: [] });
    expect(liveStatusOf('waiting for Kafka')).toEqual({ state: 'degraded', reasons: ['kafka-unreachable'] });
    expect(liveStatusOf('starting')).toEqual({ state: 'degraded', reasons: ['alert-stream-starting'] });
    expect(liveStatusOf('stopped')).toEqual({ state: 'degraded', reasons: ['alert-stream-stopped'] });
  });

  it('reports a change once, keeps `since` while nothing changes, and matches the contract', () => {
    const t0 = new Date('2026-12-06T10:00:00.000Z');
    const t1 = new Date('2026-12-06T10:00:01.000Z');
    const t2 = new Date('2026-12-06T10:00:02.000Z');
    const t3 = new Date('2026-12-06T10:00:03.000Z');
    const tracker = new LiveStatusTracker('waiting for Kafka', t0);
    expect(tracker.current()).toEqual({
      state: 'degraded',
      reasons: ['kafka-unreachable'],
      since: t0.toISOString(),
    });
    expect(tracker.observe('waiting for Kafka', t1)).toBeUndefined();
    expect(tracker.current().since).toBe(t0.toISOString());
    // Still degraded, but for another reason: the wall is told.
    expect(tracker.observe('starting', t2)).toEqual({
      state: 'degraded',
      reasons: ['alert-stream-starting'],
      since: t2.toISOString(),
    });
    const ok = tracker.observe('running', t3);
    expect(ok).toEqual({ state: 'ok', reasons: [], since: t3.toISOString() });
    expect(liveStreamStatusSchema.parse(ok)).toEqual(ok);
    expect(tracker.observe('running', t3)).toBeUndefined();
  });
});
