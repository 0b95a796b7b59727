import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createKafkaClient, ensureTopics } from '@fengqiao/kafka';
import { CompressionTypes, Partitioners, type Producer } from 'kafkajs';
import { ingestTopics, topicSpecsOf } from '../../apps/ingest/src/ingest-topics';
import { cpuSeconds } from '../video/proc-cpu';
import { benchDatabase, mixedEvent } from './bench-env';
import { startPipeline } from './consumers';

/**
 * Sustained load and CPU per event (issue 3), printed figures:
 * `node -r @swc-node/register bench/ingest/sustained.ts [--rates 5000,10000,20000,31000] [--duration 300] [--step 10]`
 *
 * For each target rate, this process produces the camera mix at that rate (100 ms ticks, on
 * schedule: a late tick catches up) for `--duration` seconds while the real ingest (its own process,
 * private topics, the bench database) consumes and commits. Every `--step` seconds: events committed
 * per second over the step and the lag (produced − committed). At the end: the sustained rate, the
 * lag at the end and its maximum, and CPU per 1,000 events of the ingest, the broker (java),
 * PostgreSQL (every postgres process) and the producer, with the cores they used of the two. A rate
 * is "sustained" when the committed rate is ≥ 95 % of the target and the lag at the end is under two
 * seconds of input; the knee is the highest sustained rate. Run it on a quiet machine: the broker's
 * and PostgreSQL's CPU is counted whole, whoever caused it.
 */
