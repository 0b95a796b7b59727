import { Injectable } from '@nestjs/common';
import {
  BACKTEST_MAX_EVENTS,
  type AlertColour,
  type BacktestRequest,
  type BacktestResponse,
  type BacktestRun,
  type RuleSet,
} from '@fengqiao/contracts';
import {
  backtest,
  buildBaseline,
  buildCameraDirectory,
  createEngineContext,
  type BaselineSeries,
  type CameraDirectory,
} from '@fengqiao/rules';
import { ApiError } from '../common/api-error';
import { Database } from '../infra/database';
import { BacktestInputsRepository } from './backtest-inputs.repository';
import { RuleSetsRepository } from './rule-sets.repository';
import { validateRuleSet } from './rules.service';

const HOUR = 3_600_000;
const BASELINE_WEEKS = 13;
/** Ticks every minute of event time: pending periods, hysteresis and deadlines are judged as live. */
const TICK_MS = 60_000;
/** Each run lists at most this many alerts (its counts are complete). */
const MAX_LISTED = 500;
const COLOURS: readonly AlertColour[] = ['blue', 'orange', 'red'];

type Replayed = Awaited<ReturnType<BacktestInputsRepository['events']>>;

/**
 * Replays the stored events of a range through a version and through the active one, from empty
 * state, and reports what each would have raised and the difference. Bounded: at most 31 days
 * (the request schema) and BACKTEST_MAX_EVENTS events, so a request cannot run away.
 */
@Injectable()
export class BacktestService {
  constructor(
    private readonly db: Database,
    private readonly ruleSets: RuleSetsRepository,
    private readonly inputs: BacktestInputsRepository,
  ) {}

  async run(version: number, req: BacktestRequest): Promise<BacktestResponse> {
    const pool = this.db.pool;
    const row = await this.ruleSets.find(pool, version);
    if (row === undefined) throw new ApiError('NOT_FOUND', `no rule-set version ${version}`);
    const candidate = validateRuleSet(row.body);
    const active = await this.ruleSets.findActive(pool);
    const from = new Date(req.from);
    const to = new Date(req.to);
    const events = await this.inputs.events(pool, { from, to, region: req.region }, BACKTEST_MAX_EVENTS + 1);
    const truncated = events.length > BACKTEST_MAX_EVENTS;
    if (truncated) events.length = BACKTEST_MAX_EVENTS;
    const directory = buildCameraDirectory(await this.inputs.sites(pool));
    const until = from.getTime() - (from.getTime() % HOUR);
    const hourly = await this.inputs.hourlyCounts(
      pool,
      new Date(until - BASELINE_WEEKS * 7 * 24 * HOUR),
      from,
    );
    const offset = candidate.calendar.utcOffsetMinutes;
    const baseline = buildBaseline(hourly, {
      untilMs: until,
      weeks: BASELINE_WEEKS,
      utcOffsetMinutes: offset,
    });
    const replay = (set: RuleSet, v: number): BacktestRun => runOnce(set, v, events, { directory, baseline });
    const candidateRun = replay(candidate, version);
    const activeRun =
      active === undefined || active.version === version
        ? null
        : replay(validateRuleSet(active.body), active.version);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      events: events.length,
      truncated,
      candidate: candidateRun,
      active: activeRun,
      diff: activeRun === null ? null : diffOf(candidateRun, activeRun),
    };
  }
}

function runOnce(
  set: RuleSet,
  version: number,
  events: Replayed,
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
