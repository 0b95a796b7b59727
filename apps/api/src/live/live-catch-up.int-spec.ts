import { type AddressInfo } from 'node:net';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { OUTPUT_TOPICS, type AlertChanged, type TokenPair } from '@fengqiao/contracts';
import { createPool, type DbPool } from '@fengqiao/db';
import { KafkaEventPublisher, createKafkaClient, ensureTopics } from '@fengqiao/kafka';
import { TcpProxy, freePort, pollUntil, testConfig, uniqueName } from '@fengqiao/testing';
import { createApiApp } from '../app.factory';
import { seedDemoUsers } from '../seed-users';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { deleteTopic, demoUser } from '../testing/api-harness';
import { connectLive, type LiveClient } from '../testing/live-client';

// Issue 17, fault campaign defect 3: a wall connected to an API whose alert stream was away (broker
// stopped, consumer restarting) never saw the changes published meanwhile (4 of 4 over a 30 s broker
// stop, 13 of 60 after a leader kill): the stream (re)joins at the topic's end. It must catch up
// from the alert store, each change once and in order, without the wall reconnecting.
describe('the live alert stream catching up after Kafka was away', () => {
  const config = testConfig();
  const alertsTopic = uniqueName('test.alert.changed.v1');
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: uniqueName('catch-up-test') });
  const publisher = new KafkaEventPublisher(kafka);
  let pool: DbPool;
  let app: NestFastifyApplication;
  let proxy: TcpProxy | undefined;
  let wall: LiveClient | undefined;
  let brokerPort: number;

  beforeAll(async () => {
    pool = createPool(config.postgres.url, { max: 2 });
    await seedDemoUsers(pool, config);
    // The topic exists before the API could create it: the other writers (warning, other APIs) publish to it.
    const { partitions, retentionMs, compacted } = OUTPUT_TOPICS.alertChanges;
    await ensureTopics(kafka, [{ name: alertsTopic, partitions, retentionMs, compacted }]);
    await publisher.connect();
    brokerPort = await freePort();
    // Nothing listens on the API's broker address yet: its alert stream is away.
    const offline = { ...config, kafka: { ...config.kafka, brokers: [`127.0.0.1:${brokerPort}`] } };
    app = await createApiApp(offline, { options: { alertsTopic }, logger: ['error'] });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    wall?.close();
    await app.close();
    await proxy?.cut();
    await publisher.disconnect();
    await pool.end();
    await deleteTopic(config, alertsTopic);
  });

  /** An alert raised by another writer: stored, published by its relay (so no relay here sends it again). */
  async function raisedElsewhere(): Promise<AlertChanged> {
    const change = await storeRaisedAlert(pool, anAlert({}, 'red'));
    await publisher.publish(alertsTopic, [{ key: change.alert.alertId, value: JSON.stringify(change) }]);
    await pool.query('UPDATE alert_changes SET published_at = now() WHERE seq = $1', [change.seq]);
    return change;
  }

  it('sends a connected wall the changes published while its stream was away, once each', async () => {
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(demoUser('wall')),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as TokenPair;
    const { rows } = await pool.query<{ seq: string }>(
      'SELECT coalesce(max(seq), 0) AS seq FROM alert_changes',
    );
    wall = await connectLive(url, accessToken, Number(rows[0]?.seq ?? 0));
    const client = wall;
    await client.waitFor(() => client.replays.length === 1);

    const missed = [await raisedElsewhere(), await raisedElsewhere(), await raisedElsewhere()];
    // The broker "returns" on the API's address; its stream joins at the topic's end, after `missed`.
    const [host, port] = (config.kafka.brokers[0] ?? '').split(':');
    proxy = await TcpProxy.start({ host: host ?? '127.0.0.1', port: Number(port) }, brokerPort);
    const seqs = (): number[] => client.changes.map((c) => c.seq);
    await pollUntil(
      () => missed.every((m) => seqs().includes(m.seq)),
      `the ${missed.length} changes published while the stream was away`,
      { timeoutMs: 30_000 },
    );

    // Live again: a change published now arrives once, after the caught-up ones.
    const later = await raisedElsewhere();
    await pollUntil(() => seqs().includes(later.seq), 'a change published after the return', {
      timeoutMs: 30_000,
    });
    await new Promise((r) => setTimeout(r, 4000)); // the catch-up's second pass has run
    const ours = new Set([...missed, later].map((c) => c.seq));
    const received = seqs().filter((s) => ours.has(s));
    expect(received).toEqual([...missed, later].map((c) => c.seq));
    expect(client.socket.connected).toBe(true);
  });
});
