import { randomUUID } from 'node:crypto';
import { KafkaTransactionalPublisher } from '@fengqiao/kafka';
import { testConfig, uniqueName } from '@fengqiao/testing';
import { createIngestApp, type IngestApp } from '../ingest-app';
import { createHarness, eventually, type IngestHarness } from '../testing/ingest-harness';
import { DLQ_HEADERS, DeadLetterPublisher, nextOffsets, type DeadLetter } from './dead-letter.publisher';

// Issue 17, fault campaign defect 2: a flush redelivered after a crash (or any failure after its
// dead letters went out) dead-lettered its bad messages a second time (55 of 81 after 6 SIGKILLs).
// Every refused message must be on its dead-letter topic exactly once, as a reader sees it. The
// SIGKILLs themselves are the fault tier's (e2e/src/faults, 'SIGKILLs the ingest ...').
describe('dead letters exactly once', () => {
  const config = testConfig();
  let h: IngestHarness;

  beforeEach(async () => {
    h = await createHarness(config);
  });
  afterEach(async () => {
    await h.stop();
  });

  it('dead-letters a flush once although the flush failed after its letters and was redelivered', async () => {
    let injected = 0;
    const app: IngestApp = createIngestApp(config, {
      groupId: h.groupId,
      topicSuffix: h.suffix,
      port: 0,
      // The first flush fails after validation, storage and (before the fix) dead-lettering.
      sink: {
        onEvents: () =>
          injected++ === 0 ? Promise.reject(new Error('injected failure')) : Promise.resolve(),
      },
    });
    const keys = Array.from({ length: 5 }, () => `bad-${randomUUID()}`);
    try {
      await app.start();
      await h.produce(
        'case',
        keys.map(() => '{not json'),
        (_v, i) => keys[i] ?? '',
      );
      const seen = await readDeadLetterKeys(h, keys);
      expect({ failed: injected > 1, twice: twice(seen) }).toEqual({ failed: true, twice: [] });
      expect([...seen.keys()].sort()).toEqual([...keys].sort());
    } finally {
      await app.stop();
    }
  });

  // The three-broker leader kill (docs/reliability.md): a consumer that joins while a flush's
  // transaction is committing reads the group's old offsets and gets the flush again; its bad
  // messages were dead-lettered a second time (5 of 20 in a run). A redelivered flush must not
  // dead-letter what the group's committed offset already passed.
  it('does not dead-letter a redelivered flush again once its transaction committed', async () => {
    const publisher = new DeadLetterPublisher(
      new KafkaTransactionalPublisher(h.kafka, { transactionalId: uniqueName('dlq-redelivery') }),
      (t) => h.topics.deadLetterOf(t),
      h.groupId,
    );
    const topic = h.topics.byKind.case;
    const keys = Array.from({ length: 4 }, () => `bad-${randomUUID()}`);
    const letters: DeadLetter[] = keys.map((key, i) => ({
      message: {
        topic,
        partition: 0,
        offset: String(i),
        key: Buffer.from(key),
        value: Buffer.from('{not json'),
      },
      rejection: { code: 'NOT_JSON', reason: 'not JSON' },
    }));
    const consumed = nextOffsets(letters.map((l) => l.message));
    try {
      await publisher.publish(letters, new Date().toISOString(), consumed);
      // The same flush, redelivered to a consumer that read the offsets before they moved.
      await publisher.publish(letters, new Date().toISOString(), consumed);
      // A later flush of the same partition still dead-letters its own messages.
      const laterKey = `bad-${randomUUID()}`;
      const later: DeadLetter = {
        message: { topic, partition: 0, offset: '4', key: Buffer.from(laterKey), value: null },
        rejection: { code: 'NOT_JSON', reason: 'empty' },
      };
      await publisher.publish([later], new Date().toISOString(), nextOffsets([later.message]));
      const all = [...keys, laterKey];
      const seen = await readDeadLetterKeys(h, all);
      expect(twice(seen)).toEqual([]);
      expect([...seen.keys()].sort()).toEqual([...all].sort());
    } finally {
      await publisher.disconnect();
    }
  });
});

function twice(seen: Map<string, string[]>): string[] {
  return [...seen]
    .filter(([, codes]) => codes.length > 1)
    .map(([key, codes]) => `${key}: ${codes.join(',')}`);
}

/**
 * Reads a dead-letter topic as every reader does (read_committed, from the beginning) until each of
 * `keys` arrived, then 3 s more for copies: key → the codes of its letters.
 */
async function readDeadLetterKeys(
  h: IngestHarness,
  keys: readonly string[],
  kind: 'case' | 'cameraStatus' = 'case',
): Promise<Map<string, string[]>> {
  const seen = new Map<string, string[]>();
  const consumer = h.kafka.consumer({ groupId: uniqueName('dlq-once-reader') });
  await consumer.connect();
  await consumer.subscribe({ topic: h.topics.deadLetterOf(h.topics.byKind[kind]), fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      const key = message.key?.toString('utf8') ?? '';
      const code = message.headers?.[DLQ_HEADERS.code]?.toString() ?? '';
      seen.set(key, [...(seen.get(key) ?? []), code]);
      return Promise.resolve();
    },
  });
  try {
    await eventually(
      () => Promise.resolve(keys.every((k) => seen.has(k))),
      60_000,
      `${keys.length} dead letters`,
    );
    await new Promise((r) => setTimeout(r, 3000));
  } finally {
    await consumer.disconnect();
  }
  return seen;
}
