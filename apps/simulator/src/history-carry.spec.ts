import { buildDemoCity } from '@fengqiao/geo';
import { carryHistory } from './history-carry';
import { localMidnight } from './history.service';
import { DEFAULT_SIM_TOPICS, SimRunner, type MessageSink } from './sim-runner';
import { TrafficGenerator } from './traffic/traffic-generator';

const city = buildDemoCity({ seed: 7, cameras: 50, townships: 10 });
const NOW = Date.parse('2026-12-07T10:00:00+08:00');
const MIDNIGHT = localMidnight(NOW);
const RATE = 0.1;

/** The case events the simulator publishes at its first step when started at 10:00. */
async function firstStep(carryDays: number): Promise<{ type: string; occurredAt: string }[]> {
  const gen = new TrafficGenerator(city, { seed: 7, compress: 1, heartbeatMs: 30_000 });
  const out: { type: string; occurredAt: string }[] = [];
  const sink: MessageSink = {
    publish: (topic, messages) => {
      if (topic === DEFAULT_SIM_TOPICS.caseEvents)
        for (const m of messages)
          out.push(JSON.parse(String(m.value)) as { type: string; occurredAt: string });
      return Promise.resolve();
    },
  };
  let clock = NOW;
  const runner = new SimRunner(gen, sink, () => clock, RATE);
  carryHistory(gen, runner.cursorMs, carryDays, RATE);
  clock += 200;
  await runner.step();
  return out;
}

describe('carryHistory', () => {
  it("publishes today's cases reported before the start at the first step, as the history would write them", async () => {
    const events = await firstStep(0);
    const reported = events.filter((e) => e.type === 'reported' && Date.parse(e.occurredAt) < NOW);
    const history = new TrafficGenerator(city, { seed: 7, compress: 1 })
      .caseLives(MIDNIGHT, NOW, RATE, NOW)
      .filter((e) => e.type === 'reported');
    expect(history.length).toBeGreaterThan(10);
    expect(reported.map((e) => e.occurredAt).sort()).toEqual(history.map((e) => e.occurredAt).sort());
    expect(events.every((e) => Date.parse(e.occurredAt) >= MIDNIGHT)).toBe(true);
  });
});
