import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createKafkaClient, ensureTopics } from '@fengqiao/kafka';
import { Partitioners } from 'kafkajs';
import { ingestTopics, topicSpecsOf } from '../../apps/ingest/src/ingest-topics';
import { seedDemoUsers } from '../../apps/api/src/seed-users';
import { warningTopics } from '../../apps/warning/src/warning-topics';
import { benchDatabase } from '../ingest/bench-env';
import { startRawConsumer } from '../ingest/consumers';
import { measureThroughput } from '../ingest/throughput';
import { listenerPid, type Part } from './proc-stats';
import { MixProducer } from './rate-producer';
import { runRate, settle, type RateResult } from './run-rate';
import { startSystem } from './system-processes';
import { WallClients } from './wall-clients';

/**
 * The whole system under the camera mix (issue 18), printed figures:
 *   node -r @swc-node/register bench/system/whole-system.bench.ts --rates 5000,10000,20000,31000 --duration 60
 *     [--warmup 10] [--clients 20] [--probe-every 2] [--step 10] [--raw true|false] [--profile warning,api]
 * Ingest, warning, API and the reports scheduler run from their main.ts as real processes on a private
 * database (fengqiao_bench_system: migrated, 31,000-camera registry, demo users) and private topics of
 * the shared broker; N wall clients hold the API's /live socket with the wall account's token. Each
 * target rate runs for --duration (the apps stay up between rates); a case with a violence risk every
 * --probe-every seconds is timed from its send to each wall client's alert change. Before the rates,
 * a bare kafkajs consumer (JSON-free counting, bench/ingest/raw-consumer.ts) measures the raw
 * produce → consume rate for the same duration: the ratio's denominator.
 */
const { values } = parseArgs({
  options: {
    rates: { type: 'string', default: '5000,10000,20000,31000' },
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '10' },
    clients: { type: 'string', default: '20' },
    'probe-every': { type: 'string', default: '2' },
    step: { type: 'string', default: '10' },
    raw: { type: 'string', default: 'true' },
    profile: { type: 'string', default: '' },
  },
});
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const log = (line: string): void => void process.stdout.write(`${line}\n`);
// A sampler that never finished within the window (a saturated machine) leaves no figure: say so.
const secs = (n: number): string => (Number.isNaN(n) ? 'no sample' : `${n.toFixed(2)} s`);
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function portOf(address: string): number {
  return Number(/:(\d+)(?:\/|$)/.exec(address)?.[1] ?? Number.NaN);
}

function report(r: RateResult, raw: number | undefined): void {
  const ok = r.committedPerS >= 0.95 * r.plan.rate && r.lagS.ingestP99 <= 2 && r.lagS.warningP99 <= 2;
  log(
    `target ${fmt(r.plan.rate)}/s, ${Math.round(r.seconds)} s measured after ${r.plan.warmupS} s warm-up (load ${r.load.map((l) => l.toFixed(2)).join(' ')}): ` +
      `produced ${fmt(r.producedPerS)}/s, committed ${fmt(r.committedPerS)}/s → ${ok ? 'SUSTAINED' : 'not sustained'}` +
      (raw === undefined
        ? ''
        : `; ratio to raw kafkajs ${(r.committedPerS / raw).toFixed(2)} (goal ≥ 0.7 at 31,000/s)`),
  );
  log(
    `  consumer lag p99: ingest ${secs(r.lagS.ingestP99)}, warning ${secs(r.lagS.warningP99)} (at the end ${secs(r.lagS.ingestEnd)} / ${secs(r.lagS.warningEnd)}; goal p99 ≤ 2 s)`,
  );
  const a = r.alert;
  log(
    `  event → red alert on a wall client: p50 ${fmt(a.p50)} ms, p99 ${fmt(a.p99)} ms, max ${fmt(a.max)} ms over ${a.samples} receipts of ${a.probes} probes (${a.missing} not on every client within 5 s; goal p99 ≤ 500 ms)`,
  );
  const rss = Object.entries(r.rss).map(
    ([k, v]) =>
      `${k} ${v.start.toFixed(0)} → ${v.end.toFixed(0)} MiB (${(((v.end - v.start) / v.start) * 100).toFixed(1)} %)`,
  );
  log(`  RSS after warm-up → end: ${rss.join(', ')} (goal growth ≤ 10 %)`);
  const cpu = Object.entries(r.cpu).map(
    ([k, v]) => `${k} ${v.msPer1000.toFixed(0)} ms (${v.cores.toFixed(2)} cores)`,
  );
  log(`  CPU per 1,000 committed events: ${cpu.join(', ')}`);
}

