import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';
import { createKafkaClient, ensureTopics } from '@fengqiao/kafka';
import { CompressionTypes, Partitioners } from 'kafkajs';
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

/**
 * Produces the camera mix as fast as the producer can for `durationS` while `consumer` (a child
 * process reporting a running count) consumes; the rate is events / time until the last one is in.
 */
export async function measureThroughput(
  config: FengqiaoConfig,
  run: { suffix: string; durationS: number; mode: 'concurrent' | 'drain' },
  startConsumer: (topics: string[]) => Promise<{ count(): Promise<number>; stop(): Promise<void> }>,
): Promise<ThroughputResult> {
  const { suffix, durationS } = run;
  const topics = ingestTopics(suffix);
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: 'bench-producer' });
  await ensureTopics(kafka, topicSpecsOf(topics));
  // Drain mode measures the consumer alone: the backlog is produced before it starts.
  let consumer = run.mode === 'concurrent' ? await startConsumer(topics.all()) : undefined;
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
  let t0 = Date.now();
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
  if (consumer === undefined) {
    consumer = await startConsumer(topics.all());
    t0 = Date.now();
  }
  let done = Date.now();
  const deadline = Date.now() + 120_000;
  while ((await consumer.count()) < seq) {
    if (Date.now() > deadline) throw new Error(`consumer stuck at ${await consumer.count()} of ${seq}`);
    await new Promise((r) => setTimeout(r, 100));
    done = Date.now();
  }
  await consumer.stop();
  const seconds = (done - t0) / 1000;
  return { produced: seq, seconds, eventsPerSecond: seq / seconds, producedPerSecond: seq / producedS };
}

/** Runs a TypeScript entry as a child process; its stdout lines go to `onLine`. */
export function spawnTs(
  config: FengqiaoConfig,
  entry: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  onLine: (line: string) => void,
): ChildProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(config.repoRoot, entry), ...args], {
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
