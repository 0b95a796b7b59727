import { randomUUID } from 'node:crypto';
import { loadConfig } from '@fengqiao/config';
import { type Alert, type AlertChanged } from '@fengqiao/contracts';
import { createPool, type DbPool } from '../pool';
import { withTransaction } from '../transaction';
import { AlertOutboxRelay, type AlertChangeSink } from './alert-outbox.relay';
import { AlertStore } from './alert-store.repository';

// The one outbox relay, run by several processes at once (the warning service and each API
// instance): together they publish every change once and in seq order, whatever the timing.
// libs/testing imports this lib, so the int tier's database is read from config directly.
const config = loadConfig();
if (!/\/fengqiao_test_\d+$/.test(config.postgres.url)) throw new Error('run through the int tier');
const store = new AlertStore();
let pool: DbPool;

beforeAll(() => {
  pool = createPool(config.postgres.url, { max: 6 });
});
afterAll(async () => {
  await pool.end();
});

const anAlert = (): Alert => {
  const at = new Date().toISOString();
  const id = randomUUID();
  return {
    alertId: id,
    dedupKey: `relay-test:${id}`,
    ruleId: 'relay-test',
    ruleVersion: 1,
    colour: 'orange',
    state: 'raised',
    version: 1,
    title: 'relay test',
    region: { county: '511902' },
    escalationLevel: 'grid',
    raisedAt: at,
    updatedAt: at,
    explanation: { summary: 's', evidence: [], values: {}, thresholds: {} },
  };
};

/** A sink that takes a while to ack (a broker under load), recording what it got in ack order. */
function slowSink(acked: AlertChanged[]): AlertChangeSink {
  return {
    async publish(changes) {
      await new Promise((r) => setTimeout(r, 15 + Math.random() * 30));
      acked.push(...changes);
    },
  };
}

it('two relays over one outbox publish each change once, in seq order', async () => {
  const acked: AlertChanged[] = [];
  const onError = (err: unknown): void => {
    throw err;
  };
  const relays = [0, 1].map(() => new AlertOutboxRelay(pool, store, slowSink(acked), onError));
  const alerts = [anAlert(), anAlert(), anAlert()];
  const written: number[] = [];
  for (let i = 0; i < 60; i += 1) {
    const i3 = i % 3;
    const current = alerts[i3] as Alert;
    const next: Alert = i < 3 ? current : { ...current, version: current.version + 1 };
    const seq = await withTransaction(pool, async (tx) => {
      if (i < 3) await store.insertAlert(tx, next);
      else await store.applyState(tx, next, current.version);
      return store.appendChange(tx, {
        change: i < 3 ? 'raised' : 'updated',
        alert: next,
        occurredAt: new Date(),
      });
    });
    if (seq !== undefined) written.push(seq);
    alerts[i3] = next;
    // Both relays are woken by every commit, as the API and the warning service are.
    for (const r of relays) r.kick();
  }
  await Promise.all(relays.map((r) => r.flush()));
  await Promise.all(relays.map((r) => r.idle()));
  const ours = acked.filter((c) => written.includes(c.seq)).map((c) => c.seq);
  expect(ours).toEqual(written);
  const allSeqs = acked.map((c) => c.seq);
  expect(allSeqs).toEqual([...allSeqs].sort((a, b) => a - b));
});
