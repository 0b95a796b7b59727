import { randomUUID } from 'node:crypto';
import { type FengqiaoConfig } from '@fengqiao/config';
import { median } from './bench-env';
import { startPipeline, startRawConsumer, type RawClient } from './consumers';
import { drainBacklog, measureThroughput, produceBacklog, type ThroughputResult } from './throughput';

export type PipelineClient = RawClient | 'none';

export interface SuiteOptions {
  readonly mode: 'concurrent' | 'drain';
  readonly reps: number;
  readonly durationS: number;
  /** The raw counting loops measured side by side (same broker, same workload, same backlog size). */
  readonly rawClients: readonly RawClient[];
  /** Which Kafka client the real ingest runs on (FQ_KAFKA_CLIENT), or none to skip it. */
  readonly pipeline: PipelineClient;
  /** Profile the pipeline process (node --cpu-prof) into this folder. */
  readonly cpuProfDir?: string;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * One throughput section: per repetition every raw loop, then the pipeline, each on its own fresh
 * topics and group; prints each repetition, the medians and the ratios.
 */
export async function runThroughputSuite(config: FengqiaoConfig, o: SuiteOptions): Promise<void> {
  const rates = new Map<string, number[]>();
  const record = (name: string, v: number): void => void rates.set(name, [...(rates.get(name) ?? []), v]);
  for (let i = 0; i < o.reps; i++) {
    const parts: string[] = [];
    // Drain: every consumer of a repetition drains the same backlog (same topics, fresh groups).
    const backlog =
      o.mode === 'drain'
        ? await produceBacklog(config, `bench-drain-${randomUUID().slice(0, 8)}`, o.durationS)
        : undefined;
    const measure = (
      suffix: string,
      start: Parameters<typeof measureThroughput>[2],
    ): Promise<ThroughputResult> =>
      backlog === undefined
        ? measureThroughput(config, { suffix, durationS: o.durationS, mode: o.mode }, start)
        : drainBacklog(backlog, start);
    for (const client of o.rawClients) {
      const suffix = `bench-raw-${randomUUID().slice(0, 8)}`;
      const r = await measure(suffix, (t) => startRawConsumer(config, t, client));
      record(`raw ${client}`, r.eventsPerSecond);
      parts.push(`raw ${client} ${fmt(r.eventsPerSecond)}/s (${fmt(r.produced)} events)`);
    }
    if (o.pipeline !== 'none') {
      const client = o.pipeline;
      const suffix = `bench-e2e-${randomUUID().slice(0, 8)}`;
      // The pipeline reads its topics by suffix: on a shared backlog, that backlog's suffix.
      const pipeSuffix = backlog?.suffix ?? suffix;
      const p = await measure(pipeSuffix, () => startPipeline(config, pipeSuffix, client, o.cpuProfDir));
      record('pipeline', p.eventsPerSecond);
      parts.push(
        `pipeline on ${client} ${fmt(p.eventsPerSecond)}/s (${fmt(p.produced)} events; producer ${fmt(p.producedPerSecond)}/s)`,
      );
    }
    process.stdout.write(`  ${o.mode} rep ${i + 1}: ${parts.join(', ')}\n`);
  }
  printSummary(o, rates);
}

function printSummary(o: SuiteOptions, rates: Map<string, number[]>): void {
  const m = (name: string): number | undefined => {
    const v = rates.get(name);
    return v === undefined ? undefined : median(v);
  };
  const title =
    o.mode === 'concurrent' ? 'end-to-end (producing while consuming)' : 'drain (backlog, consumer alone)';
  const figures = [...rates.keys()].map((k) => `${k} ${fmt(m(k) ?? 0)} events/s`);
  process.stdout.write(`${title}, medians: ${figures.join(', ')}\n`);
  const kjs = m('raw kafkajs');
  const plt = m('raw platformatic');
  const pipe = m('pipeline');
  if (kjs !== undefined && plt !== undefined)
    process.stdout.write(`  ratio raw platformatic ÷ raw kafkajs: ${(plt / kjs).toFixed(2)}\n`);
  if (pipe !== undefined && kjs !== undefined)
    process.stdout.write(
      `  ratio pipeline ÷ raw kafkajs: ${(pipe / kjs).toFixed(2)} (goal ≥ 0.5; goal ≥ 31,000/s)\n`,
    );
  if (pipe !== undefined && plt !== undefined)
    process.stdout.write(`  ratio pipeline ÷ raw platformatic: ${(pipe / plt).toFixed(2)}\n`);
}
