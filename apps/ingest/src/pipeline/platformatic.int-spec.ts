import { randomUUID } from 'node:crypto';
import { aCameraId, aCameraRegistered, aCameraStatus, freePort, testConfig } from '@fengqiao/testing';
import { createHarness, eventually, type IngestHarness } from '../testing/ingest-harness';
import { spawnIngest, type IngestProcess } from '../testing/ingest-process';

// The ingest on the @platformatic/kafka batch consumer (FQ_KAFKA_CLIENT=platformatic). It runs as its
// own process because the client is an ES module, which Jest's CommonJS runtime cannot load.
describe('ingest on @platformatic/kafka', () => {
  const config = testConfig();
  let h: IngestHarness;
  let proc: IngestProcess | undefined;
  const start = async (): Promise<IngestProcess> =>
    spawnIngest(config, {
      group: h.groupId,
      suffix: h.suffix,
      port: await freePort(),
      env: { ...process.env, FQ_KAFKA_CLIENT: 'platformatic' },
    });

  beforeAll(async () => {
    h = await createHarness(config);
  });
  afterAll(async () => {
    await proc?.kill('SIGKILL');
    await h.stop();
  });

  it('stores a batch exactly once and commits its offsets, so a restarted member reads nothing again', async () => {
    const county = '511921';
    const cameras = Array.from({ length: 40 }, (_, i) => aCameraId(940_000 + i, county));
    await h.produce(
      'cameraRegistered',
      cameras.map((cameraId) =>
        aCameraRegistered({ cameraId, region: { county, township: `${county}101` } }),
      ),
    );
    const ids: string[] = [];
    for (let round = 0; round < 5; round++) {
      const status = cameras.map((cameraId) => aCameraStatus({ cameraId, eventId: randomUUID() }));
      await h.produce('cameraStatus', status);
      ids.push(...status.map((e) => e.eventId));
    }
    proc = await start();
    await eventually(
      async () => (await stored(h, ids)) === ids.length,
      30_000,
      `${ids.length} events stored`,
    );
    await proc.kill('SIGTERM');

    // Offsets were committed after the database commit: the next member starts after them.
    proc = await start();
    const handled = async (): Promise<number> => {
      const text = await (await fetch(`${metricsUrl(proc)}?name=fq_ingest_events_total`)).text();
      return [...text.matchAll(/^fq_ingest_events_total\{outcome="(\w+)"\} (\d+)/gm)].reduce(
        (n, m) => n + Number(m[2]),
        0,
      );
    };
    await new Promise((r) => setTimeout(r, 3000));
    expect(await handled()).toBe(0);
    expect(await stored(h, ids)).toBe(ids.length);
  }, 90_000);
});

function metricsUrl(proc: IngestProcess | undefined): string {
  const port = proc?.child.spawnargs[proc.child.spawnargs.indexOf('--port') + 1];
  return `http://127.0.0.1:${port}/metrics`;
}

async function stored(h: IngestHarness, ids: string[]): Promise<number> {
  const res = await h.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM camera_status_events WHERE event_id = ANY($1::uuid[])`,
    [ids],
  );
  return res.rows[0]?.n ?? 0;
}
