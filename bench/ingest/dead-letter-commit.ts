import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import {
  KafkaEventPublisher,
  KafkaTransactionalPublisher,
  createKafkaClient,
  ensureTopics,
  type OutgoingMessage,
} from '@fengqiao/kafka';
import { uniqueName } from '@fengqiao/testing';
import { median, quantile } from './bench-env';

// What exactly-once dead letters cost a flush (decision 0014), on the real broker: the letters of
// one flush sent as before (idempotent producer, acks=-1; the consumer commits its offsets after)
// against the same letters and the group's offsets in one transaction (the consumer still commits
// after, so the difference is the transaction's own cost). A flush without letters pays neither.
// Rounds alternate A/B so the machine's load drifts over both.
//   node -r @swc-node/register bench/ingest/dead-letter-commit.ts --flushes 60 --letters 1
const { values } = parseArgs({
  options: {
    flushes: { type: 'string', default: '60' },
    letters: { type: 'string', default: '1' },
  },
});

async function main(): Promise<void> {
  const config = loadConfig();
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: uniqueName('bench-dlq') });
  const dlq = uniqueName('bench.dlq');
  const source = uniqueName('bench.source');
  await ensureTopics(kafka, [
    { name: dlq, partitions: 3, retentionMs: 3_600_000, compacted: false },
    { name: source, partitions: 3, retentionMs: 3_600_000, compacted: false },
  ]);
  const plain = new KafkaEventPublisher(kafka, { idempotent: true });
  await plain.connect();
  const txn = new KafkaTransactionalPublisher(kafka, { transactionalId: uniqueName('bench-dlq-txn') });
  const groupId = uniqueName('bench-dlq-group');
  const letters = Number(values.letters);
  const flushes = Number(values.flushes);
  const messages = (i: number): OutgoingMessage[] =>
    Array.from({ length: letters }, (_, j) => ({
      key: `k${i}-${j}`,
      value: Buffer.from('{not json'),
      headers: { 'fq-dlq-code': 'NOT_JSON' },
    }));
  const a: number[] = [];
  const b: number[] = [];
  // One warm-up of each (connections, the transaction coordinator's first answer).
  await plain.publish(dlq, messages(-1));
  await txn.publishCommitting(new Map([[dlq, messages(-1)]]), groupId, [
    { topic: source, partition: 0, offset: '0' },
  ]);
  for (let i = 0; i < flushes; i++) {
    let t = performance.now();
    await plain.publish(dlq, messages(i));
    a.push(performance.now() - t);
    t = performance.now();
    await txn.publishCommitting(new Map([[dlq, messages(i)]]), groupId, [
      { topic: source, partition: i % 3, offset: String(i + 1) },
    ]);
    b.push(performance.now() - t);
  }
  const row = (name: string, xs: number[]): string =>
    `${name.padEnd(40)} p50 ${median(xs).toFixed(1)} ms  p95 ${quantile(
      [...xs].sort((p, q) => p - q),
      0.95,
    ).toFixed(1)} ms  mean ${(xs.reduce((s, x) => s + x, 0) / xs.length).toFixed(1)} ms`;
  process.stdout.write(
    `${flushes} flushes of ${letters} letter(s), load average ${(await import('node:os')).loadavg()[0]?.toFixed(1)}\n` +
      `${row('plain idempotent send (before)', a)}\n${row('transaction with offsets (after)', b)}\n`,
  );
  await txn.disconnect();
  await plain.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [dlq, source] }).catch(() => undefined);
  await admin.deleteGroups([groupId]).catch(() => undefined);
  await admin.disconnect();
}

void main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
