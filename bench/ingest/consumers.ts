import { randomUUID } from 'node:crypto';
import { type FengqiaoConfig } from '@fengqiao/config';
import { freePort } from '@fengqiao/testing';
import { spawnTs, stopChild } from './throughput';

export interface RunningConsumer {
  count(): Promise<number>;
  stop(): Promise<void>;
  /** The consumer's process (for its CPU time). */
  readonly pid?: number;
}

export type RawClient = 'kafkajs' | 'platformatic';
const RAW_ENTRY: Record<RawClient, string> = {
  kafkajs: 'bench/ingest/raw-consumer.ts',
  platformatic: 'bench/ingest/raw-platformatic-consumer.ts',
};

/** The bare counting loop of `client` in its own process. */
export async function startRawConsumer(
  config: FengqiaoConfig,
  topics: string[],
  client: RawClient = 'kafkajs',
): Promise<RunningConsumer> {
  let consumed = 0;
  let joined = false;
  const child = spawnTs(
    config,
    RAW_ENTRY[client],
    ['--topics', topics.join(','), '--group', `bench-raw-${randomUUID().slice(0, 8)}`],
    { ...process.env },
    (line) => {
      const parsed = JSON.parse(line) as { consumed?: number; joined?: boolean };
      consumed = parsed.consumed ?? consumed;
      joined ||= parsed.joined === true;
    },
  );
  const deadline = Date.now() + 60_000;
  while (!joined) {
    if (Date.now() > deadline) throw new Error('raw consumer did not join its group');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { count: () => Promise.resolve(consumed), stop: () => stopChild(child) };
}

/** The real ingest (apps/ingest/src/main.ts) in its own process, counted through its /metrics. */
export async function startPipeline(
  config: FengqiaoConfig,
  suffix: string,
  client: RawClient = 'kafkajs',
  /** When set, the ingest writes a V8 CPU profile there on exit (node --cpu-prof). */
  cpuProfDir?: string,
): Promise<RunningConsumer> {
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: config.postgres.url, FQ_KAFKA_CLIENT: client };
  // Not through NODE_OPTIONS: node refuses --cpu-prof there.
  const nodeArgs = cpuProfDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`];
  const args = [
    '--topic-suffix',
    suffix,
    '--group',
    `bench-ingest-${randomUUID().slice(0, 8)}`,
    '--port',
    String(port),
  ];
  const child = spawnTs(config, 'apps/ingest/src/main.ts', args, env, () => undefined, nodeArgs);
  const metrics = `http://127.0.0.1:${port}/metrics?name=fq_ingest_events_total`;
  const deadline = Date.now() + 60_000;
  while ((await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.status !== 200) {
    if (Date.now() > deadline) throw new Error('ingest did not become healthy');
    await new Promise((r) => setTimeout(r, 200));
  }
  const count = async (): Promise<number> => {
    const text = await (await fetch(metrics)).text();
    let total = 0;
    for (const m of text.matchAll(/^fq_ingest_events_total\{outcome="(stored|dead_lettered)"\} (\d+)/gm))
      total += Number(m[2]);
    return total;
  };
  return { count, stop: () => stopChild(child), pid: child.pid };
}
