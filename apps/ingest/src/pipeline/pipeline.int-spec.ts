import {
  aCameraAnalytics,
  aCameraId,
  aCameraRegistered,
  aCameraStatus,
  aCaseReported,
  testConfig,
} from '@fengqiao/testing';
import { type IngestApp } from '../ingest-app';
import { createHarness, eventually, startIngest, type IngestHarness } from '../testing/ingest-harness';

// The consumer against the real broker and database: valid events stored exactly once (also when
// delivered again), camera events without a registered camera dead-lettered with their coordinates,
// and offsets that move only after the database commit.
describe('ingest pipeline', () => {
  const config = testConfig();
  let h: IngestHarness;
  let app: IngestApp;
  const cameras = [aCameraId(910001, '511921'), aCameraId(910002, '511921')];

  beforeAll(async () => {
    h = await createHarness(config);
    ({ app } = await startIngest(config, h));
    await h.produce(
      'cameraRegistered',
      cameras.map((cameraId) => aCameraRegistered({ cameraId })),
    );
    await eventually(
      async () => (await count(h, 'SELECT count(*) FROM cameras WHERE camera_id = ANY($1)', [cameras])) === 2,
    );
  });
  afterAll(async () => {
    await app.stop();
    await h.stop();
  });

  it('stores every kind of valid event once, also when the same events are delivered again', async () => {
    const hour = '2026-11-27T01:00:00.000Z';
    const status = cameras.map((cameraId, i) =>
      aCameraStatus({ cameraId, occurredAt: hour, online: i === 0, source: i === 0 ? 'media' : undefined }),
    );
    const analytics = cameras.map((cameraId) =>
      aCameraAnalytics({ cameraId, occurredAt: new Date().toISOString() }),
    );
    const cases = [1, 2, 3].map((n) =>
      aCaseReported({
        caseId: `C511923-20261127-9${String(n).padStart(4, '0')}`,
        region: { county: '511923', township: '511923077' },
      }),
    );
    // Other suites of this run write to the same townships: assert what this test adds.
    const before = await rollupOf(h);
    for (let round = 0; round < 2; round++) {
      await h.produce('cameraStatus', status);
      await h.produce('cameraAnalytics', analytics);
      await h.produce('case', cases);
    }
    const ids = [...status, ...analytics, ...cases].map((e) => e.eventId);
    await eventually(async () => (await storedCount(h, ids)) === ids.length, 30_000, 'all events stored');
    await new Promise((r) => setTimeout(r, 1500)); // give the redelivered round time to (not) add rows
    expect(await storedCount(h, ids)).toBe(ids.length);
    const state = await h.pool.query<{ camera_id: string; online: boolean }>(
      'SELECT camera_id, online FROM camera_state WHERE camera_id = ANY($1) ORDER BY camera_id',
      [cameras],
    );
    expect(state.rows).toEqual([
      { camera_id: cameras[0], online: true },
      { camera_id: cameras[1], online: false },
    ]);
    const after = await rollupOf(h);
    expect(added(before, after)).toEqual({ 'analytics 511921001': 2, 'case 511923077': 3 });
    // Who reported a status is kept (null for producers that predate the field).
    const sources = await h.pool.query<{ source: string | null }>(
      'SELECT source FROM camera_status_events WHERE event_id = ANY($1::uuid[]) ORDER BY camera_id',
      [status.map((e) => e.eventId)],
    );
    expect(sources.rows.map((r) => r.source)).toEqual(['media', null]);
  });

  it('dead-letters a status of an unregistered camera with the reason and its source coordinates', async () => {
    const ghost = aCameraStatus({ cameraId: aCameraId(999999, '511922') });
    const neighbour = aCameraStatus({ cameraId: cameras[0] });
    await h.produce('cameraStatus', [ghost, neighbour]);
    const [letter] = await h.readDeadLetters('cameraStatus', 1);
    expect(letter).toMatchObject({ code: 'UNKNOWN_CAMERA', sourceTopic: h.topics.byKind.cameraStatus });
    expect(JSON.parse(letter?.value?.toString() ?? '{}')).toEqual(ghost);
    expect(Number(letter?.sourcePartition)).toBeGreaterThanOrEqual(0);
    expect(Number(letter?.sourceOffset)).toBeGreaterThanOrEqual(0);
    await eventually(async () => (await storedCount(h, [neighbour.eventId])) === 1);
    expect(await storedCount(h, [ghost.eventId])).toBe(0);
  });

  it('commits offsets only after the database commit', async () => {
    const topic = h.topics.byKind.cameraStatus;
    const blocker = await h.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE camera_state IN ACCESS EXCLUSIVE MODE');
      const before = await committed(h, topic);
      const held = aCameraStatus({ cameraId: cameras[1] });
      await h.produce('cameraStatus', [held]);
      await new Promise((r) => setTimeout(r, 3000)); // the consumer has fetched it and is blocked on the lock
      expect(await committed(h, topic)).toBe(before);
      await blocker.query('ROLLBACK');
      await eventually(async () => (await committed(h, topic)) === before + 1, 20_000, 'offset commit');
      expect(await storedCount(h, [held.eventId])).toBe(1);
    } finally {
      blocker.release();
    }
  });
});

async function count(h: IngestHarness, sql: string, args: unknown[]): Promise<number> {
  const res = await h.pool.query<{ count: number }>(sql, args);
  return res.rows[0]?.count ?? 0;
}

async function storedCount(h: IngestHarness, ids: string[]): Promise<number> {
  return count(
    h,
    `SELECT (SELECT count(*) FROM camera_status_events WHERE event_id = ANY($1::uuid[]))
          + (SELECT count(*) FROM camera_analytics_events WHERE event_id = ANY($1::uuid[]))
          + (SELECT count(*) FROM case_events WHERE event_id = ANY($1::uuid[])) AS count`,
    [ids],
  );
}

/** Sum of the group's committed offsets over the topic's partitions (-1 for none counts as 0). */
async function committed(h: IngestHarness, topic: string): Promise<number> {
  const admin = h.kafka.admin();
  await admin.connect();
  try {
    const [res] = await admin.fetchOffsets({ groupId: h.groupId, topics: [topic] });
    return (res?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  } finally {
    await admin.disconnect();
  }
}

async function rollupOf(h: IngestHarness): Promise<Map<string, number>> {
  const res = await h.pool.query<{ source: string; township: string; events: number }>(
    `SELECT source, township, sum(events)::int AS events FROM region_hourly_rollup
     WHERE township IN ('511921001', '511923077') GROUP BY 1, 2`,
  );
  return new Map(res.rows.map((r) => [`${r.source} ${r.township}`, r.events]));
}

/** The rollup counts that grew between two readings, by `source township`. */
function added(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
): Record<string, number> {
  const grown = [...after].map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const).filter(([, d]) => d !== 0);
  return Object.fromEntries(grown);
}
