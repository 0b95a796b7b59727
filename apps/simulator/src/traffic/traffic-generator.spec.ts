import { INPUT_TOPICS, type CaseEvent } from '@fengqiao/contracts';
import { buildDemoCity } from '@fengqiao/geo';
import { TrafficGenerator, type SlotTraffic } from './traffic-generator';

const city = buildDemoCity({ seed: 3, cameras: 600, townships: 40 });
/** The default of FQ_SIM_HEARTBEAT_MS (config.tuning.simulator.heartbeatMs), as the test's input. */
const HEARTBEAT_MS = 30_000;
/** 2026-11-27 09:00 CST, office hours. */
const T0 = Date.parse('2026-11-27T09:00:00+08:00');

function run(gen: TrafficGenerator, seconds: number, rate: number, start = T0): SlotTraffic {
  const all: SlotTraffic = { status: [], analytics: [], cases: [] };
  for (let t = start; t < start + seconds * 1000; t += 200) {
    const s = gen.slot(t, t + 200, rate);
    all.status.push(...s.status);
    all.analytics.push(...s.analytics);
    all.cases.push(...s.cases);
  }
  return all;
}

describe('TrafficGenerator', () => {
  it('is deterministic: the same seed and times give the same events and ids', () => {
    const a = run(
      new TrafficGenerator(city, { seed: 9, cameras: 100, compress: 60, heartbeatMs: HEARTBEAT_MS }),
      120,
      5,
    );
    const b = run(
      new TrafficGenerator(city, { seed: 9, cameras: 100, compress: 60, heartbeatMs: HEARTBEAT_MS }),
      120,
      5,
    );
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.cases.length + a.analytics.length).toBeGreaterThan(0);
    const c = run(
      new TrafficGenerator(city, { seed: 10, cameras: 100, compress: 60, heartbeatMs: HEARTBEAT_MS }),
      120,
      5,
    );
    expect(JSON.stringify(c.cases)).not.toBe(JSON.stringify(a.cases));
  });

  it.each([1, 3, 30])('sends each camera a heartbeat every 30/%d s', (rate) => {
    const traffic = run(
      new TrafficGenerator(city, { seed: 1, cameras: 200, compress: 60, heartbeatMs: HEARTBEAT_MS }),
      60,
      rate,
    );
    expect(traffic.status).toHaveLength((200 * 60 * rate) / 30);
    const perCamera = new Map<string, number>();
    for (const s of traffic.status) perCamera.set(s.cameraId, (perCamera.get(s.cameraId) ?? 0) + 1);
    expect(new Set(perCamera.values())).toEqual(new Set([2 * rate]));
  });

  it('takes its heartbeat period from the configured value (FQ_SIM_HEARTBEAT_MS), not a constant of its own', () => {
    const gen = new TrafficGenerator(city, { seed: 1, cameras: 50, compress: 60, heartbeatMs: 10_000 });
    expect(run(gen, 60, 1).status).toHaveLength((50 * 60) / 10);
    const silent = new TrafficGenerator(city, { seed: 1, cameras: 50, compress: 60 });
    expect(() => silent.slot(T0, T0 + 1000, 1)).toThrow('SIM_HEARTBEAT_UNSET');
  });

  it('produces only messages valid against their topic contracts, with unique ids', () => {
    const gen = new TrafficGenerator(city, {
      seed: 2,
      cameras: 100,
      compress: 100_000,
      heartbeatMs: HEARTBEAT_MS,
    });
    gen.inject('crowd', T0);
    gen.inject('dispute-run', T0);
    const t = run(gen, 300, 5);
    const checks = [
      ...t.status.map((e) => INPUT_TOPICS.cameraStatus.schema.safeParse(e)),
      ...t.analytics.map((e) => INPUT_TOPICS.cameraAnalytics.schema.safeParse(e)),
      ...t.cases.map((e) => INPUT_TOPICS.caseEvents.schema.safeParse(e)),
    ];
    expect(checks.filter((c) => !c.success).map((c) => c.error?.message)).toEqual([]);
    const ids = [...t.status, ...t.analytics, ...t.cases].map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('runs each case through its life in order: reported, triaged, assigned, [in mediation,] resolved, closed', () => {
    const t = run(
      new TrafficGenerator(city, { seed: 4, cameras: 20, compress: 1_000_000, heartbeatMs: HEARTBEAT_MS }),
      600,
      20,
    );
    const byCase = new Map<string, CaseEvent[]>();
    for (const e of t.cases) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    expect(byCase.size).toBeGreaterThan(20);
    for (const events of byCase.values()) {
      const types = events
        .map((e) => e.type)
        .filter((x) => !['escalated', 'reopened', 'in-mediation', 'leader-assigned'].includes(x));
      expect(types.slice(0, 5)).toEqual(['reported', 'triaged', 'assigned', 'resolved', 'closed']);
      const times = events.map((e) => Date.parse(e.occurredAt));
      expect([...times].sort((x, y) => x - y)).toEqual(times);
    }
  });

  it('darkens a whole district during a district-dark incident', () => {
    const gen = new TrafficGenerator(city, { seed: 5, compress: 60, heartbeatMs: HEARTBEAT_MS });
    const dark = gen.inject('district-dark@511921', T0);
    const t = run(gen, 60, 1);
    const inDistrict = t.status.filter((s) => s.cameraId.startsWith('511921'));
    expect(inDistrict.length).toBeGreaterThan(0);
    expect(
      inDistrict.every((s) => !s.online && s.lastFrameAgeMs === Date.parse(s.occurredAt) - dark.startMs),
    ).toBe(true);
    const elsewhere = t.status.filter((s) => !s.cameraId.startsWith('511921'));
    expect(elsewhere.filter((s) => s.online).length / elsewhere.length).toBeGreaterThan(0.9);
  });

  it('builds a crowd at one camera and a run of disputes in one township', () => {
    const gen = new TrafficGenerator(city, { seed: 6, cameras: 60, compress: 60, heartbeatMs: HEARTBEAT_MS });
    const crowd = gen.inject('crowd', T0);
    const run30 = gen.inject('dispute-run', T0);
    const t = run(gen, 1800, 1);
    const heads = t.analytics
      .filter((a) => a.cameraId === crowd.target && a.confidence === 0.93)
      .map((a) => a.headCount ?? 0);
    expect(heads.length).toBeGreaterThanOrEqual(40);
    expect(heads[heads.length - 1]).toBeGreaterThan(500);
    expect(heads[0]).toBeLessThan(100);
    const reported = t.cases.filter((c) => c.type === 'reported' && c.region.township === run30.target);
    expect(reported.length).toBeGreaterThanOrEqual(12);
  });

  it('refuses an unknown incident or target', () => {
    const gen = new TrafficGenerator(city, { seed: 5, compress: 60, heartbeatMs: HEARTBEAT_MS });
    expect(() => gen.inject('flood', T0)).toThrow('unknown incident');
    expect(() => gen.inject('district-dark@510000', T0)).toThrow('no such region');
  });
});
