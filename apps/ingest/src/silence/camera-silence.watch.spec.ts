import { type CameraStatus } from '@fengqiao/contracts';
import { CameraSilenceWatch, silenceVerdict, type HeardCamera } from './camera-silence.watch';

const WINDOW = 90_000; // 30 s heartbeat × 3 missed
const settings = { windowMs: { simulator: WINDOW }, sweepMs: 1000, flapHoldMs: 30_000 };
const T0 = Date.parse('2026-12-07T03:00:00.000Z');

function beat(
  cameraId: string,
  atMs: number,
  online = true,
  source: CameraStatus['source'] = 'simulator',
): CameraStatus {
  return {
    schema: 'camera.status.v1',
    eventId: '00000000-0000-4000-8000-000000000001',
    occurredAt: new Date(atMs).toISOString(),
    cameraId,
    online,
    source,
  };
}

/** camera_state as the confirm port sees it: the newest stored status per camera. */
function world() {
  const state = new Map<string, { online: boolean; seenAtMs: number }>();
  const sent: CameraStatus[] = [];
  const store = (e: CameraStatus): void => {
    const before = state.get(e.cameraId);
    const at = Date.parse(e.occurredAt);
    if (before === undefined || before.seenAtMs < at)
      state.set(e.cameraId, { online: e.online, seenAtMs: at });
  };
  const watch = new CameraSilenceWatch(
    settings,
    {
      stillSilent: (cs: readonly HeardCamera[]) =>
        Promise.resolve(
          new Set(
            cs
              .filter((c) => {
                const s = state.get(c.cameraId);
                return s !== undefined && s.online && s.seenAtMs <= c.heardAtMs;
              })
              .map((c) => c.cameraId),
          ),
        ),
    },
    (events) => {
      sent.push(...events);
      return Promise.resolve();
    },
    T0,
  );
  const hear = (e: CameraStatus, nowMs: number): void => {
    store(e);
    watch.heardStatuses([e], nowMs);
  };
  return { watch, sent, hear, store, state };
}

describe('CameraSilenceWatch (the ingest watching simulator heartbeats)', () => {
  it('sends one offline event within window + one sweep, none while heartbeats come, and none twice', async () => {
    const w = world();
    for (let t = T0; t <= T0 + 60_000; t += 30_000) {
      w.hear(beat('c1', t), t);
      expect(await w.watch.sweep(t)).toBe(0);
    }
    const last = T0 + 60_000;
    expect(await w.watch.sweep(last + WINDOW - 1000)).toBe(0);
    expect(await w.watch.sweep(last + WINDOW + 1000)).toBe(1);
    expect(w.sent[0]).toMatchObject({ cameraId: 'c1', online: false, source: 'simulator' });
    expect(w.sent[0]?.occurredAt).toBe(new Date(last + WINDOW).toISOString());
    // Our own event comes back through the topic: no second verdict, ever.
    w.hear(w.sent[0] as CameraStatus, last + WINDOW + 1500);
    expect(await w.watch.sweep(last + 10 * WINDOW)).toBe(0);
    expect(w.sent).toHaveLength(1);
  });

  it('back online with the next heartbeat, and offline again after a new window', async () => {
    const w = world();
    w.hear(beat('c1', T0), T0);
    await w.watch.sweep(T0 + WINDOW + 1000);
    w.hear(w.sent[0] as CameraStatus, T0 + WINDOW + 1000);
    const back = T0 + 200_000;
    w.hear(beat('c1', back), back);
    expect(w.state.get('c1')?.online).toBe(true);
    expect(await w.watch.sweep(back + WINDOW - 1000)).toBe(0);
    expect(await w.watch.sweep(back + WINDOW + 1000)).toBe(1);
    expect(w.sent.map((e) => e.occurredAt)).toEqual([
      new Date(T0 + WINDOW).toISOString(),
      new Date(back + WINDOW).toISOString(),
    ]);
  });

  it('flap suppression: no offline sooner than the hold after the last change', async () => {
    const w = world();
    const s = { ...settings, flapHoldMs: 200_000 };
    const watch = new CameraSilenceWatch(
      s,
      { stillSilent: (c) => Promise.resolve(new Set(c.map((x) => x.cameraId))) },
      (e) => {
        w.sent.push(...e);
        return Promise.resolve();
      },
      T0,
    );
    watch.heardStatuses([beat('c1', T0)], T0);
    expect(await watch.sweep(T0 + WINDOW + 1000)).toBe(0);
    expect(await watch.sweep(T0 + 200_000 + 1000)).toBe(1);
  });

  it('steps back when a newer status was stored by someone else (a partition moved to another instance)', async () => {
    const w = world();
    w.hear(beat('c1', T0), T0);
    // The other instance stores c1's next heartbeats; this one never hears them.
    w.store(beat('c1', T0 + 30_000));
    expect(await w.watch.sweep(T0 + WINDOW + 1000)).toBe(0);
    expect(w.watch.watched).toBe(0);
  });

  it('watches only the simulator source: device and media cameras are swept by their own services', async () => {
    const w = world();
    w.hear(beat('d1', T0, true, 'device'), T0);
    w.hear(beat('m1', T0, true, 'media'), T0);
    const { source: _omitted, ...old } = beat('x1', T0);
    w.hear(old, T0); // an older producer without `source`
    expect(await w.watch.sweep(T0 + 10 * WINDOW)).toBe(0);
    expect(w.watch.watched).toBe(0);
  });

  it('a camera the simulator reports offline is not declared offline again', async () => {
    const w = world();
    w.hear(beat('c1', T0, false), T0);
    expect(await w.watch.sweep(T0 + 10 * WINDOW)).toBe(0);
  });

  it('a verdict the database could not confirm is asked again on the next sweep', async () => {
    let down = true;
    const sent: CameraStatus[] = [];
    const watch = new CameraSilenceWatch(
      settings,
      {
        stillSilent: (c) =>
          down ? Promise.reject(new Error('db down')) : Promise.resolve(new Set(c.map((x) => x.cameraId))),
      },
      (e) => {
        sent.push(...e);
        return Promise.resolve();
      },
      T0,
    );
    watch.heardStatuses([beat('c1', T0)], T0);
    await expect(watch.sweep(T0 + WINDOW + 1000)).rejects.toThrow('db down');
    down = false;
    expect(await watch.sweep(T0 + WINDOW + 2000)).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('the verdict is deterministic: two instances that heard the same heartbeat send the same event', () => {
    const c = { cameraId: 'c1', heardAtMs: T0, windowMs: WINDOW };
    expect(silenceVerdict(c)).toEqual(silenceVerdict({ ...c }));
    expect(silenceVerdict(c).eventId).not.toBe(silenceVerdict({ ...c, heardAtMs: T0 + 1 }).eventId);
  });
});
