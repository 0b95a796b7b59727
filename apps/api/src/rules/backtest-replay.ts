import { type AlertColour, type BacktestResponse, type BacktestRun, type RuleSet } from '@fengqiao/contracts';
import {
  backtest,
  buildBaseline,
  buildCameraDirectory,
  createEngineContext,
  type BaselineSeries,
  type CameraDirectory,
} from '@fengqiao/rules';
import { type BacktestInputsRepository } from './backtest-inputs.repository';

/** Ticks every minute of event time: pending periods, hysteresis and deadlines are judged as live. */
const TICK_MS = 60_000;
/** Each run lists at most this many alerts (its counts are complete). */
const MAX_LISTED = 500;
const COLOURS: readonly AlertColour[] = ['blue', 'orange', 'red'];

type Inputs = BacktestInputsRepository;

/** Everything a replay needs, plain data (it crosses to a worker thread by structured clone). */
export interface BacktestJob {
  readonly events: Awaited<ReturnType<Inputs['events']>>;
  readonly sites: Awaited<ReturnType<Inputs['sites']>>;
  readonly hourly: Awaited<ReturnType<Inputs['hourlyCounts']>>;
  readonly baseline: { untilMs: number; weeks: number; utcOffsetMinutes: number };
  readonly candidate: { set: RuleSet; version: number };
  readonly active: { set: RuleSet; version: number } | null;
}

export type BacktestOutcome = Pick<BacktestResponse, 'candidate' | 'active' | 'diff'>;

/** The CPU-heavy part of a backtest: pure, so it can run off the API's event loop. */
export function replayJob(job: BacktestJob): BacktestOutcome {
  const directory = buildCameraDirectory(job.sites);
  const baseline = buildBaseline(job.hourly, job.baseline);
  const ref = { directory, baseline };
  const candidate = runOnce(job.candidate.set, job.candidate.version, job.events, ref);
  const active = job.active === null ? null : runOnce(job.active.set, job.active.version, job.events, ref);
  return { candidate, active, diff: active === null ? null : diffOf(candidate, active) };
}

function runOnce(
  set: RuleSet,
  version: number,
  events: BacktestJob['events'],
  ref: { directory: CameraDirectory; baseline: readonly BaselineSeries[] },
): BacktestRun {
  const ctx = createEngineContext({ ruleSet: set, directory: ref.directory, baseline: ref.baseline });
  const r = backtest(ctx, events, { tickMs: TICK_MS, maxAlerts: MAX_LISTED });
  return {
    version,
    byColour: { ...r.byColour },
    byRule: { ...r.byRule },
    suppressed: r.suppressed,
    alerts: r.alerts.map((a) => ({ ...a })),
  };
}

function diffOf(a: BacktestRun, b: BacktestRun): NonNullable<BacktestResponse['diff']> {
  const byColour = { blue: 0, orange: 0, red: 0 };
  for (const c of COLOURS) byColour[c] = a.byColour[c] - b.byColour[c];
  const byRule: Record<string, number> = {};
  for (const id of new Set([...Object.keys(a.byRule), ...Object.keys(b.byRule)]).values()) {
    const d = (a.byRule[id] ?? 0) - (b.byRule[id] ?? 0);
    if (d !== 0) byRule[id] = d;
  }
  return { byColour, byRule };
}
