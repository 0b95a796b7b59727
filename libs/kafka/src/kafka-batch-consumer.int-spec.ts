// A batch that outlives its session: kafkajs's offset commit then fails with "the coordinator is
// not aware of this member", a crash it does not restart from, and nothing is consumed again until
// a new client is (issue 17 campaign: the ingest stopped storing while its process stayed up). With
// `reviveAfterCrashMs` the adapter starts a new client and the group goes on from its committed offsets.
import { randomUUID } from 'node:crypto';
import { type Kafka } from 'kafkajs';
import { loadConfig } from '@fengqiao/config';
import { KafkaBatchConsumer } from './kafka-batch-consumer.adapter';
import { createKafkaClient } from './kafka-client';

jest.setTimeout(180_000);

// Not @fengqiao/testing: it depends on this lib (a cycle the module boundaries refuse).
const uniqueName = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8)}`;

const until = async (check: () => boolean, ms: number): Promise<boolean> => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
};

describe('KafkaBatchConsumer after a crash kafkajs does not restart from (real broker)', () => {
  const config = loadConfig();
  let kafka: Kafka;
  let topic: string;

  beforeEach(async () => {
    kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: uniqueName('fq-revive') });
    topic = uniqueName('fq-revive');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 5 }, (_, i) => ({ value: `m${i}` })) });
    await producer.disconnect();
  });

  afterEach(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  /** Consumes with a first batch that blocks past the session; answers what was handled and how. */
  async function consume(
    revive: number | undefined,
  ): Promise<{ handled: Set<string>; consumer: KafkaBatchConsumer }> {
    const consumer = new KafkaBatchConsumer(kafka, {
      groupId: uniqueName('fq-revive-group'),
      topics: [topic],
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 500,
      reviveAfterCrashMs: revive,
    });
    const handled = new Set<string>();
    let first = true;
    await consumer.start(async (batch) => {
      if (first) {
        first = false;
        // No heartbeat for twice the session: the group drops this member meanwhile.
        await new Promise((r) => setTimeout(r, 14_000));
        return;
      }
      for (const m of batch.messages) handled.add(m.value?.toString() ?? '');
    });
    return { handled, consumer };
  }

  it('without revival the consumer gives up and the messages are never handled (the defect)', async () => {
    const { handled, consumer } = await consume(undefined);
    await until(() => consumer.hasGivenUp(), 40_000);
    expect(consumer.hasGivenUp()).toBe(true);
    await new Promise((r) => setTimeout(r, 5_000));
    expect(handled.size).toBe(0);
    await consumer.stop();
  });

  it('with reviveAfterCrashMs a new client takes the batch again from the committed offset', async () => {
    const { handled, consumer } = await consume(500);
    const done = await until(() => handled.size === 5, 90_000);
    expect({ done, handled: [...handled].sort() }).toEqual({
      done: true,
      handled: ['m0', 'm1', 'm2', 'm3', 'm4'],
    });
    expect(consumer.revivals).toBeGreaterThanOrEqual(1);
    expect(consumer.hasGivenUp()).toBe(false);
    await consumer.stop();
  });
});
