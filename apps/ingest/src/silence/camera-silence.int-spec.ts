import { aCameraId, aCameraRegistered, aCameraStatus, testConfig } from '@fengqiao/testing';
import { createIngestApp, type IngestApp } from '../ingest-app';
import { createHarness, eventually, type IngestHarness } from '../testing/ingest-harness';

/**
 * Silence of the simulator's heartbeats on the real broker and database, with two ingest instances
 * in one consumer group: every silent camera gets exactly one offline event within its window plus
 * one sweep, the talking ones stay online, and the next heartbeat brings a camera back.
 */
describe('silence of cameras reporting through the ingest (two instances in one group)', () => {
  const base = testConfig();
  const WINDOW_MS = 3000; // heartbeat 1 s × 3 missed, scaled down from 30 s × 3
  const SWEEP_MS = 250;
  const config = {
    ...base,
    tuning: {
      ...base.tuning,
      ingest: {
        ...base.tuning.ingest,
        silence: { windowMs: { simulator: WINDOW_MS }, sweepMs: SWEEP_MS, flapHoldMs: 1000 },
      },
    },
  };
  const cameras = Array.from({ length: 8 }, (_, i) => aCameraId(950_101 + i, '511902'));
  const silent = cameras.slice(0, 4);
  const talking = cameras.slice(4);
  let h: IngestHarness;
  let apps: IngestApp[] = [];
  let beating = new Set(cameras);
  let timer: NodeJS.Timeout | undefined;
  const startedAt = new Date();

  const beat = (ids: readonly string[]): Promise<void> =>
    h.produce(
      'cameraStatus',
      ids.map((cameraId) =>
        aCameraStatus({ cameraId, source: 'simulator', occurredAt: new Date().toISOString() }),
      ),
    );
  const state = async (): Promise<Map<string, boolean>> => {
    const { rows } = await h.pool.query<{ camera_id: string; online: boolean }>(
      'SELECT camera_id, online FROM camera_state WHERE camera_id = ANY($1)',
      [cameras],
    );
    return new Map(rows.map((r) => [r.camera_id, r.online]));
  };
  const offlineEvents = async (): Promise<Map<string, number>> => {
    const { rows } = await h.pool.query<{ camera_id: string; n: number }>(
      `SELECT camera_id, count(*)::int AS n FROM camera_status_events
        WHERE camera_id = ANY($1) AND NOT online AND occurred_at >= $2 GROUP BY camera_id`,
      [cameras, startedAt],
    );
    return new Map(rows.map((r) => [r.camera_id, r.n]));
  };

  beforeAll(async () => {
    h = await createHarness(base);
    apps = [0, 1].map(() => createIngestApp(config, { groupId: h.groupId, topicSuffix: h.suffix, port: 0 }));
    for (const app of apps) await app.start();
    await h.produce(
      'cameraRegistered',
      cameras.map((cameraId) => aCameraRegistered({ cameraId })),
    );
    await eventually(
      async () =>
        (await h.pool.query('SELECT 1 FROM cameras WHERE camera_id = ANY($1)', [cameras])).rowCount ===
        cameras.length,
    );
    timer = setInterval(() => void beat([...beating]), 1000);
  });
  afterAll(async () => {
    clearInterval(timer);
    await Promise.all(apps.map((a) => a.stop()));
    await h.stop();
  });

  it('turns each silent camera offline once within window + one sweep, and back online on its next heartbeat', async () => {
    await eventually(async () => [...(await state()).values()].filter(Boolean).length === cameras.length);
    beating = new Set(talking);
    const lastBeat = Date.now();
    await eventually(
      async () => [...(await state()).values()].filter((on) => !on).length === silent.length,
      WINDOW_MS + 1000 + 15_000,
      'silent cameras offline',
    );
    const tookMs = Date.now() - lastBeat;
    const now = await state();
    for (const id of silent) expect(now.get(id)).toBe(false);
    for (const id of talking) expect(now.get(id)).toBe(true);
    // The window counts from the last heartbeat stored (≤ 1 s after lastBeat) plus one sweep and the trip
    // through Kafka: well under twice the window here.
    expect(tookMs).toBeLessThan(2 * WINDOW_MS + 2000);
    // Several windows later: still exactly one offline event per silent camera, none for the others.
    await new Promise((r) => setTimeout(r, 2 * WINDOW_MS));
    const offline = await offlineEvents();
    expect(Object.fromEntries(offline)).toEqual(Object.fromEntries(silent.map((id) => [id, 1])));
    // The next heartbeat brings one back.
    const back = silent[0] ?? '';
    beating.add(back);
    await eventually(async () => (await state()).get(back) === true, 10_000, 'camera back online');
    expect((await state()).get(silent[1] ?? '')).toBe(false);
  }, 60_000);
});
