// A stop while the client rejoins its group after a crash. kafkajs restarts a crashed client by
// itself after a timer, and its own stop during that restart's JoinGroup returns without leaving
// (the runner is not "running" until the join returns) and closes the connection under the pending
// join. The broker keeps that join: a member nobody drives, holding partitions until its session
// expires. The clean-clone CI of 2026-12-07 14:25 saw the result: after a database outage the
// warning's next leadership term took 40 s to consume (`leading tookMs 40049`) and its db-outage
// spec timed out. The adapter now restarts crashed clients itself, and stop() waits for a join in
// flight to finish before it leaves.
import { randomUUID } from 'node:crypto';
import { type Consumer, type Kafka } from 'kafkajs';
import { loadConfig } from '@fengqiao/config';
import { KafkaBatchConsumer } from './kafka-batch-consumer.adapter';
import { createKafkaClient } from './kafka-client';

jest.setTimeout(180_000);

// Not @fengqiao/testing: it depends on this lib (a cycle the module boundaries refuse).
const uniqueName = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8)}`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('KafkaBatchConsumer stopped while it rejoins after a crash (real broker)', () => {
  const config = loadConfig();
  const topic = uniqueName('fq-stop-rejoin');
  const groupId = uniqueName('fq-stop-rejoin-group');
  let admin: ReturnType<Kafka['admin']>;
  let other: Consumer | undefined;

  beforeAll(async () => {
    const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: uniqueName('fq-stop-admin') });
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic, numPartitions: 2, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { partition: 0, value: 'a' },
        { partition: 1, value: 'b' },
      ],
    });
    await producer.disconnect();
  });

  afterAll(async () => {
    await other?.disconnect().catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  const membersFrom = async (clientId: string): Promise<number> => {
    const { groups } = await admin.describeGroups([groupId]);
    return (groups[0]?.members ?? []).filter((m) => m.clientId === clientId).length;
  };

  it('leaves no member of its own behind in the group', async () => {
    // One request retry: a failing batch crashes the client within a second.
    const crashingId = uniqueName('fq-stop-crashing');
    const crashing = createKafkaClient({ brokers: config.kafka.brokers, clientId: crashingId, retries: 1 });
    const consumer = new KafkaBatchConsumer(crashing, { groupId, topics: [topic], sessionTimeoutMs: 30_000 });
    let crashes = 0;
    await consumer.start(() => {
      crashes += 1;
      return Promise.reject(new Error('the database refuses connections'));
    });
    // Another member that heartbeats rarely: a rebalance waits up to 20 s for it to rejoin, so the
    // crashed client's rejoin is pending in the broker for seconds (in production: other instances,
    // slow handlers).
    other = createKafkaClient({
      brokers: config.kafka.brokers,
      clientId: uniqueName('fq-stop-other'),
    }).consumer({
      groupId,
      sessionTimeout: 60_000,
      heartbeatInterval: 20_000,
    });
    await other.connect();
    await other.subscribe({ topics: [topic], fromBeginning: true });
    await other.run({ eachBatch: async () => sleep(50) });

    const end = Date.now() + 60_000;
    while (crashes < 2 && Date.now() < end) await sleep(100);
    expect(crashes).toBeGreaterThanOrEqual(2);
    // The retries are spent and the client crashed; its restart joins the group within ~1.5 s and
    // waits there for the other member.
    await sleep(2500);
    await consumer.stop();

    // A member left behind stays until its 30 s session expires; one that left is gone at once.
    await sleep(3000);
    expect(await membersFrom(crashingId)).toBe(0);
  });
});
