// Issue 15: an NVR that dies takes offline exactly the cameras only it reported. Device 0 of the
// simulator (a separate process, written from the standard) is a lower platform that also lists
// channel 0 of NVRs 1 and 2 (cascaded); NVR 1 falls silent (keepalive loss), NVR 2 unregisters
// (Expires: 0). Their own channels turn offline (by the window, resp. at once); the channels the live
// platform still reports stay online, with no offline fact at all. Real ingest, Kafka, PostgreSQL.
//
// Time is scaled down: keepalive every 1 s (the standard's default is 60 s), offline after 3 missed.
import { type FengqiaoConfig } from '@fengqiao/config';
import { pollUntil, testConfig } from '@fengqiao/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs other apps as real components
import { channelIdOf, deviceIdOf } from '../../../e2e/src/gb28181/device-fleet';
import { startGbStack, type GbStack } from './testing/gb-stack';

const KEEPALIVE_MS = 1000;
const MISSED = 3;
const SWEEP_MS = 200;
const DEVICES = 4;
const CHANNELS = 3;

let config: FengqiaoConfig;
let stack: GbStack;

const ch = (device: number, j: number): string => channelIdOf(device, j, CHANNELS);
const all = (): string[] =>
  Array.from({ length: DEVICES }, (_, i) => Array.from({ length: CHANNELS }, (_, j) => ch(i, j))).flat();

const states = async (
  ids: readonly string[],
): Promise<Map<string, { online: boolean | null; at: number }>> => {
  const r = await stack.harness.pool.query<{
    camera_id: string;
    online: boolean | null;
    changed_at: Date | null;
  }>(`SELECT camera_id, online, changed_at FROM camera_state WHERE camera_id = ANY($1)`, [ids]);
  return new Map(r.rows.map((x) => [x.camera_id, { online: x.online, at: x.changed_at?.getTime() ?? 0 }]));
};

/** Offline facts stored for these cameras since `sinceMs` (the ids are reused across runs). */
const offlineSince = async (ids: readonly string[], sinceMs: number): Promise<string[]> =>
  (
    await stack.harness.pool.query<{ camera_id: string }>(
      `SELECT camera_id FROM camera_status_events
       WHERE camera_id = ANY($1) AND online = false AND occurred_at >= $2 ORDER BY camera_id, occurred_at`,
      [ids, new Date(sinceMs)],
    )
  ).rows.map((r) => r.camera_id);

beforeAll(async () => {
  config = testConfig();
  stack = await startGbStack(config, {
    env: {
      ...process.env,
      FQ_GB28181_KEEPALIVE_MS: String(KEEPALIVE_MS),
      FQ_GB28181_KEEPALIVE_MISSED: String(MISSED),
      FQ_GB28181_SWEEP_MS: String(SWEEP_MS),
      FQ_GB28181_FLAP_HOLD_MS: '0',
    },
    simArgs: [
      ...['--devices', String(DEVICES), '--channels', String(CHANNELS)],
      ...['--platform-shares', '2', '--keepalive-ms', String(KEEPALIVE_MS)],
    ],
  });
  expect(await stack.sim.next('registered')).toMatchObject({ registered: DEVICES, refused: 0 });
  await pollUntil(
    async () => {
      const s = await states(all());
      return s.size === all().length && [...s.values()].every((x) => x.online === true);
    },
    'every channel online',
    { timeoutMs: 60_000 },
  );
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

it('an NVR that falls silent: its own channels offline within the window plus one sweep; the one a live platform also reports stays online', async () => {
  const since = Date.now();
  stack.sim.send({ cmd: 'silence', device: deviceIdOf(1) });
  const own = [ch(1, 1), ch(1, 2)];
  const offline = await pollUntil(
    async () => {
      const s = await states(own);
      return own.every((id) => s.get(id)?.online === false) && s;
    },
    'the silent NVR’s own channels offline',
    { timeoutMs: 20_000 },
  );
  const window = KEEPALIVE_MS * MISSED;
  for (const id of own) {
    const at = offline.get(id)?.at ?? 0;
    expect(at).toBeGreaterThanOrEqual(since + window - KEEPALIVE_MS - 50);
    expect(at).toBeLessThanOrEqual(since + window + SWEEP_MS + 50);
  }
  const rest = all().filter((id) => !own.includes(id));
  const s = await states(rest);
  expect(rest.filter((id) => s.get(id)?.online !== true)).toEqual([]);
  expect(await offlineSince([ch(1, 0)], since)).toEqual([]);
  expect(await offlineSince(own, since)).toEqual(own.sort());
});

it('an NVR that unregisters: its own channels offline at once; the one the platform still reports never goes offline', async () => {
  const since = Date.now();
  stack.sim.send({ cmd: 'unregister', device: 2 });
  expect(await stack.sim.next('unregistered', 10_000)).toMatchObject({ ok: true });
  const own = [ch(2, 1), ch(2, 2)];
  await pollUntil(
    async () => {
      const s = await states(own);
      return own.every((id) => s.get(id)?.online === false);
    },
    'the unregistered NVR’s own channels offline',
    { timeoutMs: 10_000 },
  );
  // Not by silence: well inside the 3 s window.
  const s = await states(own);
  for (const id of own) expect((s.get(id)?.at ?? 0) - since).toBeLessThan(KEEPALIVE_MS * MISSED);
  // Past a whole window the shared channel has still not gone offline, not even for a moment.
  await new Promise((r) => setTimeout(r, KEEPALIVE_MS * MISSED + 1000));
  expect((await states([ch(2, 0)])).get(ch(2, 0))?.online).toBe(true);
  expect(await offlineSince([ch(2, 0)], since)).toEqual([]);
  expect(await stack.counter('register_unregistered')).toBe(1);
});
