import { createPool, type DbPool } from '@fengqiao/db';
import { KafkaEventPublisher, createKafkaClient } from '@fengqiao/kafka';
import { pollUntil, testConfig, uniqueName } from '@fengqiao/testing';
import { aViolentCase, produceCases, storeAsIngest, violenceAlertOf } from './testing/case-fixtures';
import { createWarningApp, type WarningApp } from './warning-app';
import { warningTopics } from './warning-topics';

// Issue 17, fault 1: the ingest and the warning are different consumer groups, so the ingest may
// store an event before the warning has judged it (the warning was down, killed or behind). A
// warning that starts must judge every event its group has not committed, even one already stored:
// the restart used to replay the stored event without deciding and then skip its delivery, so its
// red alert was never raised (45 of 164 after six SIGKILLs in the campaign).
const config = testConfig();
const suffix = uniqueName('unjudged');
const groupId = uniqueName('warning');
const topics = warningTopics(suffix);
const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: suffix });
const producer = new KafkaEventPublisher(kafka);
let pool: DbPool;
const apps: WarningApp[] = [];

const startApp = async (): Promise<WarningApp> => {
  const app = createWarningApp(config, { topicSuffix: suffix, groupId, tickMs: 0 });
  apps.push(app);
  await app.start();
  await pollUntil(() => app.isJoined(), 'the consumer group');
  return app;
};

beforeAll(async () => {
  pool = createPool(config.postgres.url, { max: 2 });
  await producer.connect();
});

afterAll(async () => {
  for (const app of apps) await app.stop();
  await producer.disconnect();
  await pool.end();
});

describe('a warning restart judges what the ingest stored but the warning had not', () => {
  it('raises the red alert of a violence-risk case stored while the warning was down', async () => {
    // The group exists and has committed nothing for the case: the warning stops before it arrives.
    const first = await startApp();
    await first.stop();

    const violent = aViolentCase(Date.now() - 60_000);
    await produceCases(producer, topics.byKind.case, [violent]);
    await storeAsIngest(pool, [violent]);

    const second = await startApp();
    const alert = await pollUntil(
      () => violenceAlertOf(pool, violent.caseId),
      `the red alert of ${violent.caseId}`,
      { timeoutMs: 20_000 },
    );
    expect(alert.changes).toEqual(['raised']);
    expect(second.stats.inputs).toBeGreaterThanOrEqual(1);
  });
});
