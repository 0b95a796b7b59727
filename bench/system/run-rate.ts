import { loadavg } from 'node:os';
import { type Admin } from 'kafkajs';
import { quantile } from '../video/proc-cpu';
import { groupLag } from './group-lag';
import { type Part, readCpu, readRss } from './proc-stats';
import { type MixProducer } from './rate-producer';
import { type WallClients } from './wall-clients';

export interface RatePlan {
  readonly rate: number;
  readonly durationS: number;
  readonly warmupS: number;
  readonly stepS: number;
  readonly probeEveryS: number;
}

export interface RateDeps {
  readonly producer: MixProducer;
  readonly wall: WallClients;
  readonly admin: Admin;
  readonly warningGroup: string;
  readonly warningTopics: readonly string[];
  readonly parts: readonly Part[];
  ingested(): Promise<number>;
  log(line: string): void;
}

export interface RateResult {
  readonly plan: RatePlan;
  readonly seconds: number;
  readonly producedPerS: number;
  readonly committedPerS: number;
  /** Seconds of input behind (lag ÷ target rate), sampled every second after the warm-up. */
  readonly lagS: { ingestP99: number; warningP99: number; ingestEnd: number; warningEnd: number };
  readonly alert: { p50: number; p99: number; max: number; samples: number; probes: number; missing: number };
  readonly rss: Record<string, { start: number; end: number }>;
  /** CPU ms per 1,000 committed events and cores used, per part. */
  readonly cpu: Record<string, { msPer1000: number; cores: number }>;
  readonly load: readonly number[];
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs `job` every `ms` without overlapping itself; returns the stop. */
function every(ms: number, job: () => Promise<void>): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    job()
      .catch((err: unknown) => process.stderr.write(`bench timer: ${String(err)}\n`))
      .finally(() => (running = false));
  }, ms);
  return () => clearInterval(timer);
}

type Warm = { at: number; ingested: number; cpu: Record<string, number>; rss: Record<string, number> };

/**
 * One target rate: produce the mix on schedule (100 ms ticks; a late tick catches up); probes, lag
 * samples and progress lines run on their own timers, so a long catch-up send delays none of them.
 */
export async function runRate(plan: RatePlan, d: RateDeps): Promise<RateResult> {
  const t0 = Date.now();
  const start0 = d.producer.produced;
  const lags = { ingest: [] as number[], warning: [] as number[] };
  let warm: Warm | undefined;
  let lastStep = { at: t0, ingested: await d.ingested() };
  const stops = [
    every(plan.probeEveryS * 1000, () => d.producer.probe((id) => d.wall.sent(id))),
    every(1000, () => sampleLags(plan, d, warm !== undefined, lags)),
    every(plan.stepS * 1000, async () => {
      const n = await d.ingested();
      const perS = (n - lastStep.ingested) / ((Date.now() - lastStep.at) / 1000);
      d.log(
        `  ${fmt(plan.rate)}/s t=${Math.round((Date.now() - t0) / 1000)} s: committed ${fmt(perS)}/s, ingest lag ${lastOf(lags.ingest)} s, warning lag ${lastOf(lags.warning)} s, load ${loadavg()[0]?.toFixed(2)}`,
      );
      lastStep = { at: Date.now(), ingested: n };
    }),
  ];
  const warmTimer = setTimeout(() => {
    d.wall.take(); // probes of the warm-up are not counted
    void d.ingested().then((ingested) => {
      warm = { at: Date.now(), ingested, cpu: readCpu(d.parts), rss: readRss(d.parts) };
    });
  }, plan.warmupS * 1000);
  while (Date.now() - t0 < plan.durationS * 1000) {
    const due = Math.floor(((Date.now() - t0) / 1000) * plan.rate);
    // At most a second of input per send: a producer slower than the target must not keep the loop
    // past its end catching up (a 120 s window ran 228 s at load 30).
    const behind = due - (d.producer.produced - start0);
    if (behind > 0) await d.producer.send(Math.min(behind, plan.rate));
    await sleep(Math.max(0, 100 - ((Date.now() - t0) % 100)));
  }
  clearTimeout(warmTimer);
  for (const stop of stops) stop();
  return finish(plan, d, t0, start0, warm, lags);
}

/** Between two rates: until both consumers are within a second of input (or `maxS` passed). */
export async function settle(d: RateDeps, rate: number, maxS: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < maxS * 1000) {
    const ingestLag = d.producer.total - (await d.ingested());
    const warningLag = await groupLag(d.admin, d.warningGroup, d.warningTopics);
    if (Math.max(ingestLag, warningLag) < rate) break;
    await sleep(1000);
  }
  return (Date.now() - t0) / 1000;
}

function lastOf(xs: readonly number[]): string {
  return (xs.at(-1) ?? Number.NaN).toFixed(1);
}

async function sampleLags(
  plan: RatePlan,
  d: RateDeps,
  counted: boolean,
  lags: { ingest: number[]; warning: number[] },
): Promise<void> {
  // The ingest's lag from its own count: everything produced on its topics − what it committed.
  const ingestLag = d.producer.total - (await d.ingested());
  const warningLag = await groupLag(d.admin, d.warningGroup, d.warningTopics);
  if (!counted) return;
  lags.ingest.push(Math.max(0, ingestLag) / plan.rate);
  lags.warning.push(warningLag / plan.rate);
}

async function finish(
  plan: RatePlan,
  d: RateDeps,
  t0: number,
  start0: number,
  warm:
    { at: number; ingested: number; cpu: Record<string, number>; rss: Record<string, number> } | undefined,
  lags: { ingest: number[]; warning: number[] },
): Promise<RateResult> {
  if (warm === undefined) throw new Error('the run ended inside its warm-up: raise --duration');
  const end = Date.now();
  const ingested = (await d.ingested()) - warm.ingested;
  const cpu1 = readCpu(d.parts);
  const rss1 = readRss(d.parts);
  // Probes still in flight get up to 5 s to show (then they count as missing).
  for (let i = 0; i < 50 && d.wall.outstanding() > 0; i++) await sleep(100);
  const probes = d.wall.take();
  const sorted = [...probes.samples].sort((a, b) => a - b);
  const seconds = (end - warm.at) / 1000;
  const cpu: RateResult['cpu'] = {};
  for (const p of d.parts) {
    const used = (cpu1[p.name] ?? Number.NaN) - (warm.cpu[p.name] ?? Number.NaN);
    cpu[p.name] = { msPer1000: (used / Math.max(1, ingested)) * 1e6, cores: used / seconds };
  }
  const rss: RateResult['rss'] = {};
  for (const [k, v] of Object.entries(rss1)) rss[k] = { start: warm.rss[k] ?? Number.NaN, end: v };
  const sortedLag = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
  return {
    plan,
    seconds,
    producedPerS: (d.producer.produced - start0) / ((end - t0) / 1000),
    committedPerS: ingested / seconds,
    lagS: {
      ingestP99: quantile(sortedLag(lags.ingest), 0.99),
      warningP99: quantile(sortedLag(lags.warning), 0.99),
      ingestEnd: lags.ingest.at(-1) ?? Number.NaN,
      warningEnd: lags.warning.at(-1) ?? Number.NaN,
    },
    alert: {
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      max: sorted.at(-1) ?? Number.NaN,
      samples: sorted.length,
      probes: probes.probes,
      missing: probes.missing,
    },
    rss,
    cpu,
    load: loadavg(),
  };
}