const { values } = parseArgs({
  options: {
    rates: { type: 'string', default: '5000,10000,20000,31000' },
    duration: { type: 'string', default: '300' },
    step: { type: 'string', default: '10' },
  },
});
const TICK_MS = 100;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function pidsOf(pattern: string, exact: boolean): number[] {
  try {
    const out = execFileSync('pgrep', exact ? ['-x', pattern] : ['-f', pattern], { encoding: 'utf8' });
    return out.split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds so far of each part; PostgreSQL's backends come and go, so they are re-listed each time. */
function cpuNow(
  ingestPid: number | undefined,
): Record<'ingest' | 'broker' | 'postgres' | 'producer', number> {
  const sum = (pids: number[]): number => pids.reduce((t, p) => t + cpuSeconds(p), 0);
  const self = process.cpuUsage();
  return {
    ingest: ingestPid === undefined ? Number.NaN : cpuSeconds(ingestPid),
    broker: sum(pidsOf('kafka.Kafka', false)),
    postgres: sum(pidsOf('postgres', true)),
    producer: (self.user + self.system) / 1e6,
  };
}

// A late tick catches up in one call: sent whole, a catch-up of tens of thousands of events made a
// partition's record batch larger than the broker's message.max.bytes (the 24,000/s run died on it).
const MAX_EVENTS_PER_SEND = 4_000;

async function produceTick(producer: Producer, targets: Record<string, string>, from: number, n: number) {
  for (let sent = 0; sent < n; sent += MAX_EVENTS_PER_SEND) {
    await produceChunk(producer, targets, from + sent, Math.min(MAX_EVENTS_PER_SEND, n - sent));
  }
}

async function produceChunk(producer: Producer, targets: Record<string, string>, from: number, n: number) {
  const at = new Date().toISOString();
  const byTopic = new Map<string, { key: string; value: string }[]>();
  for (let i = 0; i < n; i++) {
    const e = mixedEvent(from + i, at);
    const topic = targets[e.kind] ?? '';
    const list = byTopic.get(topic) ?? [];
    list.push({ key: e.key, value: e.value });
    byTopic.set(topic, list);
  }
  await producer.sendBatch({
    acks: -1,
    compression: CompressionTypes.None,
    topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
  });
}

async function runRate(rate: number, durationS: number, stepS: number): Promise<boolean> {
  const { config, pool } = await benchDatabase();
  const suffix = `bench-sus-${randomUUID().slice(0, 8)}`;
  const topics = ingestTopics(suffix);
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: 'bench-sustained' });
  await ensureTopics(kafka, topicSpecsOf(topics));
  const pipeline = await startPipeline(config, suffix);
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const targets = {
    status: topics.byKind.cameraStatus,
    analytics: topics.byKind.cameraAnalytics,
    case: topics.byKind.case,
  };
  const cpu0 = cpuNow(pipeline.pid);
  const t0 = Date.now();
  let produced = 0;
  let lastStep = { at: t0, committed: 0 };
  let maxLag = 0;
  while (Date.now() - t0 < durationS * 1000) {
    const due = Math.floor(((Date.now() - t0) / 1000) * rate);
    if (due > produced) {
      await produceTick(producer, targets, produced, due - produced);
      produced = due;
    }
    if (Date.now() - lastStep.at >= stepS * 1000) {
      const committed = await pipeline.count();
      const lag = produced - committed;
      maxLag = Math.max(maxLag, lag);
      const perS = (committed - lastStep.committed) / ((Date.now() - lastStep.at) / 1000);
      process.stdout.write(
        `  ${fmt(rate)}/s t=${Math.round((Date.now() - t0) / 1000)} s: committed ${fmt(perS)}/s over the step, lag ${fmt(lag)}\n`,
      );
      lastStep = { at: Date.now(), committed };
    }
    await new Promise((r) => setTimeout(r, Math.max(0, TICK_MS - ((Date.now() - t0) % TICK_MS))));
  }
  const seconds = (Date.now() - t0) / 1000;
  const committed = await pipeline.count();
  const cpu1 = cpuNow(pipeline.pid);
  const endLag = produced - committed;
  await producer.disconnect();
  await pipeline.stop();
  await pool.end();
  const sustained = committed / seconds;
  const ok = sustained >= 0.95 * rate && endLag < 2 * rate;
  const parts = (['ingest', 'broker', 'postgres', 'producer'] as const).map((k) => {
    const used = cpu1[k] - cpu0[k];
    return `${k} ${((used / committed) * 1000 * 1000).toFixed(0)} ms (${(used / seconds).toFixed(2)} cores)`;
  });
  const total = (['ingest', 'broker', 'postgres', 'producer'] as const).reduce(
    (t, k) => t + cpu1[k] - cpu0[k],
    0,
  );
  process.stdout.write(
    `target ${fmt(rate)}/s for ${Math.round(seconds)} s: produced ${fmt(produced / seconds)}/s, committed ${fmt(sustained)}/s, lag at the end ${fmt(endLag)} (max ${fmt(maxLag)}) → ${ok ? 'SUSTAINED' : 'not sustained'}\n` +
      `  CPU per 1,000 committed events: ${parts.join(', ')}; all ${((total / committed) * 1e6).toFixed(0)} ms per 1,000 = ${(total / seconds).toFixed(2)} of 2 cores\n`,
  );
  return ok;
}

/** When every target was met the knee lies above them all: say so rather than call the last one the knee. */
function kneeLine(rates: readonly number[], knee: number | undefined, durationS: number): string {
  if (knee === undefined) return `knee: below ${fmt(rates[0] ?? 0)}/s`;
  const all = knee === rates.at(-1);
  return all
    ? `knee: above ${fmt(knee)} events/s (every target rate was sustained for ${durationS} s; raise --rates to find it; goal 31,000)`
    : `knee: ${fmt(knee)} events/s sustained for ${durationS} s (the next target was not; goal 31,000)`;
}

async function main(): Promise<void> {
  const rates = values.rates.split(',').map(Number);
  const durationS = Number(values.duration);
  let knee: number | undefined;
  for (const rate of rates) {
    if (await runRate(rate, durationS, Number(values.step))) knee = rate;
    else break;
  }
  process.stdout.write(`${kneeLine(rates, knee, durationS)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
