import { randomUUID } from 'node:crypto';
import { aCameraAnalytics, aCameraId, aCameraRegistered, aCameraStatus, testConfig } from '@fengqiao/testing';
import { createHarness, eventually, type IngestHarness } from '../testing/ingest-harness';
import { freePort } from '@fengqiao/testing';
import { spawnIngest, type IngestProcess } from '../testing/ingest-process';

// SIGKILL the consumer process repeatedly while events stream in, restart it, and reconcile the
// database against the ledger of every produced event id: each exactly once, and the rollup
// counts each analytics event exactly once although batches were redelivered.
describe('ingest killed mid-batch', () => {
  const config = testConfig();
  let h: IngestHarness;
  let proc: IngestProcess | undefined;

  beforeAll(async () => {
    h = await createHarness(config);
  });
  afterAll(async () => {
    await proc?.kill('SIGKILL');
    await h.stop();
  });

  // Each restart waits for the group to drop the killed member (6 s session) plus process start-up.
  it('stores every produced event exactly once after repeated SIGKILLs', async () => {
    const county = '511922';
    const cameras = Array.from({ length: 60 }, (_, i) => aCameraId(930_000 + i, county));
    const township = `${county}${String(100 + Math.floor(Math.random() * 899))}`;
    await h.produce(
      'cameraRegistered',
      cameras.map((cameraId) => aCameraRegistered({ cameraId, region: { county, township } })),
    );
    const start = async (): Promise<IngestProcess> =>
      spawnIngest(config, {
        group: h.groupId,
        suffix: h.suffix,
        port: await freePort(),
        env: { ...process.env },
      });
    proc = await start();

    const ledger = { status: [] as string[], analytics: [] as string[] };
    let producing = true;
    const producer = (async () => {
      for (let round = 0; producing || round < 3; round++) {
        const status = cameras.map((cameraId) => aCameraStatus({ cameraId, eventId: randomUUID() }));
        const analytics = cameras
          .slice(0, 50)
          .map((cameraId) => aCameraAnalytics({ cameraId, kind: 'fight', headCount: undefined }));
        await h.produce('cameraStatus', status);
        await h.produce('cameraAnalytics', analytics);
        ledger.status.push(...status.map((e) => e.eventId));
        ledger.analytics.push(...analytics.map((e) => e.eventId));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    try {
      for (let kill = 0; kill < 3; kill++) {
        await new Promise((r) => setTimeout(r, 1000 + Math.random() * 1000));
        await proc.kill('SIGKILL');
        proc = await start();
      }
    } finally {
      producing = false;
      await producer;
    }

    const all = [...ledger.status, ...ledger.analytics];
    await eventually(
      async () => (await stored(h, all)).rows === all.length,
      30_000,
      `${all.length} events stored`,
    );
    const result = await stored(h, all);
    expect(result).toEqual({ rows: all.length, distinct: all.length });
    const rollup = await h.pool.query<{ events: number }>(
      `SELECT coalesce(sum(events), 0)::int AS events FROM region_hourly_rollup WHERE township = $1 AND source = 'analytics' AND category = 'fight'`,
      [township],
    );
    expect(rollup.rows[0]?.events).toBe(ledger.analytics.length);
  }, 60_000);
});

async function stored(h: IngestHarness, ids: string[]): Promise<{ rows: number; distinct: number }> {
  const res = await h.pool.query<{ rows: number; distinct: number }>(
    `SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS distinct FROM (
       SELECT event_id FROM camera_status_events WHERE event_id = ANY($1::uuid[])
       UNION ALL SELECT event_id FROM camera_analytics_events WHERE event_id = ANY($1::uuid[])) AS t`,
    [ids],
  );
  return res.rows[0] ?? { rows: 0, distinct: 0 };
}
