import { type CaseEvent } from '@fengqiao/contracts';
import { createPool, type DbPool } from '@fengqiao/db';
import { KafkaEventPublisher, createKafkaClient } from '@fengqiao/kafka';
import { aCaseReported, testConfig, uniqueName } from '@fengqiao/testing';
import { createWarningApp, type WarningApp } from './warning-app';
import { warningTopics } from './warning-topics';

// Through the real Kafka and PostgreSQL: the same case event produced twice (a producer retry, a
// redelivery after a rebalance) counts once in the 24 h window. Three disputes of one category in
// a township raise blue; two, each produced twice, raise nothing.
const config = testConfig();
const suffix = uniqueName('redeliver');
const groupId = uniqueName('warning');
const topics = warningTopics(suffix);
const county = '511921';
const township = `${county}${String(100 + Math.floor(Math.random() * 800))}`;
const dedupKey = `disputes-township-24h:${township}|labour-wages`;

const t = Date.now();
const clock = { now: () => t };
const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: suffix });
const producer = new KafkaEventPublisher(kafka);
let pool: DbPool;
let app: WarningApp;

async function until<T>(probe: () => Promise<T | undefined>, what: string, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const dispute = (i: number): CaseEvent =>
  aCaseReported({
    caseId: `C${county}-20261206-${String(i).padStart(5, '0')}`,
    occurredAt: new Date(t - (10 - i) * 60_000).toISOString(),
    region: { county, township },
    category: 'labour-wages',
  });
const produce = (events: readonly CaseEvent[]) =>
  producer.publish(
    topics.byKind.case,
    events.map((e) => ({ key: e.caseId, value: JSON.stringify(e) })),
  );
const changesOfOurAlert = async () =>
  (
    await pool.query<{ change: string; snapshot: { explanation: { values: { count: number } } } }>(
      `SELECT c.change, c.snapshot FROM alert_changes c JOIN alerts a USING (alert_id)
        WHERE a.dedup_key = $1 ORDER BY c.seq`,
      [dedupKey],
    )
  ).rows;

beforeAll(async () => {
  pool = createPool(config.postgres.url, { max: 2 });
  await producer.connect();
  app = createWarningApp(config, { topicSuffix: suffix, groupId, clock, tickMs: 0 });
  await app.start();
  await until(() => Promise.resolve(app.isJoined() ? true : undefined), 'the consumer group');
});

afterAll(async () => {
  await app.stop();
  await producer.disconnect();
  await pool.end();
});

describe('a case event produced twice raises no extra alert', () => {
  it('two disputes, each produced twice, then a third: blue is raised once, at count 3', async () => {
    const [first, second, third] = [dispute(1), dispute(2), dispute(3)];
    await produce([first, first]);
    await produce([second, second]);
    // Before the fix the second dispute's first delivery made the count 3: a false blue alert.
    await until(
      () => Promise.resolve(app.stats.inputs >= 4 ? true : undefined),
      'the four deliveries to be consumed',
    );
    expect(await changesOfOurAlert()).toEqual([]);

    await produce([third]);
    const changes = await until(async () => {
      const rows = await changesOfOurAlert();
      return rows.length > 0 ? rows : undefined;
    }, 'the blue alert of the third dispute');
    expect(changes.map((c) => [c.change, c.snapshot.explanation.values.count])).toEqual([['raised', 3]]);
  });
});
