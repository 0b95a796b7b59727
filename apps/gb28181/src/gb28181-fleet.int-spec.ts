// Issue 15: the city's 31,000 cameras over GB/T 28181. 1,000 NVRs × 31 channels in a separate simulator
// process (written from the standard) register over UDP, 64 REGISTERs at a time, answer Catalog in
// pages while the others register, keep alive, and one goes silent. The registry and the states the real
// ingest stores match what the devices said, and the silent NVR's 31 channels, only they, turn offline.
//
// Keepalives every 10 s (the standard's default is 60 s: 6× its rate, 100 a second for 1,000 devices),
// offline after 3 missed. Before the SIP intake (sip-intake.ts) 642 of 1,000 NVRs were refused or
// unanswered here: Catalog pages queued ahead of REGISTERs. ~2.5 min at load ~16 on 2 cores.
import { pollUntil, testConfig } from '@fengqiao/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs other apps as real components
import { channelIdOf, deviceIdOf } from '../../../e2e/src/gb28181/device-fleet';
import { startGbStack, type GbStack } from './testing/gb-stack';

const DEVICES = 1000;
const CHANNELS = 31;
const KEEPALIVE_MS = 10_000;
const MISSED = 3;
const SWEEP_MS = 500;
const SILENT = 17;

let stack: GbStack;
const all = Array.from({ length: DEVICES }, (_, i) =>
  Array.from({ length: CHANNELS }, (_, j) => channelIdOf(i, j, CHANNELS)),
).flat();

const states = async (
  ids: readonly string[],
): Promise<{ registered: number; online: number; offline: number }> => {
  const { rows } = await stack.harness.pool.query<{ registered: number; online: number; offline: number }>(
    `SELECT count(*)::int AS registered,
            count(*) FILTER (WHERE s.online)::int AS online,
            count(*) FILTER (WHERE s.online = false)::int AS offline
       FROM cameras c LEFT JOIN camera_state s USING (camera_id) WHERE c.camera_id = ANY($1)`,
    [ids],
  );
  return rows[0] ?? { registered: 0, online: 0, offline: 0 };
};

beforeAll(async () => {
  stack = await startGbStack(testConfig(), {
    env: {
      ...process.env,
      FQ_GB28181_KEEPALIVE_MS: String(KEEPALIVE_MS),
      FQ_GB28181_KEEPALIVE_MISSED: String(MISSED),
      FQ_GB28181_SWEEP_MS: String(SWEEP_MS),
      FQ_GB28181_FLAP_HOLD_MS: '0',
      // Pages wait behind each other while 1,000 NVRs answer at once: give a list a minute.
      FQ_GB28181_CATALOG_TIMEOUT_MS: '60000',
    },
    simArgs: [
      ...['--devices', String(DEVICES), '--channels', String(CHANNELS)],
      ...['--keepalive-ms', String(KEEPALIVE_MS)],
    ],
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

it('31,000 channels: every NVR registered, registry and states match the devices, a silent NVR’s channels (only they) go offline', async () => {
  const t0 = Date.now();
  const registered = await stack.sim.next('registered', 180_000);
  const intake = {
    urgentWaitMs: await stack.counter('intake_longest_urgent_wait_ms'),
    waitMs: await stack.counter('intake_longest_wait_ms'),
    loopDelayMaxMs: await stack.counter('event_loop_delay_max_ms'),
  };
  expect(registered).toMatchObject({ registered: DEVICES, refused: 0 });
  await pollUntil(async () => (await states(all)).online === all.length, 'all 31,000 channels online', {
    timeoutMs: 150_000,
    everyMs: 1000,
  });
  const tOnline = Date.now();
  expect(await stack.counter('channels_tracked')).toBe(all.length);
  expect(await stack.counter('devices_registered')).toBe(DEVICES);
  expect(await stack.counter('register_ok')).toBe(DEVICES);

  // Keepalives keep coming from every device and are accepted (200, not 404): one interval of them.
  const before = await stack.counter('message_keepalive');
  await new Promise((r) => setTimeout(r, KEEPALIVE_MS + 2000));
  expect((await stack.counter('message_keepalive')) - before).toBeGreaterThanOrEqual(DEVICES);
  expect(await stack.counter('message_unknown_device')).toBe(0);

  stack.sim.send({ cmd: 'silence', device: deviceIdOf(SILENT) });
  const silencedAt = Date.now();
  const silent = Array.from({ length: CHANNELS }, (_, j) => channelIdOf(SILENT, j, CHANNELS));
  await pollUntil(
    async () => (await states(silent)).offline === CHANNELS,
    'the silent NVR’s channels offline',
    {
      timeoutMs: KEEPALIVE_MS * MISSED + 30_000,
    },
  );
  const offlineAfterMs = Date.now() - silencedAt;
  const rest = all.filter((id) => !silent.includes(id));
  expect(await states(rest)).toEqual({ registered: rest.length, online: rest.length, offline: 0 });
  console.log(
    `gb28181 fleet: ${DEVICES} NVRs registered in ${String(registered.ms)} ms ` +
      `(longest REGISTER wait in the intake ${intake.urgentWaitMs} ms, any message ${intake.waitMs} ms, ` +
      `event-loop delay max ${intake.loopDelayMaxMs} ms); all ${all.length} channels online after ` +
      `${tOnline - t0} ms; silent NVR offline ${offlineAfterMs} ms after it went silent ` +
      `(window ${KEEPALIVE_MS * MISSED} ms from its last keepalive + sweep)`,
  );
}, 420_000);
