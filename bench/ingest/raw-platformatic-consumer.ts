import { parseArgs } from 'node:util';
import { Consumer, stringDeserializers } from '@platformatic/kafka';
import { loadConfig } from '@fengqiao/config';

// The second baseline: a bare @platformatic/kafka group consumer that only counts what it receives
// (no parsing, no database), on the same broker and topics as raw-consumer.ts. Prints its count.
const { values } = parseArgs({ options: { topics: { type: 'string' }, group: { type: 'string' } } });

async function main(): Promise<void> {
  const config = loadConfig();
  const consumer = new Consumer({
    groupId: values.group ?? 'bench-raw-platformatic',
    clientId: 'bench-raw-platformatic',
    bootstrapBrokers: config.kafka.brokers,
    deserializers: stringDeserializers,
    maxBytesPerPartition: 1024 * 1024,
    maxWaitTime: 100,
  });
  let consumed = 0;
  // Same start as kafkajs `fromBeginning: true` on a fresh group: committed offsets, else the earliest.
  const stream = await consumer.consume({
    topics: (values.topics ?? '').split(','),
    mode: 'committed',
    fallbackMode: 'earliest',
  });
  process.stdout.write(`${JSON.stringify({ joined: true })}\n`);
  stream.on('data', () => {
    consumed++;
  });
  setInterval(() => process.stdout.write(`${JSON.stringify({ consumed })}\n`), 100);
  process.on('SIGTERM', () => {
    const close = async (): Promise<void> => {
      await stream.close();
      await consumer.close();
    };
    void close().finally(() => process.exit(0));
  });
}

void main();
