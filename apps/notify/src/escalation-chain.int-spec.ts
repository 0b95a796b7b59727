import { type FengqiaoConfig } from '@fengqiao/config';
import { createPool, type DbPool } from '@fengqiao/db';
import { KafkaEventPublisher, createKafkaClient } from '@fengqiao/kafka';
import { verifyAckLink } from '@fengqiao/notify';
import { aCaseReported, testConfig, uniqueName } from '@fengqiao/testing';
import { createWarningApp, type WarningApp } from '@fengqiao/warning/src/warning-app';
import { warningTopics } from '@fengqiao/warning/src/warning-topics';
import { createNotifyApp, type NotifyApp } from './notify-app';
import { aDutyOfficer, regionPolicy, rosterAllWeek } from './testing/duty-fixtures';
import { SmtpSink } from './testing/smtp-sink';
import { VendorReceivers } from './testing/vendor-receivers';

// End to end through the real Kafka, PostgreSQL, an SMTP server and vendor receivers on 127.0.0.1:
// the real warning engine raises a red alert nobody acknowledges and escalates it (hand-moved
// clock, the rule set's 10-minute acknowledgement timeout); the real notify service pages grid,
// township and county in order, each level's primary at once and its backup after the policy's
// (short, 400 ms) delay, over all six channels, with signatures the receivers verify.
const base = testConfig();
const suffix = uniqueName('notify');
const topics = warningTopics(suffix);
const MIN = 60_000;
const BACKUP_AFTER_MS = 400;
const secrets = {
  wecomKey: 'wecom-test-key',
  dingtalkToken: 'ding-test-token',
  dingtalkSecret: 'SECdingtalk-test-secret',
  feishuHook: 'feishu-test-hook',
  feishuSecret: 'feishu-test-secret',
  webhookSecret: `whsec_${Buffer.from('webhook-test-secret-32-bytes-ok!').toString('base64')}`,
  smsSecret: `whsec_${Buffer.from('sms-gateway-test-secret-32-bytes').toString('base64')}`,
};
const county = '511923';
const township = `5119238${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
const grid = `${township}001001`;

const receivers = new VendorReceivers(secrets);
const smtp = new SmtpSink();
let t = Date.now();
const clock = { now: () => t };
const kafka = createKafkaClient({ brokers: base.kafka.brokers, clientId: suffix });
const producer = new KafkaEventPublisher(kafka);
let pool: DbPool;
let warning: WarningApp;
let notify: NotifyApp;
let config: FengqiaoConfig;
const people: Record<string, string> = {};

async function until<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  await Promise.all([receivers.start(), smtp.start()]);
  config = {
    ...base,
    notify: {
      ...base.notify,
      robotSpacingMs: 0,
      retry: { baseMs: 100, maxMs: 1000, maxAttempts: 4 },
      smtp: { url: `smtp://127.0.0.1:${smtp.port}`, from: 'Fengqiao <duty@fengqiao.test>' },
      webhook: { url: `${receivers.url}/webhook`, secret: secrets.webhookSecret },
      wecom: { baseUrl: receivers.url, key: secrets.wecomKey },
      dingtalk: { baseUrl: receivers.url, token: secrets.dingtalkToken, secret: secrets.dingtalkSecret },
      feishu: { baseUrl: receivers.url, hook: secrets.feishuHook, secret: secrets.feishuSecret },
      sms: { url: `${receivers.url}/sms`, secret: secrets.smsSecret },
    },
  };
  pool = createPool(config.postgres.url, { max: 2 });
  people.gridPrimary = await aDutyOfficer(pool, '网格 值班', 'email', 'grid.duty@fengqiao.test');
  people.gridBackup = await aDutyOfficer(pool, '网格 备班', 'webhook', 'grid-backup');
  people.townPrimary = await aDutyOfficer(pool, '乡镇 值班', 'wecom', 'town.duty');
  people.townBackup = await aDutyOfficer(pool, '乡镇 备班', 'sms', '13800001111');
  people.countyPrimary = await aDutyOfficer(pool, '区县 值班', 'dingtalk', '13800002222');
  people.countyBackup = await aDutyOfficer(pool, '区县 备班', 'feishu', 'ou_county_backup');
  await rosterAllWeek(pool, grid, people.gridPrimary, people.gridBackup);
  await rosterAllWeek(pool, township, people.townPrimary, people.townBackup);
  await rosterAllWeek(pool, county, people.countyPrimary, people.countyBackup);
  // The backup delay is the notification policy's (a versioned document): this spec's township only.
  await regionPolicy(pool, township, { backupAfterMs: BACKUP_AFTER_MS });
  await producer.connect();
  warning = createWarningApp(config, {
    topicSuffix: suffix,
    groupId: uniqueName('warning'),
    clock,
    tickMs: 0,
  });
  await warning.start();
  notify = createNotifyApp(config, {
    alertsTopic: topics.byKind.alertChanges,
    groupId: uniqueName('notify'),
    pollMs: 50,
  });
  await notify.start();
  await until(() => warning.isJoined() && notify.isJoined(), 'both consumer groups');
});

afterAll(async () => {
  await notify?.stop();
  await warning?.stop();
  await producer.disconnect();
  await pool?.end();
  await Promise.all([receivers.stop(), smtp.stop()]);
});

