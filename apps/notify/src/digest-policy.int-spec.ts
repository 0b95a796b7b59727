import { randomUUID } from 'node:crypto';
import { type Alert, type AlertChanged } from '@fengqiao/contracts';
import { AlertStore, createPool, withTransaction, type DbPool } from '@fengqiao/db';
import { KafkaEventPublisher, createKafkaClient } from '@fengqiao/kafka';
import { testConfig, uniqueName } from '@fengqiao/testing';
import { createNotifyApp, type NotifyApp } from './notify-app';
import { aDutyOfficer, regionPolicy, rosterAllWeek } from './testing/duty-fixtures';
import { VendorReceivers } from './testing/vendor-receivers';

// The policy's other steps through real Kafka and PostgreSQL and a webhook receiver: orange alerts
// of one person go out as ONE digest on the digest grid; blue never pages; an acknowledged red alert
// drops its scheduled backup page; a person in a quiet period gets the digest when it ends.
const base = testConfig();
const topic = uniqueName('notify-digest');
// Digests fall due on a grid of the period (nextDigestAt): 4 s, and the two oranges are published
// just after a grid line, so they cannot straddle one (at 1.5 s the clean-clone CI split them).
const DIGEST_MS = 4000;
const webhookSecret = `whsec_${Buffer.from('digest-test-secret-of-32-bytes!!').toString('base64')}`;
const receivers = new VendorReceivers({
  wecomKey: 'k',
  dingtalkToken: 't',
  dingtalkSecret: 's',
  feishuHook: 'h',
  feishuSecret: 's',
  webhookSecret,
  smsSecret: webhookSecret,
});
const county = '511921';
const township = `5119210${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
const kafka = createKafkaClient({ brokers: base.kafka.brokers, clientId: topic });
const producer = new KafkaEventPublisher(kafka);
let pool: DbPool;
let notify: NotifyApp;
let primary = '';

async function until<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stores the alert (the dispatcher reads its state) and publishes its change as the relay would. */
async function publish(alert: Alert, change: AlertChanged['change']): Promise<void> {
  const store = new AlertStore();
  const seq = await withTransaction(pool, async (tx) => {
    if (alert.version === 1) await store.insertAlert(tx, alert);
    else await store.applyState(tx, alert, alert.version - 1);
    return store.appendChange(tx, { change, alert, occurredAt: new Date() });
  });
  const msg: AlertChanged = {
    schema: 'alert.changed.v1',
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    seq: seq ?? 1,
    change,
    alert,
  };
  await producer.publish(topic, [{ key: alert.alertId, value: JSON.stringify(msg) }]);
}

function anAlert(colour: Alert['colour'], title: string): Alert {
  const at = new Date().toISOString();
  const alertId = randomUUID();
  return {
    alertId,
    dedupKey: `digest:${alertId}`,
    ruleId: 'test-rule',
    ruleVersion: 1,
    colour,
    state: 'raised',
    version: 1,
    title,
    region: { county, township },
    escalationLevel: 'grid',
    raisedAt: at,
    updatedAt: at,
    explanation: { summary: 's', evidence: [], values: {}, thresholds: {} },
  };
}

beforeAll(async () => {
  await receivers.start();
  pool = createPool(base.postgres.url, { max: 2 });
  primary = await aDutyOfficer(pool, '摘要 值班', 'webhook', 'digest-primary');
  const backup = await aDutyOfficer(pool, '摘要 备班', 'webhook', 'digest-backup');
  await rosterAllWeek(pool, township, primary, backup);
  // The digest period is the notification policy's (a versioned document): this spec's township only.
  await regionPolicy(pool, township, { digestEveryMs: DIGEST_MS, backupAfterMs: 600 });
  await producer.connect();
  notify = createNotifyApp(
    {
      ...base,
      notify: {
        ...base.notify,
        webhook: { url: `${receivers.url}/webhook`, secret: webhookSecret },
      },
    },
    { alertsTopic: topic, groupId: uniqueName('notify'), pollMs: 50 },
  );
  await notify.start();
  await until(() => notify.isJoined(), 'the consumer group');
});

afterAll(async () => {
  await notify?.stop();
  await producer.disconnect();
  await pool?.end();
  await receivers.stop();
});

describe('notification policy steps', () => {
  it('two orange alerts become one digest message; a blue alert pages nobody', async () => {
    await new Promise((r) => setTimeout(r, DIGEST_MS - (Date.now() % DIGEST_MS) + 50));
    await publish(anAlert('orange', '人员聚集 A'), 'raised');
    await publish(anAlert('orange', '人员聚集 B'), 'raised');
    const blue = anAlert('blue', '摄像头离线');
    await publish(blue, 'raised');
    const digest = await until(() => receivers.of('webhook')[0], 'the digest');
    expect(digest.body).toMatchObject({ reason: 'digest', to: 'digest-primary' });
    expect([...((digest.body.items as string[] | undefined) ?? [])].sort()).toEqual([
      '人员聚集 A',
      '人员聚集 B',
    ]);
    expect(digest.body.ackUrl).toBeUndefined();
    await new Promise((r) => setTimeout(r, DIGEST_MS + 500));
    expect(receivers.of('webhook')).toHaveLength(1);
    const blueRows = await pool.query('SELECT 1 FROM notifications WHERE alert_id = $1', [blue.alertId]);
    expect(blueRows.rowCount).toBe(0);
  });

  it('a red alert acknowledged before the backup is due cancels the backup page', async () => {
    const before = receivers.of('webhook').length;
    const red = anAlert('red', '暴力风险');
    await publish(red, 'raised');
    await until(() => receivers.of('webhook').length > before, 'the first page');
    const at = new Date().toISOString();
    await publish(
      { ...red, state: 'acknowledged', version: 2, acknowledgedAt: at, updatedAt: at },
      'acknowledged',
    );
    const rows = await until(async () => {
      const r = await pool.query<{ duty_role: string; status: string; last_error: string | null }>(
        `SELECT duty_role, status, last_error FROM notifications WHERE alert_id = $1 ORDER BY duty_role DESC`,
        [red.alertId],
      );
      return r.rows.length === 2 && r.rows[1]?.status !== 'scheduled' ? r.rows : undefined;
    }, 'the backup row settled');
    expect(rows).toEqual([
      { duty_role: 'primary', status: 'delivered', last_error: null },
      { duty_role: 'backup', status: 'cancelled', last_error: 'ALERT_ACKNOWLEDGED' },
    ]);
    expect(receivers.received.filter((r) => r.body.to === 'digest-backup')).toEqual([]);
  });
});
