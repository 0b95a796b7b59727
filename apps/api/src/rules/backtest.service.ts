import { Injectable } from '@nestjs/common';
import { BACKTEST_MAX_EVENTS, type BacktestRequest, type BacktestResponse } from '@fengqiao/contracts';
import { HOUR_MS as HOUR } from '@fengqiao/domain';
import { BASELINE_WEEKS } from '@fengqiao/rules';
import { ApiError } from '../common/api-error';
import { Database } from '../infra/database';
import { BacktestInputsRepository } from './backtest-inputs.repository';
import { replayInWorker } from './backtest-thread';
import { RULE_SET_VERSIONS } from '../versioned/versioned-tables';
import { validateRuleSet } from './rules.service';

/**
 * Replays the stored events of a range through a version and through the active one, from empty
 * state, and reports what each would have raised and the difference. Bounded: at most 31 days
 * (the request schema) and BACKTEST_MAX_EVENTS events, so a request cannot run away. The reads
 * happen here; the replay runs in a worker thread, off the event loop that serves everyone else.
 */
@Injectable()
export class BacktestService {
  constructor(
    private readonly db: Database,
    private readonly inputs: BacktestInputsRepository,
  ) {}

  async run(version: number, req: BacktestRequest): Promise<BacktestResponse> {
    const pool = this.db.pool;
    const row = await RULE_SET_VERSIONS.find(pool, version);
    if (row === undefined) throw new ApiError('NOT_FOUND', `no rule-set version ${version}`);
    const candidate = validateRuleSet(row.document);
    const activeVersion = await RULE_SET_VERSIONS.activeVersion(pool);
    const active =
      activeVersion === undefined ? undefined : await RULE_SET_VERSIONS.find(pool, activeVersion);
    const from = new Date(req.from);
    const to = new Date(req.to);
    const events = await this.inputs.events(pool, { from, to, region: req.region }, BACKTEST_MAX_EVENTS + 1);
    const truncated = events.length > BACKTEST_MAX_EVENTS;
    if (truncated) events.length = BACKTEST_MAX_EVENTS;
    const until = from.getTime() - (from.getTime() % HOUR);
    const hourly = await this.inputs.hourlyCounts(
      pool,
      new Date(until - BASELINE_WEEKS * 7 * 24 * HOUR),
      from,
    );
    const outcome = await replayInWorker({
      events,
      sites: await this.inputs.sites(pool),
      hourly,
      baseline: {
        untilMs: until,
        weeks: BASELINE_WEEKS,
        utcOffsetMinutes: candidate.calendar.utcOffsetMinutes,
      },
      candidate: { set: candidate, version },
      active:
        active === undefined || active.version === version
          ? null
          : { set: validateRuleSet(active.document), version: active.version },
    });
    return { from: from.toISOString(), to: to.toISOString(), events: events.length, truncated, ...outcome };
  }
}
