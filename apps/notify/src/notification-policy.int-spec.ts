import { randomUUID } from 'node:crypto';
import { type Alert, type AlertChanged, type NotificationPolicy } from '@fengqiao/contracts';
import {
  AlertStore,
  createPool,
  NOTIFICATION_POLICIES_TABLE,
  VersionedDocumentsRepository,
  withTransaction,
  type DbPool,
} from '@fengqiao/db';
import { KafkaEventPublisher, createKafkaClient } from '@fengqiao/kafka';
import { parseNotificationPolicy, withRegionRule } from '@fengqiao/notify';
import { testConfig, uniqueName } from '@fengqiao/testing';
import { createNotifyApp, type NotifyApp } from './notify-app';
import { aDutyOfficer, rosterAllWeek } from './testing/duty-fixtures';

// The notification policy is a versioned document (issue 19): a new version is proposed and then
// activated (the store's steps the API's routes take: apps/api notify-policy.int-spec.ts), and the
// RUNNING notify service (real Kafka and PostgreSQL, no restart) notifies by it from the next alert
// change on. Here: blue alerts of this
// spec's township page nobody under the active policy, then page the on-duty primary (and nobody
// else: no backup delay) once a version saying so is active.
const base = testConfig();
const topic = uniqueName('notify-policy');
const county = '511922';
const township = `5119221${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
const kafka = createKafkaClient({ brokers: base.kafka.brokers, clientId: topic });
const producer = new KafkaEventPublisher(kafka);
let pool: DbPool;
let notify: NotifyApp;
const repo = new VersionedDocumentsRepository(NOTIFICATION_POLICIES_TABLE);
let primary = '';

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stores a raised blue alert of the township and publishes its change as the relay would. */
async function aBlueAlertRaised(): Promise<string> {
  const at = new Date().toISOString();
  const alert: Alert = {
    alertId: randomUUID(),
    dedupKey: `policy:${randomUUID()}`,
    ruleId: 'test-rule',
    ruleVersion: 1,
    colour: 'blue',
    state: 'raised',
    version: 1,
    title: '摄像头离线',
    region: { county, township },
    escalationLevel: 'township',
    raisedAt: at,
    updatedAt: at,
    explanation: { summary: 's', evidence: [], values: {}, thresholds: {} },
  };
  const store = new AlertStore();
  const seq = await withTransaction(pool, async (tx) => {
    await store.insertAlert(tx, alert);
    return store.appendChange(tx, { change: 'raised', alert, occurredAt: new Date() });
  });
  const msg: AlertChanged = {
    schema: 'alert.changed.v1',
    eventId: randomUUID(),
    occurredAt: at,
    seq: seq ?? 1,
    change: 'raised',
    alert,
  };
  const before = notify.stats.changes;
  await producer.publish(topic, [{ key: alert.alertId, value: JSON.stringify(msg) }]);
  // Counted when it is taken up; its planning (a few queries) is done well within the second after.
  await until(() => notify.stats.changes > before, 'the change taken up');
  await new Promise((r) => setTimeout(r, 1000));
  return alert.alertId;
}

const notificationsOf = async (alertId: string) =>
  (
    await pool.query<{ user_id: string | null; duty_role: string; reason: string }>(
      'SELECT user_id, duty_role, reason FROM notifications WHERE alert_id = $1 ORDER BY duty_role DESC',
      [alertId],
    )
  ).rows;

/** The active policy as stored. */
async function activePolicy(): Promise<NotificationPolicy> {
  const version = await repo.activeVersion(pool);
  const row = version === undefined ? undefined : await repo.find(pool, version);
  return parseNotificationPolicy(row?.document);
}

/** Stores a new version, proposed, as the API's propose does; returns its number. */
const propose = (policy: NotificationPolicy, note: string): Promise<number> =>
  withTransaction(pool, async (tx) => {
    await repo.lock(tx);
    const version = await repo.nextVersion(tx);
    await repo.insertProposal(tx, { version, document: policy, note, by: 'spec', at: new Date() });
    return version;
  });

/** Makes it the active version, the previous retired, as the API's activate does. */
const activate = (version: number): Promise<void> =>
  withTransaction(pool, async (tx) => {
    await repo.lock(tx);
    await repo.retireActive(tx, new Date());
    await repo.markActive(tx, version, 'spec', new Date());
  });

beforeAll(async () => {
  pool = createPool(base.postgres.url, { max: 2 });
  primary = await aDutyOfficer(pool, '策略 值班', 'webhook', 'policy-primary');
  const backup = await aDutyOfficer(pool, '策略 备班', 'webhook', 'policy-backup');
  await rosterAllWeek(pool, township, primary, backup);
  await producer.connect();
  // No dispatcher timer: this spec looks at who is planned, not at delivery.
  notify = createNotifyApp(base, { alertsTopic: topic, groupId: uniqueName('notify'), pollMs: 0 });
  await notify.start();
  await until(() => notify.isJoined(), 'the consumer group');
}, 60_000);

afterAll(async () => {
  await notify?.stop();
  await producer.disconnect();
  await pool?.end();
});

describe('a notification policy activated while the notify service runs', () => {
  it('changes who is notified of the next alert change, without a restart', async () => {
    const blueBefore = await aBlueAlertRaised();
    expect(await notificationsOf(blueBefore)).toEqual([]);

    const current = await activePolicy();
    const policy = withRegionRule(current, {
      ...current.default,
      regionCode: township,
      blue: 'page',
      backupAfterMs: null,
    });
    const version = await propose(policy, `page blue in ${township}`);
    // Proposed is not active: the next blue alert still pages nobody.
    expect(await notificationsOf(await aBlueAlertRaised())).toEqual([]);

    await activate(version);
    const blueAfter = await aBlueAlertRaised();
    expect(await notificationsOf(blueAfter)).toEqual([
      { user_id: primary, duty_role: 'primary', reason: 'first' },
    ]);
  }, 60_000);
});
