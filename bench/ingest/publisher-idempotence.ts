import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import { KafkaEventPublisher, createKafkaClient, ensureTopics, type OutgoingMessage } from '@fengqiao/kafka';
import { uniqueName } from '@fengqiao/testing';
import { median, mixedEvent, quantile } from './bench-env';

// The cost of the idempotent producer (acks=-1 both ways; idempotent: maxInFlightRequests 1) on the
// real broker, through the adapter every app publishes with. Two shapes: chunks of 2,000 messages
// sent back to back (dead letters of a burst, the simulator, the intake under load) and one message
// per send (an alert change, an intake request). Runs alternate A/B/A/B so that the machine's load
// drifts over both; medians of the runs are printed.
//   node -r @swc-node/register bench/ingest/publisher-idempotence.ts --seconds 25 --runs 3
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '25' },
    'single-seconds': { type: 'string', default: '20' },
    runs: { type: 'string', default: '3' },
  },
});

interface RunResult {
  readonly messagesPerSecond: number;
  readonly sendP50Ms: number;
  readonly sendP99Ms: number;
}

async function run(idempotent: boolean, chunk: number, seconds: number): Promise<RunResult> {
  const config = loadConfig();
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: uniqueName('bench-pub') });
  const topic = uniqueName('bench.publisher');
  await ensureTopics(kafka, [{ name: topic, partitions: 6, retentionMs: 3_600_000, compacted: false }]);
  const publisher = new KafkaEventPublisher(kafka, { idempotent });
  await publisher.connect();
  const at = new Date().toISOString();
  const sends: number[] = [];
  let sent = 0;
  const t0 = Date.now();
  while (Date.now() - t0 < seconds * 1000) {
    const batch: OutgoingMessage[] = [];
    for (let i = 0; i < chunk; i++) {
      const e = mixedEvent(sent + i, at);
      batch.push({ key: e.key, value: e.value });
    }
    const s = process.hrtime.bigint();
    await publisher.publish(topic, batch);
    sends.push(Number(process.hrtime.bigint() - s) / 1e6);
    sent += chunk;
  }
  const elapsed = (Date.now() - t0) / 1000;
  await publisher.disconnect();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  const sorted = [...sends].sort((a, b) => a - b);
  return {
    messagesPerSecond: sent / elapsed,
    sendP50Ms: quantile(sorted, 0.5),
    sendP99Ms: quantile(sorted, 0.99),
  };
}

function line(label: string, results: readonly RunResult[]): string {
  const rate = results.map((r) => Math.round(r.messagesPerSecond));
  const p50 = median(results.map((r) => r.sendP50Ms));
  const p99 = median(results.map((r) => r.sendP99Ms));
  return `${label.padEnd(28)} ${String(Math.round(median(rate))).padStart(7)} msg/s (runs ${rate.join(', ')})  send p50 ${p50.toFixed(2)} ms  p99 ${p99.toFixed(2)} ms`;
}

async function main(): Promise<void> {
  const runs = Number(values.runs);
  for (const [shape, chunk, seconds] of [
    ['chunks of 2,000', 2000, Number(values.seconds)],
    ['one message per send', 1, Number(values['single-seconds'])],
  ] as const) {
    const plain: RunResult[] = [];
    const idem: RunResult[] = [];
    for (let i = 0; i < runs; i++) {
      plain.push(await run(false, chunk, seconds));
      idem.push(await run(true, chunk, seconds));
    }
    process.stdout.write(`${shape}, ${seconds} s per run, median of ${runs}:\n`);
    process.stdout.write(`  ${line('acks=-1, 5 in flight', plain)}\n`);
    process.stdout.write(`  ${line('acks=-1, idempotent, 1', idem)}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
