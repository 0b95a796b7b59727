import { type Alert } from '@fengqiao/contracts';
import { AlertStore, withTransaction } from '@fengqiao/db';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { connectLive, type LiveClient } from '../testing/live-client';

// Issue 17 items 12 and 14: a wall that missed more than a replay carries is resynchronised from a
// snapshot of the open alerts, current to the newest change there is (not to the 501st it missed).
describe('resynchronising a wall the replay cannot catch up (real PostgreSQL, Kafka, Socket.IO)', () => {
  let api: ApiHarness;
  const store = new AlertStore();
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    api = await startApi();
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(async () => {
    await api.close();
  });

  async function wall(lastSeq: number): Promise<LiveClient> {
    const client = await connectLive(api.url, (await api.login('wall')).accessToken, lastSeq);
    clients.push(client);
    return client;
  }

  /** `count` changes of one alert in one transaction, as an officer or the engine would write them. */
  async function changeRepeatedly(alert: Alert, count: number): Promise<Alert> {
    return withTransaction(api.pool, async (tx) => {
      let current = alert;
      for (let i = 0; i < count; i += 1) {
        const next: Alert = { ...current, version: current.version + 1, updatedAt: new Date().toISOString() };
        await store.applyState(tx, next, current.version);
        await store.appendChange(tx, { change: 'updated', alert: next, occurredAt: new Date() });
        current = next;
      }
      return current;
    });
  }

  async function resolve(alert: Alert): Promise<void> {
    const at = new Date().toISOString();
    const resolved: Alert = {
      ...alert,
      state: 'resolved',
      version: alert.version + 1,
      updatedAt: at,
      resolvedAt: at,
      outcome: 'real-incident',
    };
    await withTransaction(api.pool, async (tx) => {
      await store.applyState(tx, resolved, alert.version);
      await store.appendChange(tx, { change: 'resolved', alert: resolved, occurredAt: new Date(at) });
    });
  }

  const newestSeq = async (): Promise<number> =>
    (await api.pool.query<{ seq: number }>('SELECT max(seq) AS seq FROM alert_changes')).rows[0]?.seq ?? 0;

  it('replaces the list of a wall that missed 600 changes: the red alert resolved meanwhile is gone', async () => {
    const red = await storeRaisedAlert(api.pool, anAlert({}, 'red'));
    // The wall showed the red alert, then went away; meanwhile it was resolved and 600 changes followed.
    await resolve(red.alert);
    const busy = await storeRaisedAlert(api.pool, anAlert({}, 'orange'));
    const busyNow = await changeRepeatedly(busy.alert, 600);
    const newest = await newestSeq();

    const client = await wall(red.seq);
    await client.waitFor(() => client.resyncs.length === 1);
    const notice = client.resyncs[0];
    expect(notice?.reason).toBe('gap-too-large');
    // Item 14: the newest change there is, not the last one of the replay's page.
    expect(notice?.latestSeq).toBe(newest);
    await client.waitFor(() => client.replays.length === 1);
    const listed = new Map(notice?.alerts.map((a) => [a.alertId, a]));
    expect(listed.has(red.alert.alertId)).toBe(false);
    expect(listed.get(busy.alert.alertId)).toMatchObject({ version: busyNow.version, state: 'raised' });
    expect([...listed.values()].every((a) => a.state !== 'resolved' && a.state !== 'closed')).toBe(true);
    // The replay that follows starts at the snapshot's seq.
    expect(client.replays[0]?.throughSeq).toBeGreaterThanOrEqual(newest);
  });

  it('resynchronises a wall resuming from a seq this database never reached', async () => {
    const newest = await newestSeq();
    const client = await wall(newest + 10_000);
    await client.waitFor(() => client.resyncs.length === 1);
    expect(client.resyncs[0]?.latestSeq).toBe(newest);
  });

  it('replays, without a resync, a gap the replay covers', async () => {
    const first = await storeRaisedAlert(api.pool, anAlert({}, 'blue'));
    const missed = await storeRaisedAlert(api.pool, anAlert({}, 'blue'));
    const client = await wall(first.seq);
    await client.waitFor(() => client.replays.length === 1);
    expect(client.resyncs).toHaveLength(0);
    expect(client.changes.some((c) => c.seq === missed.seq)).toBe(true);
  });
});
