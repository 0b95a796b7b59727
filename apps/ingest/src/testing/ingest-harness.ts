import { type FengqiaoConfig } from '@fengqiao/config';
import { createPool, type DbPool } from '@fengqiao/db';
import { KafkaEventPublisher, createKafkaClient, ensureTopics } from '@fengqiao/kafka';
import { pollUntil, uniqueName } from '@fengqiao/testing';
import { type Kafka } from 'kafkajs';
import { createIngestApp, type IngestApp } from '../ingest-app';
import { ingestTopics, topicSpecsOf, type IngestTopics, type TopicKind } from '../ingest-topics';
import { DLQ_HEADERS } from '../pipeline/dead-letter.publisher';

/** A dead letter as a test reads it back. */
export interface ReadDeadLetter {
  readonly code: string;
  readonly reason: string;
  readonly sourceTopic: string;
  readonly sourcePartition: string;
  readonly sourceOffset: string;
  /** The original size when the payload was cut to fit the envelope ('' when whole). */
  readonly truncatedFrom: string;
  readonly value: Buffer | null;
}

/** Private topics, a private consumer group and a pool on the test database: one ingest under test. */
export interface IngestHarness {
  readonly topics: IngestTopics;
  readonly kafka: Kafka;
  readonly pool: DbPool;
  readonly groupId: string;
  readonly suffix: string;
  /** Produces raw values (objects are JSON-encoded, strings and buffers sent as they are). */
  produce(
    kind: TopicKind,
    values: readonly unknown[],
    key?: (v: unknown, i: number) => string,
  ): Promise<void>;
  readDeadLetters(kind: TopicKind, count: number, timeoutMs?: number): Promise<ReadDeadLetter[]>;
  stop(): Promise<void>;
}

export async function createHarness(config: FengqiaoConfig): Promise<IngestHarness> {
  const suffix = uniqueName('t');
  const topics = ingestTopics(suffix);
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: uniqueName('ingest-test') });
  await ensureTopics(kafka, topicSpecsOf(topics));
  const publisher = new KafkaEventPublisher(kafka);
  await publisher.connect();
  const pool = createPool(config.postgres.url, { max: 2 });
  const encode = (v: unknown): string | Buffer =>
    typeof v === 'string' || Buffer.isBuffer(v) ? v : JSON.stringify(v);
  const keyOf = (v: unknown, i: number): string => {
    const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
    const id = o.cameraId ?? o.caseId;
    return typeof id === 'string' ? id : `k${i % 17}`;
  };
  return {
    topics,
    kafka,
    pool,
    suffix,
    groupId: uniqueName('ingest-test-group'),
    produce: (kind, values, key = keyOf) =>
      publisher.publish(
        topics.byKind[kind],
        values.map((v, i) => ({ key: key(v, i), value: encode(v) })),
      ),
    readDeadLetters: (kind, count, timeoutMs = 30_000) =>
      readDeadLetters(kafka, topics.deadLetterOf(topics.byKind[kind]), count, timeoutMs),
    stop: async () => {
      await publisher.disconnect();
      await pool.end();
    },
  };
}

/** Starts an in-process ingest on the harness's topics and group, on a free port. */
export async function startIngest(
  config: FengqiaoConfig,
  h: IngestHarness,
): Promise<{ app: IngestApp; url: string }> {
  const app = createIngestApp(config, { groupId: h.groupId, topicSuffix: h.suffix, port: 0 });
  const { url } = await app.start();
  return { app, url };
}

async function readDeadLetters(
  kafka: Kafka,
  topic: string,
  count: number,
  timeoutMs: number,
): Promise<ReadDeadLetter[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('dlq-reader') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const letters: ReadDeadLetter[] = [];
  const header = (h: Record<string, unknown> | undefined, name: string): string => {
    const v = h?.[name];
    return Buffer.isBuffer(v) || typeof v === 'string' ? v.toString() : '';
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${letters.length} of ${count} dead letters on ${topic}`)),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: ({ message }) => {
          const h = message.headers;
          letters.push({
            code: header(h, DLQ_HEADERS.code),
            reason: header(h, DLQ_HEADERS.reason),
            sourceTopic: header(h, DLQ_HEADERS.sourceTopic),
            sourcePartition: header(h, DLQ_HEADERS.sourcePartition),
            sourceOffset: header(h, DLQ_HEADERS.sourceOffset),
            truncatedFrom: header(h, DLQ_HEADERS.truncatedFrom),
            value: message.value,
          });
          if (letters.length >= count) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return letters;
}

/** Polls `probe` until it returns true or the time is up. */
export async function eventually(
  probe: () => Promise<boolean>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<void> {
  await pollUntil(probe, what, { timeoutMs });
}
