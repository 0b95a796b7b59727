import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ruleSetSchema, type CaseEvent } from '@fengqiao/contracts';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { aCaseReported } from '@fengqiao/testing';
import { type BacktestJob, replayJob } from './backtest-replay';
import { replayInWorker } from './backtest-thread';

// The API's event-loop delay while a 30-day backtest replays, inline (as before) and in a worker
// thread (now). Synthetic stored cases, in memory: the database reads were async either way.
// Run: node -r @swc-node/register apps/api/src/rules/backtest-loop-delay.measure.ts --events 100000
const { values } = parseArgs({ options: { events: { type: 'string', default: '100000' } } });
const DAY = 86_400_000;
const from = Date.parse('2026-09-01T00:00:00+08:00');
const n = Number(values.events);
const categories = ['neighbourhood', 'land-acquisition', 'labour-wages', 'contract-debt'] as const;
const events: BacktestJob['events'] = Array.from({ length: n }, (_, i) => {
  const county = ['511902', '511903', '511921', '511922', '511923'][i % 5] ?? '511902';
  const e: CaseEvent = aCaseReported({
    region: { county, township: `${county}${String(1 + (i % 20)).padStart(3, '0')}` },
    category: categories[i % categories.length],
    occurredAt: new Date(from + Math.floor((i / n) * 30 * DAY)).toISOString(),
  });
  return { kind: 'case', event: e };
});
const set = ruleSetSchema.parse(DEFAULT_RULE_SET);
const job: BacktestJob = {
  events,
  sites: [],
  hourly: [],
  baseline: { untilMs: from, weeks: 13, utcOffsetMinutes: 480 },
  candidate: { set, version: 2 },
  active: { set, version: 1 },
};

async function measure(label: string, run: () => Promise<unknown>): Promise<void> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const t0 = performance.now();
  await run();
  const ms = performance.now() - t0;
  h.disable();
  const q = (p: number): string => (h.percentile(p) / 1e6).toFixed(1);
  process.stdout.write(
    `${label}: ${ms.toFixed(0)} ms for ${n} events; loop delay p50 ${q(50)} ms, p99 ${q(99)} ms, max ${(h.max / 1e6).toFixed(1)} ms\n`,
  );
}

async function main(): Promise<void> {
  // Inline: the await resolves at once, the replay blocks the loop for its whole length.
  await measure('inline (before)', async () => {
    await new Promise((r) => setTimeout(r, 20));
    replayJob(job);
    await new Promise((r) => setTimeout(r, 20));
  });
  await measure('worker thread (after)', () => replayInWorker(job));
}

void main();
