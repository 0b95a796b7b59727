import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { benchDatabase, median } from './bench-env';
import { type RawClient } from './consumers';
import { compareWriterAndCopy, writerComparisonLines } from './db-writer';
import { measureLatency } from './latency';
import { runThroughputSuite, type PipelineClient } from './throughput-suite';

// Printed figures, not a timed test:
// `node -r @swc-node/register bench/ingest/bench-ingest.ts --duration 8 --reps 3 [--client kafkajs|platformatic|both]
// [--pipeline kafkajs|platformatic|none] [--only concurrent,drain,writer,latency]`. Each figure is the median of
// `reps` short repetitions; keep them short on the shared 2-core machine.
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    reps: { type: 'string', default: '3' },
    rate: { type: 'string', default: '1150' },
    only: { type: 'string' },
    // Raw counting loops measured side by side; the pipeline runs on one client (or none).
    client: { type: 'string', default: 'both' },
    pipeline: { type: 'string', default: 'kafkajs' },
    // A folder: the pipeline process writes a CPU profile there (one .cpuprofile per repetition).
    'cpu-prof': { type: 'string' },
  },
});
const durationS = Number(values.duration);
const reps = Number(values.reps);
const wants = (part: string): boolean => values.only === undefined || values.only.split(',').includes(part);
const rawClients: RawClient[] =
  values.client === 'both'
    ? ['kafkajs', 'platformatic']
    : [values.client === 'platformatic' ? 'platformatic' : 'kafkajs'];
const pipeline: PipelineClient =
  values.pipeline === 'none' || values.pipeline === 'platformatic' ? values.pipeline : 'kafkajs';
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const loadAverage = (): string =>
  `${new Date().toISOString()} load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;

async function main(): Promise<void> {
  const { config, pool } = await benchDatabase();
  process.stdout.write(
    `ingest bench: ${reps} × ${durationS} s, database ${config.postgres.url.replace(/:[^:@/]*@/, ':***@')}\n`,
  );
  for (const mode of ['concurrent', 'drain'] as const) {
    if (!wants(mode)) continue;
    await runThroughputSuite(config, {
      mode,
      reps,
      durationS,
      rawClients,
      pipeline,
      cpuProfDir: values['cpu-prof'],
    });
    process.stdout.write(`  ${loadAverage()}\n`);
  }
  if (wants('writer')) {
    const comparison = await compareWriterAndCopy(pool, durationS, reps);
    process.stdout.write(`${writerComparisonLines(comparison).join('\n')}\n  ${loadAverage()}\n`);
  }
  if (wants('latency')) {
    const p50: number[] = [];
    const p99: number[] = [];
    for (let i = 0; i < reps; i++) {
      const l = await measureLatency(config, Number(values.rate), durationS);
      p50.push(l.p50);
      p99.push(l.p99);
      process.stdout.write(
        `  rep ${i + 1}: p50 ${l.p50} ms, p99 ${l.p99} ms, max ${l.max} ms over ${fmt(l.samples)} events\n`,
      );
    }
    process.stdout.write(
      `latency occurredAt→commit at ${values.rate}/s: p50 ${median(p50)} ms, p99 ${median(p99)} ms (goal p99 ≤ 1000 ms)\n`,
    );
  }
  await pool.end();
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
