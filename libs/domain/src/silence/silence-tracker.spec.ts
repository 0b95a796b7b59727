import fc from 'fast-check';
import { SilenceTracker } from './silence-tracker';

const WINDOW = 180_000; // 60 s keepalive × 3 missed
const opts = { tickMs: 1000, flapHoldMs: 30_000, spanMs: 200_000 };

describe('SilenceTracker', () => {
  it('goes online on the first sign of life, offline once after its window, online again on the next', () => {
    const t = new SilenceTracker(opts, 0);
    expect(t.seen('c1', 0, WINDOW)).toMatchObject({ online: true, reason: 'sign-of-life' });
    for (let s = 60_000; s <= 120_000; s += 60_000) expect(t.seen('c1', s, WINDOW)).toBeUndefined();
    expect(t.sweep(299_000)).toEqual([]);
    expect(t.sweep(300_000)).toEqual([{ cameraId: 'c1', online: false, atMs: 300_000, reason: 'silence' }]);
    expect(t.sweep(400_000)).toEqual([]);
    expect(t.seen('c1', 410_000, WINDOW)).toMatchObject({ online: true, atMs: 410_000 });
  });

  it('suppresses a flap: no offline sooner than the hold after the last change', () => {
    const t = new SilenceTracker({ ...opts, flapHoldMs: 120_000 }, 0);
    t.seen('c1', 0, 10_000);
    expect(t.sweep(10_000)).toEqual([]);
    expect(t.sweep(119_000)).toEqual([]);
    expect(t.sweep(120_000).map((x) => x.online)).toEqual([false]);
  });

  it('takes a device report of OFF at once, and not twice', () => {
    const t = new SilenceTracker(opts, 0);
    t.seen('c1', 0, WINDOW);
    expect(t.reportedOff('c1', 5000)).toMatchObject({ online: false, reason: 'reported-off' });
    expect(t.reportedOff('c1', 6000)).toBeUndefined();
    expect(t.sweep(1_000_000)).toEqual([]);
  });

  it('honours a window longer than the wheel span, and a window that shrinks', () => {
    const t = new SilenceTracker({ ...opts, spanMs: 10_000, flapHoldMs: 0 }, 0);
    t.seen('long', 0, 60_000);
    for (let s = 1000; s < 60_000; s += 7000) expect(t.sweep(s)).toEqual([]);
    expect(t.sweep(60_000).map((x) => x.cameraId)).toEqual(['long']);
    t.seen('shrink', 60_000, 60_000);
    t.seen('shrink', 61_000, 2000);
    expect(t.sweep(63_000).map((x) => x.cameraId)).toEqual(['shrink']);
  });

  it('after a long pause of the sweep, every silent camera goes offline in one sweep', () => {
    const t = new SilenceTracker(opts, 0);
    for (let i = 0; i < 100; i++) t.seen(`c${i}`, i * 10, WINDOW);
    expect(t.sweep(10_000_000)).toHaveLength(100);
  });

  // Model: offline at a sweep once max(window end, hold end) has passed: never before it, at the latest
  // at the next tick after it (the wheel's documented granularity).
  it('matches a naive model on random keepalive traces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 40_000 })), {
          maxLength: 60,
        }),
        (steps) => {
          const o = { tickMs: 1000, flapHoldMs: 5000, spanMs: 8000 };
          const t = new SilenceTracker(o, 0);
          const model = new Map<string, { seen: number; change: number; online: boolean }>();
          let now = 0;
          for (const [cam, dt] of steps) {
            now += dt;
            const id = `c${cam}`;
            const swept = t.sweep(now);
            for (const [mid, m] of model) {
              const due = Math.max(m.seen + 20_000, m.change + o.flapHoldMs);
              const off = swept.some((s) => s.cameraId === mid);
              // Never before its due time, never later than the tick after it.
              if (off) expect(m.online && due <= now).toBe(true);
              if (m.online && Math.ceil(due / o.tickMs) * o.tickMs <= now) expect(off).toBe(true);
              if (off) Object.assign(m, { online: false, change: now });
            }
            const m = model.get(id);
            const change = t.seen(id, now, 20_000);
            expect(change !== undefined).toBe(m === undefined || !m.online);
            model.set(id, {
              seen: now,
              change: change === undefined ? (m?.change ?? now) : now,
              online: true,
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
