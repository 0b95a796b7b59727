import { randomUUID } from 'node:crypto';
import { createPool, type DbPool } from '@fengqiao/db';
import { createKafkaClient, ensureTopics, KafkaEventPublisher } from '@fengqiao/kafka';
import { testConfig, uniqueName } from './stack-env';

// The foundation's own proof: the real broker and the real, migrated database answer.
describe('the local stack', () => {
  const config = testConfig();
  let pool: DbPool;

  beforeAll(() => {
    pool = createPool(config.postgres.url, { max: 2 });
  });
  afterAll(async () => {
    await pool.end();
  });

  it('produces to and consumes from the real broker in a consumer group', async () => {
    const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: uniqueName('stack-test') });
    const topic = uniqueName('test.stack.produced.v1');
    await ensureTopics(kafka, [{ name: topic, partitions: 3, retentionMs: 3_600_000, compacted: false }]);
    const publisher = new KafkaEventPublisher(kafka);
    await publisher.connect();
    const sent = Array.from({ length: 30 }, (_, i) => ({
      key: `k${i % 7}`,
      value: JSON.stringify({ i, id: randomUUID() }),
    }));
    await publisher.publish(topic, sent);
    await publisher.disconnect();

    const consumer = kafka.consumer({ groupId: uniqueName('stack-test-group') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: string[] = [];
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          received.push(message.value?.toString() ?? '');
          if (received.length === sent.length) resolve();
          return Promise.resolve();
        },
      });
    });
    await consumer.disconnect();
    expect(received.sort()).toEqual(sent.map((m) => m.value).sort());
  });

  it('writes and reads through the migration-created schema, absorbing a duplicate delivery', async () => {
    const eventId = randomUUID();
    const insert = `INSERT INTO camera_status_events (event_id, occurred_at, camera_id, online, fps)
                    VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`;
    const args = [eventId, '2026-11-27T02:00:00Z', '51190200001320000001', true, 25];
    const first = await pool.query(insert, args);
    const again = await pool.query(insert, args);
    expect([first.rowCount, again.rowCount]).toEqual([1, 0]);
    const rows = await pool.query<{ camera_id: string; fps: number }>(
      'SELECT camera_id, fps FROM camera_status_events WHERE event_id = $1',
      [eventId],
    );
    expect(rows.rows).toEqual([{ camera_id: '51190200001320000001', fps: 25 }]);
  });

  it('stores an event far outside the recent months instead of failing (a chunk of its own on TimescaleDB, the default partition on plain PostgreSQL)', async () => {
    const eventId = randomUUID();
    await pool.query(
      `INSERT INTO camera_status_events (event_id, occurred_at, camera_id, online) VALUES ($1, '2001-01-01T00:00:00Z', '51190200001320000001', false)`,
      [eventId],
    );
    const where = await pool.query<{ part: string }>(
      'SELECT tableoid::regclass::text AS part FROM camera_status_events WHERE event_id = $1',
      [eventId],
    );
    const ts = await pool.query<{ ts: boolean }>('SELECT fq_has_timescale() AS ts');
    if (ts.rows[0]?.ts === true)
      expect(where.rows[0]?.part).toMatch(/^_timescaledb_internal\._hyper_\d+_\d+_chunk$/);
    else expect(where.rows[0]?.part).toBe('camera_status_events_pdefault');
  });
});
