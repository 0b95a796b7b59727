import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type CameraAnalytics, type CameraStatus, type CaseEvent } from '@fengqiao/contracts';
import {
  DEFAULT_RULE_SET,
  buildBaseline,
  buildCameraDirectory,
  createEngineContext,
  createEngineState,
  stateSizes,
  step,
  type Decision,
  type EngineInput,
  type EngineState,
} from '@fengqiao/rules';
import { cameraSites, hourlyHistory, inputOf, prng, recordedPayloads, type Mix } from './recorded-events';

// Rules-only throughput on one core (this process's single JS thread), replaying recorded events
// from memory with the default rule set over all 120 townships, against JSON.parse of the same
// payloads. Each round parses afresh (untimed) so the rules pay for hashing new id strings, as live.
// Usage: node -r @swc-node/register bench/rules/run.ts [--events 300000] [--rounds 5] [--mix 90,8,2]
const argOf = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const EVENTS = Number(argOf('events') ?? 300_000);
const ROUNDS = Number(argOf('rounds') ?? 5);
const [st, an, ca] = (argOf('mix') ?? '90,8,2').split(',').map((v) => Number(v) / 100);
const MIX: Mix = { status: st ?? 0.9, analytics: an ?? 0.08, cases: ca ?? 0.02 };
const CAMERAS = 31_000;
const START = Date.parse('2026-06-01T10:00:00+08:00');
const TICK_MS = 5_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = (): number => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const parseAll = (ps: readonly string[]): EngineInput[] =>
  ps.map((p) => inputOf(JSON.parse(p) as CaseEvent | CameraStatus | CameraAnalytics));

const rnd = prng(20261127);
const heap0 = heapMb();
const sites = cameraSites(CAMERAS, rnd);
const directory = buildCameraDirectory(sites);
const heapDir = heapMb();
const history = { untilMs: START, weeks: 90 / 7, utcOffsetMinutes: 480 };
const baseline = buildBaseline(hourlyHistory(sites, START, 90, rnd), history);
const ctx = createEngineContext({
  ruleSet: DEFAULT_RULE_SET,
  directory,
  baseline,
});
const heapCtx = heapMb();
const payloads = recordedPayloads(sites, { count: EVENTS, startMs: START, perSecond: 5_000, mix: MIX }, rnd);

/** CPU seconds of this process: on a machine shared with other jobs, wall time includes waiting. */
const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
};

function parseOnly(): { seconds: number; cpu: number } {
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  let sink = 0;
  for (const p of payloads) sink += (JSON.parse(p) as { eventId: string }).eventId.length;
  if (sink === 0) throw new Error('nothing parsed');
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, cpu: cpuSeconds(c) };
}

interface Replay {
  seconds: number;
  cpu: number;
  decisions: Map<string, number>;
  state: EngineState;
}

function rulesOnly(inputs: readonly EngineInput[]): Replay {
  const state = createEngineState();
  const decisions = new Map<string, number>();
  const count = (ds: readonly Decision[]) =>
    ds.forEach((d) => decisions.set(d.type, (decisions.get(d.type) ?? 0) + 1));
  let nextTick = START + TICK_MS;
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  for (const input of inputs) {
    const now = 'event' in input ? Date.parse(input.event.occurredAt) : nextTick;
    if (now >= nextTick) {
      count(step(ctx, state, { kind: 'tick' }, nextTick).decisions);
      nextTick += TICK_MS;
    }
    count(step(ctx, state, input, now).decisions);
  }
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, cpu: cpuSeconds(c), decisions, state };
}

const parseTimes: number[] = [];
const ruleTimes: number[] = [];
const parseCpu: number[] = [];
const ruleCpu: number[] = [];
let last: Replay | undefined;
for (let r = 0; r < ROUNDS; r++) {
  const p = parseOnly();
  parseTimes.push(p.seconds);
  parseCpu.push(p.cpu);
  const inputs = parseAll(payloads);
  last = rulesOnly(inputs);
  ruleTimes.push(last.seconds);
  ruleCpu.push(last.cpu);
}
const parseRate = EVENTS / median(parseTimes);
const rulesRate = EVENTS / median(ruleTimes);
const rulesCpuRate = EVENTS / median(ruleCpu);
const inputs = parseAll(payloads);
const heapBefore = heapMb();
const kept = rulesOnly(inputs);
const heapAfter = heapMb();

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const pct = (v: number): string => `${Math.round(v * 100)}%`;
console.log(
  `replayed ${fmt(EVENTS)} events (${pct(MIX.status)} heartbeats, ${pct(MIX.analytics)} detections, ${pct(MIX.cases)} case events), median of ${ROUNDS} rounds`,
);
const parseCpuRate = EVENTS / median(parseCpu);
const verdict = rulesCpuRate >= 150_000 ? 'met' : 'NOT met';
console.log(`JSON.parse only: ${fmt(parseRate)} events/s wall, ${fmt(parseCpuRate)} per CPU-second`);
console.log(`rules only:      ${fmt(rulesRate)} events/s wall, ${fmt(rulesCpuRate)} per CPU-second`);
console.log(`goal >= 150,000 events/s on one core (CPU time; wall time includes waiting): ${verdict}`);
console.log(
  `rules / JSON.parse throughput: ${(rulesRate / parseRate).toFixed(2)} wall, ${(rulesCpuRate / parseCpuRate).toFixed(2)} CPU`,
);
console.log(
  `load average: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);
console.log(`decisions per replay: ${JSON.stringify(Object.fromEntries(last?.decisions ?? []))}`);
console.log(
  `baselines: ${ctx.baseline.seriesCount} region x metric series built from 90 days of hourly history`,
);
console.log(`heap of the 31,000-camera directory (sites + index): ${(heapDir - heap0).toFixed(1)} MiB`);
console.log(
  `heap of the baselines built from 90 days of hourly history: ${(heapCtx - heapDir).toFixed(1)} MiB`,
);
console.log(`heap of the engine state after one replay: ${(heapAfter - heapBefore).toFixed(1)} MiB`);
console.log(`state sizes: ${JSON.stringify(stateSizes(kept.state))}`);
