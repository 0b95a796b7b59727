import { TcpProxy, aCameraId, aCameraRegistered, aCameraStatus, testConfig } from '@fengqiao/testing';
import { createIngestApp, type IngestApp } from '../ingest-app';
import { createHarness, eventually, type IngestHarness } from '../testing/ingest-harness';

// The database disappears (its connections reset, new ones refused) while events keep arriving:
// the ingest pauses, reports itself degraded, resumes by itself when the database is back, and
// stores everything exactly once.
describe('ingest while the database is unreachable', () => {
  const config = testConfig();
  let h: IngestHarness;
  let app: IngestApp;
  let proxy: TcpProxy;
  let url: string;

  beforeAll(async () => {
    h = await createHarness(config);
    const pg = new URL(config.postgres.url);
    proxy = await TcpProxy.start({ host: pg.hostname, port: Number(pg.port) });
    pg.port = String(proxy.port);
    const viaProxy = { ...config, postgres: { ...config.postgres, url: pg.toString() } };
    app = createIngestApp(viaProxy, { groupId: h.groupId, topicSuffix: h.suffix, port: 0 });
    ({ url } = await app.start());
  });
  afterAll(async () => {
    await app.stop();
    await proxy.cut();
    await h.stop();
  });

  it('pauses, answers 503 on /health, resumes by itself and loses nothing', async () => {
    const camera = aCameraId(940001, '511903');
    await h.produce('cameraRegistered', [aCameraRegistered({ cameraId: camera })]);
    await eventually(
      async () => (await h.pool.query('SELECT 1 FROM cameras WHERE camera_id = $1', [camera])).rowCount === 1,
    );

    await proxy.cut();
    const during = Array.from({ length: 50 }, () => aCameraStatus({ cameraId: camera }));
    await h.produce('cameraStatus', during);
    await eventually(
      async () => (await fetch(`${url}/health`)).status === 503,
      15_000,
      'health to report degraded',
    );
    const degraded = (await (await fetch(`${url}/health`)).json()) as {
      status: string;
      components: { name: string; ok: boolean }[];
    };
    expect(degraded.status).toBe('degraded');
    expect(degraded.components.find((c) => c.name === 'database')?.ok).toBe(false);
    expect(await (await fetch(`${url}/metrics`)).text()).toMatch(/^fq_ingest_db_available 0$/m);
    expect(await storedCount(h, during)).toBe(0);

    await new Promise((r) => setTimeout(r, 2000));
    await proxy.restore();
    await eventually(
      async () => (await storedCount(h, during)) === during.length,
      20_000,
      'events stored after the outage',
    );
    await eventually(async () => (await fetch(`${url}/health`)).status === 200, 10_000, 'health to recover');
    const after = aCameraStatus({ cameraId: camera });
    await h.produce('cameraStatus', [after]);
    await eventually(async () => (await storedCount(h, [after])) === 1, 10_000, 'consumption resumed');
    expect(await storedCount(h, during)).toBe(during.length);
  });
});

async function storedCount(h: IngestHarness, events: readonly { eventId: string }[]): Promise<number> {
  const res = await h.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM camera_status_events WHERE event_id = ANY($1::uuid[])',
    [events.map((e) => e.eventId)],
  );
  return res.rows[0]?.n ?? 0;
}
