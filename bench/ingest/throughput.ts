import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';
import { createKafkaClient, ensureTopics } from '@fengqiao/kafka';
import { CompressionTypes, Partitioners, type Kafka } from 'kafkajs';
import { ingestTopics, topicSpecsOf } from '../../apps/ingest/src/ingest-topics';
import { mixedEvent } from './bench-env';

export interface ThroughputResult {
  readonly produced: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly producedPerSecond: number;
}

const BATCH = 2000;
const IN_FLIGHT = 3;

type StartConsumer = (topics: string[]) => Promise<{ count(): Promise<number>; stop(): Promise<void> }>;

/**
 * Produces the camera mix as fast as the producer can for `durationS` while `consumer` (a child
 * process reporting a running count) consumes; the rate is events / time until the last one is in.
 * Drain mode produces the backlog first and starts the consumer after.
 */
export async function measureThroughput(
  config: FengqiaoConfig,
  run: { suffix: string; durationS: number; mode: 'concurrent' | 'drain' },
  startConsumer: StartConsumer,
): Promise<ThroughputResult> {
  if (run.mode === 'drain') {
    const backlog = await produceBacklog(config, run.suffix, run.durationS);
    return drainBacklog(backlog, startConsumer);
  }
  const topics = ingestTopics(run.suffix);
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: 'bench-producer' });
  await ensureTopics(kafka, topicSpecsOf(topics));
  const consumer = await startConsumer(topics.all());
  const t0 = Date.now();
  const { produced, producedS } = await produceFor(kafka, topics, run.durationS);
  const done = await waitForCount(consumer, produced);
  await consumer.stop();
  const seconds = (done - t0) / 1000;
  return { produced, seconds, eventsPerSecond: produced / seconds, producedPerSecond: produced / producedS };
}

export interface Backlog {
  readonly suffix: string;
  readonly topics: string[];
  readonly produced: number;
  readonly producedPerSecond: number;
}

/** A backlog on private topics, produced once so that several consumers can drain the same one. */
export async function produceBacklog(
  config: FengqiaoConfig,
  suffix: string,
  durationS: number,
): Promise<Backlog> {
  const topics = ingestTopics(suffix);
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: 'bench-producer' });
  await ensureTopics(kafka, topicSpecsOf(topics));
  const { produced, producedS } = await produceFor(kafka, topics, durationS);
  return { suffix, topics: topics.all(), produced, producedPerSecond: produced / producedS };
}

/** Drains `backlog` with a consumer in a fresh group; the clock starts once it has joined. */
export async function drainBacklog(
  backlog: Backlog,
  startConsumer: StartConsumer,
): Promise<ThroughputResult> {
  const consumer = await startConsumer(backlog.topics);
  const t0 = Date.now();
  const done = await waitForCount(consumer, backlog.produced);
  await consumer.stop();
  const seconds = (done - t0) / 1000;
  const { produced, producedPerSecond } = backlog;
  return { produced, seconds, eventsPerSecond: produced / seconds, producedPerSecond };
}

async function waitForCount(consumer: { count(): Promise<number> }, target: number): Promise<number> {
  let done = Date.now();
  const deadline = Date.now() + 120_000;
  while ((await consumer.count()) < target) {
    if (Date.now() > deadline) throw new Error(`consumer stuck at ${await consumer.count()} of ${target}`);
    await new Promise((r) => setTimeout(r, 100));
    done = Date.now();
  }
  return done;
}

async function produceFor(
  kafka: Kafka,
  topics: ReturnType<typeof ingestTopics>,
  durationS: number,
): Promise<{ produced: number; producedS: number }> {
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  const target = {
    status: topics.byKind.cameraStatus,
    analytics: topics.byKind.cameraAnalytics,
    case: topics.byKind.case,
  };
  let seq = 0;
  const t0 = Date.now();
  const sendOne = async (): Promise<void> => {
    const at = new Date().toISOString();
    const byTopic = new Map<string, { key: string; value: string }[]>();
    for (let i = 0; i < BATCH; i++) {
      const e = mixedEvent(seq++, at);
      const list = byTopic.get(target[e.kind]) ?? [];
      list.push({ key: e.key, value: e.value });
      byTopic.set(target[e.kind], list);
    }
    await producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  };
  const lanes = Array.from({ length: IN_FLIGHT }, async () => {
    while (Date.now() - t0 < durationS * 1000) await sendOne();
  });
  await Promise.all(lanes);
  const producedS = (Date.now() - t0) / 1000;
  await producer.disconnect();
  return { produced: seq, producedS };
}

/** Runs a TypeScript entry as a child process; its stdout lines go to `onLine`. */
export function spawnTs(
  config: FengqiaoConfig,
  entry: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  onLine: (line: string) => void,
  nodeArgs: readonly string[] = [],
): ChildProcess {
  const argv = [...nodeArgs, '-r', '@swc-node/register', join(config.repoRoot, entry), ...args];
  const child = spawn(process.execPath, argv, {
    cwd: config.repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buf = '';
  child.stdout?.on('data', (d: Buffer) => {
    buf += d.toString();
    const lines = buf.split('\n');
    buf = lines.pop() ?? '';
    lines.forEach(onLine);
  });
  return child;
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}
