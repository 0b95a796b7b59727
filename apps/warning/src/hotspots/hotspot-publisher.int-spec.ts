import { type Hotspot } from '@fengqiao/contracts';
import { createPool, type DbPool } from '@fengqiao/db';
import { KafkaEventPublisher, createKafkaClient } from '@fengqiao/kafka';
import { aCaseId, aCaseReported, pollUntil, testConfig, uniqueName } from '@fengqiao/testing';
import { HotspotScoresRepository } from '@fengqiao/db';
import { createWarningApp, type WarningApp } from '../warning-app';
import { warningTopics } from '../warning-topics';
import { HotspotPublisher } from './hotspot-publisher';

// The engine's judgement reaches the database: cases reported through the real Kafka become a
// scored township in hotspot_scores (with factors and the rule-set version), rewritten only on change.
const config = testConfig();
const suffix = uniqueName('hot');
const topics = warningTopics(suffix);
const township = `5119219${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
const t = Date.now();
const clock = { now: () => t };
const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: suffix });
const producer = new KafkaEventPublisher(kafka);
let pool: DbPool;
let app: WarningApp;
let stopped = false;

interface ScoreRow {
  region: string;
  level: string;
  county: string;
  rank: number;
  score: number;
  factors: Hotspot['factors'];
  rule_set_version: number;
}
const rowOf = async (region: string): Promise<ScoreRow | undefined> =>
  (
    await pool.query<ScoreRow>(
      'SELECT region, level, county, rank, score, factors, rule_set_version FROM hotspot_scores WHERE region = $1',
      [region],
    )
  ).rows[0];

beforeAll(async () => {
  pool = createPool(config.postgres.url, { max: 2 });
  await producer.connect();
  app = createWarningApp(config, {
    topicSuffix: suffix,
    groupId: uniqueName('hot'),
    clock,
    tickMs: 0,
    hotspotMinIntervalMs: 0,
  });
  await app.start();
  await pollUntil(() => app.isJoined(), 'the consumer group');
});

afterAll(async () => {
  if (!stopped) await app.stop();
  await producer.disconnect();
  await pool.end();
});

describe('hotspot scores from the engine', () => {
  it('reported cases make their township a scored hotspot with factors', async () => {
    const before = app.stats.inputs;
    const cases = [1, 2, 3].map((i) =>
      aCaseReported({
        caseId: aCaseId(900 + i, '511921'),
        region: { county: '511921', township },
        category: 'land-acquisition',
        occurredAt: new Date(t).toISOString(),
      }),
    );
    await producer.publish(
      topics.byKind.case,
      cases.map((c) => ({ key: c.caseId, value: JSON.stringify(c) })),
    );
    await pollUntil(() => app.stats.inputs >= before + 3, 'the cases');
    expect(await app.publishHotspots()).toBe(true);
    const row = await rowOf(township);
    expect(row).toMatchObject({
      level: 'township',
      county: '511921',
      rule_set_version: app.ruleSetVersion(),
    });
    expect(row?.score).toBeGreaterThan(0);
    expect(row?.factors[0]).toMatchObject({ factor: 'cases' });
    expect(row?.factors[0]?.value).toBeGreaterThanOrEqual(3);
    expect(await rowOf('511921')).toMatchObject({ level: 'county' });
    const run = await pool.query<{ cells: number }>('SELECT cells FROM hotspot_score_runs WHERE id = 1');
    expect(run.rows[0]?.cells).toBeGreaterThanOrEqual(2);
  });

  it('an unchanged ranking is not rewritten', async () => {
    expect(await app.publishHotspots()).toBe(false);
  });

  it('a changed ranking waits for the throttle interval, then replaces the list in one go', async () => {
    const list: Hotspot[] = [];
    const source = { currentHotspots: () => Promise.resolve({ ruleSetVersion: 7, list }) };
    const publisher = new HotspotPublisher(pool, new HotspotScoresRepository(), source, {
      minIntervalMs: 10_000,
    });
    const region = `5119229${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
    const factors: Hotspot['factors'] = [{ factor: 'cases', value: 4, expected: 1, z: 3, contribution: 3 }];
    const spot = {
      region,
      level: 'township',
      bucketStart: new Date(t).toISOString(),
      rank: 1,
      factors,
    } as const;
    list.push({ ...spot, score: 3 });
    expect(await publisher.publish(t)).toBe(true);
    list[0] = { ...spot, score: 5 };
    expect(await publisher.publish(t + 1_000)).toBe(false);
    expect((await rowOf(region))?.score).toBe(3);
    expect(await publisher.publish(t + 10_000)).toBe(true);
    expect(await rowOf(region)).toMatchObject({ score: 5, rule_set_version: 7 });
    expect(await rowOf(township)).toBeUndefined();
  });

  it('a clean stop withdraws the list, so readers fall back to counts at once', async () => {
    expect((await pool.query('SELECT 1 FROM hotspot_score_runs')).rowCount).toBe(1);
    stopped = true;
    await app.stop();
    const runs = await pool.query('SELECT 1 FROM hotspot_score_runs');
    const scores = await pool.query('SELECT 1 FROM hotspot_scores');
    expect([runs.rowCount, scores.rowCount]).toEqual([0, 0]);
  });
});
