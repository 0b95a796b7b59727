import { type AlertColour } from '@fengqiao/contracts';
import { type EngineContext } from '../context';
import { createEngineState, type EngineInput } from './state';
import { step } from './step';

/** One alert a rule set would have raised: what, where and when. */
export interface BacktestAlert {
  readonly ruleId: string;
  readonly colour: AlertColour;
  readonly county: string;
  readonly township?: string;
  readonly raisedAt: string;
}

export interface BacktestReport {
  readonly inputs: number;
  /** Alerts opened (raised, reopened or silenced) and colour rises, by colour. */
  readonly byColour: Readonly<Record<AlertColour, number>>;
  readonly byRule: Readonly<Record<string, number>>;
  readonly suppressed: number;
  /** Every raise in order, capped at `maxAlerts` (the counts above are not capped). */
  readonly alerts: readonly BacktestAlert[];
}

type TimedInput = Extract<EngineInput, { kind: 'case' | 'camera-status' | 'camera-analytics' }>;

/**
 * Runs a rule set (old or proposed: it is the context's) over stored events in time order, from
 * an empty state, with a tick every `tickMs` of event time: what would it have raised, where and
 * when? Time is the events' own, so the answer does not depend on when the backtest runs.
 */
export function backtest(
  ctx: EngineContext,
  events: Iterable<TimedInput>,
  opts: { tickMs: number; maxAlerts?: number },
): BacktestReport {
  const state = createEngineState();
  const byColour: Record<AlertColour, number> = { blue: 0, orange: 0, red: 0 };
  const byRule: Record<string, number> = {};
  const alerts: BacktestAlert[] = [];
  let suppressed = 0;
  let inputs = 0;
  let nextTick: number | undefined;
  const run = (input: EngineInput, now: number): void => {
    for (const d of step(ctx, state, input, now).decisions) {
      if (d.type === 'suppressed') suppressed++;
      if (d.type !== 'raised' && d.type !== 'reopened' && d.type !== 'silenced' && d.type !== 'updated')
        continue;
      byColour[d.alert.colour]++;
      byRule[d.alert.ruleId] = (byRule[d.alert.ruleId] ?? 0) + 1;
      if (alerts.length < (opts.maxAlerts ?? 10_000)) {
        const { ruleId, colour, region, raisedAt } = d.alert;
        alerts.push({
          ruleId,
          colour,
          county: region.county,
          ...(region.township === undefined ? {} : { township: region.township }),
          raisedAt,
        });
      }
    }
  };
  for (const input of events) {
    const at = Date.parse(input.event.occurredAt);
    nextTick ??= at + opts.tickMs;
    for (; nextTick <= at; nextTick += opts.tickMs) run({ kind: 'tick' }, nextTick);
    run(input, at);
    inputs++;
  }
  if (nextTick !== undefined) run({ kind: 'tick' }, nextTick);
  return { inputs, byColour, byRule, suppressed, alerts };
}
