import { parseArgs } from 'node:util';
import { createKafkaClient } from '@fengqiao/kafka';
import { loadConfig } from '@fengqiao/config';

// The baseline: a bare kafkajs group consumer that only counts what it receives (no parsing, no
// database), on the same broker and topics as the pipeline. Prints its count for the runner.
const { values } = parseArgs({ options: { topics: { type: 'string' }, group: { type: 'string' } } });

async function main(): Promise<void> {
  const config = loadConfig();
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: 'bench-raw' });
  const consumer = kafka.consumer({
    groupId: values.group ?? 'bench-raw',
    maxBytesPerPartition: 1024 * 1024,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: (values.topics ?? '').split(','), fromBeginning: true });
  let consumed = 0;
  consumer.on(consumer.events.GROUP_JOIN, () =>
    process.stdout.write(`${JSON.stringify({ joined: true })}\n`),
  );
  setInterval(() => process.stdout.write(`${JSON.stringify({ consumed })}\n`), 100);
  await consumer.run({
    partitionsConsumedConcurrently: 8,
    eachBatch: async ({ batch }) => {
      consumed += batch.messages.length;
      return Promise.resolve();
    },
  });
  process.on('SIGTERM', () => void consumer.disconnect().then(() => process.exit(0)));
}

void main();
