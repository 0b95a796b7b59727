import { type Alert, type AlertState } from '@fengqiao/contracts';
import { QUEUE_CAPACITY, initialTakeover, reduceTakeover, secondsLeft, type TakeoverState } from './takeover';

const T0 = Date.parse('2026-12-07T02:00:00.000Z');
const MIN = 60_000;
const DURATION = 2 * MIN;

function red(n: number, overrides: Partial<Alert> = {}): Alert {
  const at = new Date(T0 + n * 1000).toISOString();
  return {
    alertId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    dedupKey: `k${n}`,
    ruleId: 'violence-risk',
    ruleVersion: 1,
    colour: 'red',
    state: 'raised',
    version: 1,
    title: `red ${n}`,
    region: { county: '511902', township: '511902001' },
    escalationLevel: 'grid',
    raisedAt: at,
    updatedAt: at,
    explanation: { summary: 's', evidence: [], values: {}, thresholds: {} },
    ...overrides,
  };
}
const moved = (a: Alert, state: AlertState): Alert => ({ ...a, state, version: a.version + 1 });

const see = (s: TakeoverState, alerts: Alert[], now: number) =>
  reduceTakeover(s, { kind: 'alerts', alerts, now });
const tick = (s: TakeoverState, now: number) => reduceTakeover(s, { kind: 'tick', now });
const start = initialTakeover(DURATION);

describe('incident takeover', () => {
  it('a new red takes the wall for the configured time, then the wall returns to its rotation', () => {
    const a = red(1);
    const s1 = see(start, [a], T0 + 2000);
    expect(s1.current).toEqual({ alertId: a.alertId, since: T0 + 2000, until: T0 + 2000 + DURATION });
    expect(secondsLeft(s1, T0 + 2000 + 30_500)).toBe(90);
    expect(tick(s1, T0 + 2000 + DURATION - 1)).toBe(s1);
    const s2 = tick(s1, T0 + 2000 + DURATION);
    expect(s2.current).toBeUndefined();
    expect(secondsLeft(s2, T0)).toBe(0);
    // The same red, still unacknowledged, does not take the wall a second time.
    expect(see(s2, [a], T0 + DURATION + 3000).current).toBeUndefined();
  });

  it.each<[string, Partial<Alert>]>([
    ['an orange alert', { colour: 'orange' }],
    ['a red already acknowledged', { state: 'acknowledged' }],
    ['a red that was only escalated', { state: 'escalated' }],
    ['a red raised longer ago than a takeover lasts', { raisedAt: new Date(T0 - DURATION).toISOString() }],
  ])('%s does not take the wall', (_title, overrides) => {
    expect(see(start, [red(0, overrides)], T0)).toBe(start);
  });

  it('a red reopened just now takes the wall again', () => {
    const a = red(0, { state: 'reopened', raisedAt: new Date(T0 - 3600_000).toISOString() });
    expect(see(start, [a], T0 + 1000).current?.alertId).toBe(a.alertId);
  });

  it('the officer acknowledging releases the wall at once; the next red waiting takes it', () => {
    const [a, b] = [red(1), red(2)];
    const s1 = see(start, [a, b], T0 + 3000);
    expect(s1.current?.alertId).toBe(a.alertId);
    expect(s1.queue).toEqual([b.alertId]);
    const s2 = see(s1, [moved(a, 'acknowledged'), b], T0 + 10_000);
    expect(s2.current).toEqual({ alertId: b.alertId, since: T0 + 10_000, until: T0 + 10_000 + DURATION });
    expect(s2.queue).toEqual([]);
    const s3 = see(s2, [moved(a, 'acknowledged'), moved(b, 'resolved')], T0 + 11_000);
    expect(s3.current).toBeUndefined();
  });

  it('two concurrent reds queue: the second takes the wall when the first one’s time is up', () => {
    const [a, b] = [red(1), red(2)];
    // Listed newest first (as the book may): the older red still goes first.
    const s1 = see(start, [b, a], T0 + 2000);
    expect(s1.current?.alertId).toBe(a.alertId);
    const s2 = tick(s1, T0 + 2000 + DURATION);
    expect(s2.current).toEqual({
      alertId: b.alertId,
      since: T0 + 2000 + DURATION,
      until: T0 + 2000 + 2 * DURATION,
    });
    expect(tick(s2, T0 + 2000 + 2 * DURATION).current).toBeUndefined();
  });

  it('a red arriving during a takeover waits its turn and keeps it when the officer takes the first', () => {
    const [a, b] = [red(1), red(5)];
    const s1 = see(start, [a], T0 + 2000);
    const s2 = see(s1, [a, b], T0 + 6000);
    expect(s2.current).toBe(s1.current);
    expect(s2.queue).toEqual([b.alertId]);
    // Seen again with the next book: not queued twice.
    expect(see(s2, [a, b], T0 + 7000)).toBe(s2);
    expect(see(s2, [moved(a, 'acknowledged'), b], T0 + 8000).current?.alertId).toBe(b.alertId);
  });

  it('a waiting red acknowledged meanwhile never takes the wall', () => {
    const [a, b] = [red(1), red(2)];
    const s1 = see(start, [a, b], T0 + 3000);
    const s2 = see(s1, [a, moved(b, 'acknowledged')], T0 + 4000);
    expect(s2.queue).toEqual([]);
    expect(tick(s2, T0 + 3000 + DURATION).current).toBeUndefined();
  });

  it('an escalation keeps the wall (still nobody has it); an alert gone from the book releases it', () => {
    const a = red(1);
    const s1 = see(start, [a], T0 + 2000);
    expect(see(s1, [moved(a, 'escalated')], T0 + 5000)).toBe(s1);
    expect(see(s1, [], T0 + 5000).current).toBeUndefined();
  });

  it('bounds what it keeps: a storm of reds queues at most the newest QUEUE_CAPACITY', () => {
    const storm = Array.from({ length: 60 }, (_, n) => red(n + 1));
    const s = see(start, storm, T0 + 61_000);
    expect(s.current?.alertId).toBe(storm[0]?.alertId);
    expect(s.queue).toHaveLength(QUEUE_CAPACITY);
    expect(s.queue.at(-1)).toBe(storm[59]?.alertId);
  });

  it('does nothing when incident mode is off (duration 0)', () => {
    const off = initialTakeover(0);
    expect(see(off, [red(1)], T0 + 2000)).toBe(off);
  });
});
