import { type CaseEvent } from '@fengqiao/contracts';
import { withTransaction, type DbPool } from '@fengqiao/db';
import { type DemoCity } from '@fengqiao/geo';
import { carryHistory } from '../history-carry';
import { HistoryRepository } from '../history.repository';
import { DEFAULT_SIM_TOPICS, SimRunner, type MessageSink } from '../sim-runner';
import { TrafficGenerator } from '../traffic/traffic-generator';

/**
 * What the live simulator of `npm start` delivers at its first step when started at `nowMs`: the
 * history's cases carried on from midnight and today's reported before `nowMs` (history-carry), by
 * the simulator's own runner, written through the event store as the ingest would. Returns the
 * case events written.
 */
export async function liveFirstStep(
  pool: DbPool,
  city: DemoCity,
  o: { readonly seed: number; readonly rate: number; readonly nowMs: number; readonly carryDays: number },
): Promise<number> {
  const gen = new TrafficGenerator(city, { seed: o.seed, compress: 1, heartbeatMs: 30_000 });
  const cases: CaseEvent[] = [];
  const sink: MessageSink = {
    publish: (topic, messages) => {
      if (topic === DEFAULT_SIM_TOPICS.caseEvents)
        for (const m of messages) cases.push(JSON.parse(String(m.value)) as CaseEvent);
      return Promise.resolve();
    },
  };
  let clock = o.nowMs;
  const runner = new SimRunner(gen, sink, () => clock, o.rate);
  carryHistory(gen, runner.cursorMs, o.carryDays, o.rate);
  clock += 200;
  await runner.step();
  return withTransaction(pool, (client) => new HistoryRepository().insertCases(client, cases));
}
