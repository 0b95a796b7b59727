import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import {
  KafkaEventPublisher,
  createKafkaClient,
  ensureTopics,
  topicHighWater,
  type OutgoingMessage,
} from '@fengqiao/kafka';
import { uniqueName } from '@fengqiao/testing';

// Does the idempotent producer stop the duplicates a retried multi-partition send wrote (issue 17
// #1: on a fresh topic a partition's leader is not ready yet, the broker refuses that partition, and
// kafkajs sends the whole request again, partitions already appended included)? Each trial creates
// a fresh 12-partition topic and at once publishes 2,000 keyed messages through the adapter; the
// topic's high watermarks then say how many records were written. Printed, not asserted.
//   node -r @swc-node/register bench/ingest/publisher-retry-duplicates.ts --trials 15
const { values } = parseArgs({ options: { trials: { type: 'string', default: '15' } } });
const MESSAGES = 2000;

async function trial(idempotent: boolean): Promise<number> {
  const config = loadConfig();
  const kafka = createKafkaClient({
    brokers: config.kafka.brokers,
    clientId: uniqueName('dup'),
    log: () => undefined,
  });
  const topic = uniqueName('bench.dup');
  await ensureTopics(kafka, [{ name: topic, partitions: 12, retentionMs: 3_600_000, compacted: false }]);
  const publisher = new KafkaEventPublisher(kafka, { idempotent });
  const batch: OutgoingMessage[] = Array.from({ length: MESSAGES }, (_, i) => ({
    key: `k${i}`,
    value: `v${i}`,
  }));
  await publisher.publish(topic, batch);
  await publisher.disconnect();
  const written = await topicHighWater(kafka, topic);
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return written - MESSAGES;
}

async function main(): Promise<void> {
  const trials = Number(values.trials);
  for (const idempotent of [false, true]) {
    const extra: number[] = [];
    for (let i = 0; i < trials; i++) extra.push(await trial(idempotent));
    const affected = extra.filter((n) => n > 0).length;
    process.stdout.write(
      `idempotent=${idempotent}: ${trials} fresh topics x ${MESSAGES} messages; duplicates in ${affected} trial(s), ${extra.reduce((a, b) => a + b, 0)} extra records in all (per trial: ${extra.join(' ')})\n`,
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