describe('a red alert nobody acknowledges', () => {
  let alertId = '';
  const statuses = async () =>
    (
      await pool.query<{
        level: string;
        duty_role: string;
        channel: string;
        status: string;
        attempts: number;
        user_id: string;
      }>(
        'SELECT level, duty_role, channel, status, attempts, user_id FROM notifications WHERE alert_id = $1 ORDER BY created_at',
        [alertId],
      )
    ).rows;

  /** The backup was due the policy's delay after the primary, and not delivered before it was due. */
  const backupWaited = async (level: string) => {
    const r = await until(async () => {
      const q = await pool.query<{ duty_role: string; due_at: Date; delivered_at: Date | null }>(
        `SELECT duty_role, due_at, delivered_at FROM notifications WHERE alert_id = $1 AND level = $2 ORDER BY duty_role DESC`,
        [alertId, level],
      );
      return q.rows.length === 2 && q.rows.every((x) => x.delivered_at !== null) ? q.rows : undefined;
    }, `both ${level} notifications delivered`);
    const [primary, backup] = r;
    expect(backup?.due_at.getTime()).toBe((primary?.due_at.getTime() ?? 0) + BACKUP_AFTER_MS);
    expect(backup?.delivered_at?.getTime()).toBeGreaterThanOrEqual(backup?.due_at.getTime() ?? Infinity);
  };

  it('pages the grid officer at once by email with a signed acknowledgement link, then the backup', async () => {
    // The webhook receiver answers 503 twice: the backup's page is retried with back-off and recorded.
    receivers.failNext('webhook', [503, 503]);
    const report = aCaseReported({
      region: { county, township, village: `${township}001`, grid },
      riskFlags: { violenceRisk: true, extremeWords: false, groupPetition: false, repeatVisits: 0 },
    });
    await producer.publish(topics.byKind.case, [{ key: report.caseId, value: JSON.stringify(report) }]);
    const mail = await until(() => smtp.mails[0], 'the mail to the grid officer');
    alertId =
      (
        await pool.query<{ alert_id: string }>(
          `SELECT alert_id FROM alerts WHERE township = $1 AND colour = 'red'`,
          [township],
        )
      ).rows[0]?.alert_id ?? '';
    expect(mail.to).toEqual(['grid.duty@fengqiao.test']);
    expect(mail.raw).toMatch(/Subject: =\?UTF-8\?/);
    const link = /\/ack\/(a1\.[A-Za-z0-9._-]+)/.exec(mail.raw.replace(/=\r?\n/g, ''))?.[1];
    const grant = verifyAckLink(config.notify.secret, link ?? '', Date.now());
    expect(grant).toMatchObject({ ok: true, grant: { userId: people.gridPrimary, alertId } });

    const hook = await until(() => receivers.of('webhook')[0], 'the webhook to the grid backup');
    await backupWaited('grid');
    expect(hook.body).toMatchObject({
      type: 'alert.notification',
      to: 'grid-backup',
      alertId,
      reason: 'backup',
      level: 'grid',
    });
    const rows = await until(async () => {
      const r = await statuses();
      return r.length === 2 && r.every((x) => x.status === 'delivered') ? r : undefined;
    }, 'both grid notifications delivered');
    expect(rows.map((r) => [r.level, r.duty_role, r.channel, r.attempts])).toEqual([
      ['grid', 'primary', 'email', 1],
      ['grid', 'backup', 'webhook', 3],
    ]);
    const attempts = await pool.query<{ ok: boolean; detail: string }>(
      `SELECT a.ok, a.detail FROM notification_attempts a JOIN notifications n USING (notification_id)
       WHERE n.alert_id = $1 AND n.channel = 'webhook' ORDER BY a.attempt`,
      [alertId],
    );
    expect(attempts.rows.map((a) => [a.ok, a.detail.split(':')[0]])).toEqual([
      [false, 'HTTP_503'],
      [false, 'HTTP_503'],
      [true, 'delivered'],
    ]);
  });

  it('the engine escalates to the township after its timeout: WeCom to the primary, SMS to the backup', async () => {
    t += 11 * MIN;
    await warning.tick();
    const wecom = await until(() => receivers.of('wecom')[0], 'the WeCom message');
    expect((wecom.body.markdown as { content: string }).content).toContain('<@town.duty>');
    expect((wecom.body.markdown as { content: string }).content).toContain('未确认，已升级');
    const sms = await until(() => receivers.of('sms')[0], 'the SMS');
    expect(sms.body).toMatchObject({ to: '13800001111', ref: alertId });
    await backupWaited('township');
  });

  it('and to the county: DingTalk (signed) to the primary, Feishu (signed) to the backup; every step in order', async () => {
    t += 11 * MIN;
    await warning.tick();
    const ding = await until(() => receivers.of('dingtalk')[0], 'the DingTalk message');
    expect(ding.body).toMatchObject({ msgtype: 'markdown', at: { atMobiles: ['13800002222'] } });
    const feishu = await until(() => receivers.of('feishu')[0], 'the Feishu message');
    expect(feishu.body).toMatchObject({ msg_type: 'post' });
    expect(receivers.refused).toEqual([]);
    const rows = await until(async () => {
      const r = await statuses();
      return r.length === 6 && r.every((x) => x.status === 'delivered') ? r : undefined;
    }, 'six delivered notifications');
    expect(rows.map((r) => [r.level, r.duty_role, r.channel, r.user_id])).toEqual([
      ['grid', 'primary', 'email', people.gridPrimary],
      ['grid', 'backup', 'webhook', people.gridBackup],
      ['township', 'primary', 'wecom', people.townPrimary],
      ['township', 'backup', 'sms', people.townBackup],
      ['county', 'primary', 'dingtalk', people.countyPrimary],
      ['county', 'backup', 'feishu', people.countyBackup],
    ]);
    const order = [
      smtp.mails[0]?.at,
      ...['webhook', 'wecom', 'sms', 'dingtalk', 'feishu'].map((v) => receivers.of(v as 'sms')[0]?.at),
    ];
    expect(order).toEqual([...order].sort((a, b) => (a ?? 0) - (b ?? 0)));
  });
});
