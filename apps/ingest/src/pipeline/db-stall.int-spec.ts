import { type FengqiaoConfig } from '@fengqiao/config';
import { TcpProxy, aCameraId, aCameraRegistered, aCameraStatus, testConfig } from '@fengqiao/testing';
import { createIngestApp, type IngestApp } from '../ingest-app';
import { createHarness, eventually, type IngestHarness } from '../testing/ingest-harness';

const WINDOW_MS = 4000;

/** Short limits, so the stall is seen in seconds (the defaults are minutes-scale). */
function stallConfig(config: FengqiaoConfig, url: string): FengqiaoConfig {
  const { tuning } = config;
  return {
    ...config,
    postgres: { ...config.postgres, url },
    tuning: {
      ...tuning,
      db: { ...tuning.db, statementTimeoutMs: 2000, queryTimeoutMs: 2500, keepAliveInitialDelayMs: 1000 },
      health: { ...tuning.health, progressWindowMs: WINDOW_MS, dbTimeoutMs: 800 },
    },
  };
}

interface Health {
  status: string;
  components: { name: string; ok: boolean; detail: string }[];
}

// The database's connections stall without closing (a network that drops packets, a half-open
// peer): no error, no answer. The ingest must not wedge behind them while /health says ok; health
// turns not ok within the progress window, and the ingest carries on by itself once the network
// does, storing everything exactly once.
describe('ingest while its database connections stall (frozen TCP proxy)', () => {
  const config = testConfig();
  let h: IngestHarness;
  let app: IngestApp;
  let proxy: TcpProxy;
  let url: string;
  const health = async (): Promise<{ code: number; body: Health }> => {
    const res = await fetch(`${url}/health`);
    return { code: res.status, body: (await res.json()) as Health };
  };
  const component = (body: Health, name: string) => body.components.find((c) => c.name === name);

  beforeAll(async () => {
    h = await createHarness(config);
    const pg = new URL(config.postgres.url);
    proxy = await TcpProxy.start({ host: pg.hostname, port: Number(pg.port) });
    pg.port = String(proxy.port);
    app = createIngestApp(stallConfig(config, pg.toString()), {
      groupId: h.groupId,
      topicSuffix: h.suffix,
      port: 0,
    });
    ({ url } = await app.start());
  });
  afterAll(async () => {
    proxy.thaw();
    await app.stop();
    await proxy.cut();
    await h.stop();
  });

  it('reports not ok within the window while stalled, recovers when the network does, loses nothing', async () => {
    const camera = aCameraId(940101, '511903');
    await h.produce('cameraRegistered', [aCameraRegistered({ cameraId: camera })]);
    await eventually(
      async () => (await h.pool.query('SELECT 1 FROM cameras WHERE camera_id = $1', [camera])).rowCount === 1,
    );
    await eventually(async () => (await health()).code === 200, 10_000, 'healthy before the stall');

    proxy.freeze();
    const frozenAt = Date.now();
    const during = Array.from({ length: 40 }, () => aCameraStatus({ cameraId: camera }));
    await h.produce('cameraStatus', during);
    await eventually(
      async () => component((await health()).body, 'consumer')?.ok === false,
      WINDOW_MS + 10_000,
      'the consumer to be reported stuck',
    );
    const stuck = await health();
    expect(stuck.code).toBe(503);
    expect(stuck.body.status).toBe('degraded');
    expect(component(stuck.body, 'consumer')?.detail).toMatch(/no progress/);
    expect(component(stuck.body, 'database')).toMatchObject({ ok: false });
    expect(Date.now() - frozenAt).toBeLessThan(WINDOW_MS + 10_000);
    expect(await storedCount(h, during)).toBe(0);

    proxy.thaw();
    await eventually(
      async () => (await storedCount(h, during)) === during.length,
      30_000,
      'events stored after the stall',
    );
    await eventually(async () => (await health()).code === 200, 15_000, 'health to recover');
    const after = aCameraStatus({ cameraId: camera });
    await h.produce('cameraStatus', [after]);
    await eventually(async () => (await storedCount(h, [after])) === 1, 15_000, 'consumption resumed');
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