/** The apps, once started: stopped on a failure or a signal too, never left running. */
let running: Awaited<ReturnType<typeof startSystem>> | undefined;

async function stopAndExit(code: number): Promise<never> {
  await running?.stop().catch(() => undefined);
  process.exit(code);
}

async function main(): Promise<void> {
  const rates = values.rates.split(',').map(Number);
  const durationS = Number(values.duration);
  const { config, pool } = await benchDatabase('fengqiao_bench_system');
  await seedDemoUsers(pool, config);
  const suffix = `bench-sys-${randomUUID().slice(0, 8)}`;
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: 'bench-system' });
  let raw: number | undefined;
  if (values.raw !== 'false') {
    log(`raw kafkajs produce → consume for ${durationS} s (load ${load()})…`);
    const r = await measureThroughput(
      config,
      { suffix: `${suffix}-raw`, durationS, mode: 'concurrent' },
      (t) => startRawConsumer(config, t),
    );
    raw = r.eventsPerSecond;
    log(`raw kafkajs: ${fmt(raw)} events/s (produced ${fmt(r.producedPerSecond)}/s; load ${load()})`);
  }
  const topics = ingestTopics(suffix);
  const wTopics = warningTopics(suffix);
  await ensureTopics(kafka, [
    ...topicSpecsOf(topics),
    ...wTopics.specs().filter((s) => s.name === wTopics.byKind.alertChanges),
  ]);
  const profileDir = join(config.repoRoot, '.stack', 'profiles', suffix);
  const profile = values.profile.split(',').filter(Boolean);
  if (profile.length > 0) mkdirSync(profileDir, { recursive: true });
  const warningGroup = `bench-warning-${suffix}`;
  const system = (running = await startSystem(config, {
    suffix,
    warningGroup,
    alertsTopic: wTopics.byKind.alertChanges,
    profile,
    profileDir,
  }));
  const wall = await WallClients.connect(system.apiUrl, Number(values.clients));
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const admin = kafka.admin();
  await admin.connect();
  const parts: Part[] = [
    ...system.apps.map((a) => ({ name: a.name, pid: a.pid })),
    { name: 'broker', pid: listenerPid(portOf(config.kafka.brokers[0] ?? '')) },
    { name: 'postgres', pid: listenerPid(portOf(config.postgres.url)), children: true },
    { name: 'bench', pid: process.pid },
  ];
  log(
    `system up (${system.apps.map((a) => `${a.name} pid ${a.pid}`).join(', ')}), ${values.clients} wall clients; load ${load()}`,
  );
  const deps = {
    producer: new MixProducer(producer, topics),
    wall,
    admin,
    warningGroup,
    warningTopics: [
      topics.byKind.case,
      topics.byKind.cameraStatus,
      topics.byKind.cameraAnalytics,
      topics.byKind.cameraRegistered,
    ],
    parts,
    ingested: () => system.ingested(),
    log,
  };
  for (const rate of rates) {
    const plan = {
      rate,
      durationS,
      warmupS: Number(values.warmup),
      stepS: Number(values.step),
      probeEveryS: Number(values['probe-every']),
    };
    report(await runRate(plan, deps), raw);
    // The next rate starts from a drained pipeline, not from this one's backlog.
    const waited = await settle(deps, rate, 90);
    log(`  (drained for ${waited.toFixed(0)} s before the next rate; load ${load()})`);
  }
  wall.close();
  await producer.disconnect();
  await admin.disconnect();
  await system.stop();
  running = undefined;
  await pool.end();
  if (profile.length > 0) log(`CPU profiles in ${profileDir}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAndExit(130));
main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    void stopAndExit(1);
  },
);
