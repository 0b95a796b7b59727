import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { benchDatabase, median } from './bench-env';
import { startPipeline, startRawConsumer } from './consumers';
import { measureCopy, measureWriter } from './db-writer';
import { measureLatency } from './latency';
import { measureThroughput } from './throughput';

// Printed figures, not a timed test:
// `node -r @swc-node/register bench/ingest/bench-ingest.ts --duration 10 --reps 3`. Each figure is the median of
// `reps` short repetitions; keep them short on the shared 2-core machine.
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    reps: { type: 'string', default: '3' },
    rate: { type: 'string', default: '1150' },
    only: { type: 'string' },
  },
});
const durationS = Number(values.duration);
const reps = Number(values.reps);
const wants = (part: string): boolean => values.only === undefined || values.only.split(',').includes(part);
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const { config, pool } = await benchDatabase();
  process.stdout.write(
    `ingest bench: ${reps} × ${durationS} s, database ${config.postgres.url.replace(/:[^:@/]*@/, ':***@')}\n`,
  );
  for (const mode of ['concurrent', 'drain'] as const) {
    if (!wants(mode)) continue;
    const raw: number[] = [];
    const ours: number[] = [];
    for (let i = 0; i < reps; i++) {
      const rawSuffix = `bench-raw-${randomUUID().slice(0, 8)}`;
      const r = await measureThroughput(config, { suffix: rawSuffix, durationS, mode }, (t) =>
        startRawConsumer(config, t),
      );
      const suffix = `bench-e2e-${randomUUID().slice(0, 8)}`;
      const o = await measureThroughput(config, { suffix, durationS, mode }, () =>
        startPipeline(config, suffix),
      );
      raw.push(r.eventsPerSecond);
      ours.push(o.eventsPerSecond);
      process.stdout.write(
        `  ${mode} rep ${i + 1}: raw kafkajs ${fmt(r.eventsPerSecond)}/s (${fmt(r.produced)} events), pipeline ${fmt(o.eventsPerSecond)}/s (${fmt(o.produced)} events; producer ${fmt(o.producedPerSecond)}/s)\n`,
      );
    }
    const ratio = median(ours) / median(raw);
    process.stdout.write(
      `${mode === 'concurrent' ? 'end-to-end (producing while consuming)' : 'drain (backlog, consumer alone)'}: pipeline ${fmt(median(ours))} events/s, raw kafkajs ${fmt(median(raw))} events/s, ratio ${ratio.toFixed(2)} (goal ≥ 0.5; goal ≥ 31,000/s)\n`,
    );
  }
  if (wants('writer')) {
    const w: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < reps; i++) {
      w.push(await measureWriter(pool, durationS));
      c.push(await measureCopy(pool, durationS));
    }
    process.stdout.write(
      `db writer: ours ${fmt(median(w))} rows/s, raw COPY ${fmt(median(c))} rows/s, ratio ${(median(w) / median(c)).toFixed(2)} (goal ≥ 0.7)\n`,
    );
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
