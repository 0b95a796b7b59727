import request from 'supertest';
import { alertChangedSchema, type AlertChanged, type TransitionResponse } from '@fengqiao/contracts';
import { alertChangeEventId } from '@fengqiao/db';
import { createKafkaClient } from '@fengqiao/kafka';
import { pollUntil, uniqueName } from '@fengqiao/testing';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { AlertOutbox } from './alert-outbox.service';

// Issue 17 item 4: an officer's transition is an outbox row committed with the alert; the answer
// does not wait for Kafka, and the relay publishes the change exactly once when it can.
describe('alert transitions go through the outbox (real PostgreSQL and Kafka)', () => {
  let api: ApiHarness;
  const received: AlertChanged[] = [];
  let stopCollector: () => Promise<void>;

  beforeAll(async () => {
    api = await startApi();
    const kafka = createKafkaClient({
      brokers: api.config.kafka.brokers,
      clientId: uniqueName('outbox-collector'),
      log: () => undefined,
    });
    const consumer = kafka.consumer({ groupId: uniqueName('outbox-collector') });
    await consumer.connect();
    await consumer.subscribe({ topic: api.alertsTopic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        received.push(alertChangedSchema.parse(JSON.parse(message.value?.toString() ?? 'null')));
        return Promise.resolve();
      },
    });
    stopCollector = () => consumer.disconnect();
  });
  afterAll(async () => {
    await stopCollector();
    await api.close();
  });

  const publishedAt = async (seq: number): Promise<Date | null | undefined> =>
    (
      await api.pool.query<{ published_at: Date | null }>(
        'SELECT published_at FROM alert_changes WHERE seq = $1',
        [seq],
      )
    ).rows[0]?.published_at;

  it('answers an acknowledgement at once while nothing can be published; the relay publishes it once later', async () => {
    const raised = await storeRaisedAlert(api.pool, anAlert({}, 'red'));
    await pollUntil(() => received.some((m) => m.seq === raised.seq), 'the raised change on Kafka', {
      timeoutMs: 20_000,
    });
    const outbox = api.app.get(AlertOutbox);
    // Nothing leaves this API from now on: the state it is in while Kafka is away.
    await outbox.stop();

    const officer = (await api.login('duty-officer')).accessToken;
    const started = Date.now();
    const res = await request(api.url)
      .post(`/api/alerts/${raised.alert.alertId}/acknowledge`)
      .set('authorization', `Bearer ${officer}`)
      .send({ version: 1, note: '已派员核实' })
      .expect(200);
    expect(Date.now() - started).toBeLessThan(2000);
    const { seq, alert } = res.body as TransitionResponse;
    expect(alert).toMatchObject({ state: 'acknowledged', version: 2 });
    // Committed as an outbox row, not yet published.
    expect(await publishedAt(seq)).toBeNull();
    await new Promise((r) => setTimeout(r, 1500));
    const eventId = alertChangeEventId(alert.alertId, 2);
    expect(received.filter((m) => m.eventId === eventId)).toHaveLength(0);

    outbox.start();
    await pollUntil(() => received.some((m) => m.eventId === eventId), 'the acknowledgement on Kafka', {
      timeoutMs: 20_000,
    });
    // The relay marks the row once Kafka acknowledged the send: the collector can see the message
    // before that mark commits (clean-clone CI of 2026-12-07 18:36 read null here).
    await pollUntil(async () => (await publishedAt(seq)) ?? undefined, 'the outbox row marked published', {
      timeoutMs: 10_000,
    });
    // Give a second copy every chance to show up (the relay runs every 2 s).
    await new Promise((r) => setTimeout(r, 4500));
    const copies = received.filter((m) => m.eventId === eventId);
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({
      seq,
      change: 'acknowledged',
      note: '已派员核实',
      actor: { role: 'duty-officer' },
      alert: { alertId: alert.alertId, state: 'acknowledged', version: 2 },
    });
  });
});
