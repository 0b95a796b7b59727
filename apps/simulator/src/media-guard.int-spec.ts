import { randomUUID } from 'node:crypto';
import { type CameraStatus, cameraStatusSchema } from '@fengqiao/contracts';
import { EventStoreRepository, cameraStatusRow, createPool } from '@fengqiao/db';
import { buildDemoCity } from '@fengqiao/geo';
import { KafkaEventPublisher, createKafkaClient, ensureTopics } from '@fengqiao/kafka';
import { pollUntil, testConfig, uniqueName } from '@fengqiao/testing';
import { startMediaGuard } from './media-guard';
import { SimRunner, type SimTopics } from './sim-runner';
import { TrafficGenerator } from './traffic/traffic-generator';

const config = testConfig();
const pool = createPool(config.postgres.url, { max: 2 });
const kafka = createKafkaClient({
  brokers: config.kafka.brokers,
  clientId: uniqueName('sim-media'),
  log: () => undefined,
});
const topic = uniqueName('test.camera-status');
const topics: SimTopics = {
  cameraStatus: topic,
  cameraAnalytics: uniqueName('test.a'),
  caseEvents: uniqueName('test.c'),
};
const publisher = new KafkaEventPublisher(kafka);
const consumer = kafka.consumer({ groupId: uniqueName('sim-media-store'), maxWaitTimeInMs: 100 });
const store = new EventStoreRepository();

const stateOf = async (cameraId: string): Promise<{ online: boolean; seen_at: Date } | undefined> =>
  (
    await pool.query<{ online: boolean; seen_at: Date }>(
      'SELECT online, seen_at FROM camera_state WHERE camera_id = $1',
      [cameraId],
    )
  ).rows[0];

beforeAll(async () => {
  await ensureTopics(
    kafka,
    [topics.cameraStatus, topics.cameraAnalytics, topics.caseEvents].map((name) => ({
      name,
      partitions: 1,
      retentionMs: 3_600_000,
      compacted: false,
    })),
  );
  await publisher.connect();
  // The ingest's storage path (same repository and row mapping), fed from the topic.
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const events = batch.messages.map((m) =>
        cameraStatusSchema.parse(JSON.parse(m.value?.toString() ?? '')),
      );
      await store.insertCameraStatus(pool, events.map(cameraStatusRow));
    },
  });
});

afterAll(async () => {
  await consumer.disconnect();
  await publisher.disconnect();
  await pool.end();
});

describe('a camera the media service streams, while the simulator runs (real Kafka and PostgreSQL)', () => {
  it('stays online: the simulator sends no heartbeat for it, while its neighbours go dark as simulated', async () => {
    const city = buildDemoCity({ seed: 23, cameras: 40, townships: 10 });
    const [x, y] = city.cameras;
    if (x === undefined || y === undefined) throw new Error('a city without cameras');
    const gen = new TrafficGenerator(city, {
      seed: 23,
      compress: 1000,
      heartbeatMs: config.tuning.simulator.heartbeatMs,
    });
    const runner = new SimRunner(gen, publisher, Date.now, 30, topics);
    // The simulated network says X's whole district is down: without the guard X would go offline.
    gen.inject(`district-dark@${x.region.county}`, Date.now() - 1000);

    const media: CameraStatus = {
      schema: 'camera.status.v1',
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      cameraId: x.cameraId,
      online: true,
      bitrateKbps: 812,
      fps: 25,
      lastFrameAgeMs: 0,
      source: 'media',
    };
    await publisher.publish(topic, [{ key: x.cameraId, value: JSON.stringify(media) }]);
    await pollUntil(async () => (await stateOf(x.cameraId))?.online === true, 'the media report stored');

    const guard = startMediaGuard(pool, runner, { windowS: 300, clock: Date.now, log: () => undefined });
    await guard.refresh();
    guard.stop();
    // The run's database is shared: other suites' media reports are listed too, this city's others not.
    const guarded = [...runner.mediaCameras];
    expect(guarded).toContain(x.cameraId);
    expect(guarded.filter((id) => city.cameras.some((c) => c.cameraId === id))).toEqual([x.cameraId]);

    const started = Date.now();
    while (Date.now() - started < 4000) {
      await runner.step();
      await new Promise((r) => setTimeout(r, 200));
    }
    // The simulator did run and store: a neighbour in the dark district went offline after the report.
    const neighbour =
      city.cameras.find((c) => c.cameraId !== x.cameraId && c.region.county === x.region.county) ?? y;
    const seen = await pollUntil(async () => {
      const s = await stateOf(neighbour.cameraId);
      return s !== undefined && s.seen_at.getTime() > Date.parse(media.occurredAt) && s;
    }, 'a simulated heartbeat stored');
    expect(seen.online).toBe(false);
    expect(runner.counters.statusSkipped).toBeGreaterThanOrEqual(3);
    expect(await stateOf(x.cameraId)).toMatchObject({ online: true, seen_at: new Date(media.occurredAt) });
  });
});
