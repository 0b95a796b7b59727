import { INPUT_TOPICS } from '@fengqiao/contracts';
import { buildDemoCity } from '@fengqiao/geo';
import { KafkaEventPublisher, createKafkaClient, ensureTopics } from '@fengqiao/kafka';
import { testConfig, uniqueName } from '@fengqiao/testing';
import { SimRunner, type SimTopics } from './sim-runner';
import { drainTopics } from './test-support/drain-topics';
import { TrafficGenerator } from './traffic/traffic-generator';

const config = testConfig();
const kafka = createKafkaClient({
  brokers: config.kafka.brokers,
  clientId: uniqueName('sim-test'),
  log: () => undefined,
});
const topics: SimTopics = {
  cameraStatus: uniqueName('test.camera-status'),
  cameraAnalytics: uniqueName('test.analytics'),
  caseEvents: uniqueName('test.case'),
};
const topicNames = [topics.cameraStatus, topics.cameraAnalytics, topics.caseEvents];
const schemaOf = new Map<string, (typeof INPUT_TOPICS)[keyof typeof INPUT_TOPICS]>([
  [topics.cameraStatus, INPUT_TOPICS.cameraStatus],
  [topics.cameraAnalytics, INPUT_TOPICS.cameraAnalytics],
  [topics.caseEvents, INPUT_TOPICS.caseEvents],
]);
const publisher = new KafkaEventPublisher(kafka);

beforeAll(async () => {
  await ensureTopics(
    kafka,
    topicNames.map((name) => ({ name, partitions: 3, retentionMs: 3_600_000, compacted: false })),
  );
  await publisher.connect();
});

afterAll(async () => {
  await publisher.disconnect();
});

describe('the simulator on a real broker', () => {
  it('produces only messages that validate against their topic contracts, keyed as the registry says', async () => {
    const city = buildDemoCity({ seed: 11, cameras: 300, townships: 30 });
    const heartbeatMs = config.tuning.simulator.heartbeatMs;
    const gen = new TrafficGenerator(city, { seed: 11, compress: 200_000, heartbeatMs });
    // A simulated clock from 09:00 CST, stepped a second at a time: ten minutes of a working morning.
    let now = Date.parse('2026-11-27T09:00:00+08:00');
    const runner = new SimRunner(gen, publisher, () => now, 5, topics);
    gen.inject('crowd', now);
    gen.inject('dispute-run', now);
    gen.inject('district-dark@511902', now);
    let produced = 0;
    for (let s = 0; s < 600; s++) {
      now += 1000;
      produced += await runner.step();
    }
    const { status, analytics, cases } = runner.counters;
    expect(produced).toBe(status + analytics + cases);
    // Every camera's heartbeat every heartbeatMs / rate: 600 simulated seconds at rate 5.
    expect(status).toBe((300 * 600 * 5 * 1000) / heartbeatMs);
    expect(cases).toBeGreaterThan(50);

    const messages = await drainTopics(kafka, topicNames, produced, uniqueName('sim-test-group'));
    expect(messages).toHaveLength(produced);
    const invalid = messages.filter((m) => {
      const spec = schemaOf.get(m.topic);
      const parsed = spec?.schema.safeParse(JSON.parse(m.value));
      if (spec === undefined || parsed === undefined || !parsed.success) return true;
      const data = parsed.data as Record<string, unknown>;
      return data[spec.key] !== m.key;
    });
    expect(invalid.slice(0, 3)).toEqual([]);
    // An id names one event: every message carrying it is the same bytes. (Kafka is at-least-once:
    // a produce retried right after the topics were created may store a copy, which consumers absorb
    // by eventId; two different events under one id would be a generator bug.)
    const payloadsById = new Map<string, Set<string>>();
    for (const m of messages) {
      const id = (JSON.parse(m.value) as { eventId: string }).eventId;
      payloadsById.set(id, (payloadsById.get(id) ?? new Set()).add(m.value));
    }
    expect([...payloadsById.values()].filter((p) => p.size > 1)).toEqual([]);
    const caseTypes = new Set(
      messages
        .filter((m) => m.topic === topics.caseEvents)
        .map((m) => (JSON.parse(m.value) as { type: string }).type),
    );
    expect([...caseTypes]).toEqual(
      expect.arrayContaining(['reported', 'triaged', 'assigned', 'resolved', 'closed']),
    );
  });
});
