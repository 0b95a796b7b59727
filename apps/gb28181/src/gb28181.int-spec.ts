// Issue 15 acceptance: GB/T 28181 devices (a separate simulator process, written from the standard)
// register with the real access service; their channels reach the registry through the real Kafka and
// ingest into PostgreSQL and the API's camera view; one goes silent and turns offline within its window
// plus one sweep; it comes back. Bad SIP is counted and the service keeps answering.
//
// Time is scaled down: keepalive every 1 s (the standard's default is 60 s), offline after 3 missed.
import { createHash } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { type FengqiaoConfig } from '@fengqiao/config';
import { freePort, pollUntil, startProcess, testConfig, type RunningProcess } from '@fengqiao/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs other apps as real components
import { startApi, type ApiHarness } from '../../api/src/testing/api-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs other apps as real components
import { createHarness, startIngest, type IngestHarness } from '../../ingest/src/testing/ingest-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs other apps as real components
import { channelIdOf, deviceIdOf } from '../../../e2e/src/gb28181/device-fleet';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs other apps as real components
import { SimProcess } from '../../../e2e/src/gb28181/sim-process';

const md5 = (t: string): string => createHash('md5').update(t).digest('hex');
const KEEPALIVE_MS = 1000;
const MISSED = 3;
const SWEEP_MS = 200;
const DEVICES = 40;
const CHANNELS = 4;
const WRONG = 7; // this device's password is wrong: it must stay out

let config: FengqiaoConfig;
let harness: IngestHarness;
let ingest: { app: { stop(): Promise<void> } };
let gb: RunningProcess;
let sim: SimProcess;
let api: ApiHarness;
let sipPort: number;
let metricsUrl: string;

const counter = async (name: string): Promise<number> => {
  const text = await (await fetch(metricsUrl)).text();
  return Number(new RegExp(`^fq_gb28181_${name} (\\d+)$`, 'm').exec(text)?.[1] ?? '0');
};

const cameraRows = async (ids: readonly string[]) =>
  (
    await harness.pool.query<{
      camera_id: string;
      name: string;
      online: boolean | null;
      changed_at: Date | null;
    }>(
      `SELECT c.camera_id, c.name, s.online, s.changed_at FROM cameras c
       LEFT JOIN camera_state s USING (camera_id) WHERE c.camera_id = ANY($1)`,
      [ids],
    )
  ).rows;

beforeAll(async () => {
  config = testConfig();
  harness = await createHarness(config);
  // The access service places a channel in a township of its county: give each county one.
  await harness.pool.query(
    `INSERT INTO regions (code, level, parent, name, lon, lat, population_weight)
     SELECT c || '990', 'township', c, '测试镇' || c, 106.75, 31.86, 0
     FROM unnest(ARRAY['511902','511903','511921','511922','511923']) AS c
     ON CONFLICT (code) DO NOTHING`,
  );
  ingest = await startIngest(config, harness);
  sipPort = await freePort();
  const httpPort = await freePort();
  metricsUrl = `http://127.0.0.1:${httpPort}/metrics`;
  gb = await startProcess({
    command: process.execPath,
    args: [
      '-r',
      '@swc-node/register',
      join(config.repoRoot, 'apps/gb28181/src/main.ts'),
      '--sip-port',
      String(sipPort),
      '--http-port',
      String(httpPort),
      '--topic-suffix',
      harness.suffix,
    ],
    cwd: config.repoRoot,
    env: {
      ...process.env,
      FQ_GB28181_KEEPALIVE_MS: String(KEEPALIVE_MS),
      FQ_GB28181_KEEPALIVE_MISSED: String(MISSED),
      FQ_GB28181_SWEEP_MS: String(SWEEP_MS),
      FQ_GB28181_FLAP_HOLD_MS: '0',
      FQ_GB28181_CATALOG_TIMEOUT_MS: '5000',
      FQ_GB28181_INVITE_TIMEOUT_MS: '1500',
    },
    readyUrl: `http://127.0.0.1:${httpPort}/health`,
  });
  sim = SimProcess.start(config.repoRoot, [
    '--server',
    `127.0.0.1:${sipPort}`,
    '--devices',
    String(DEVICES),
    '--channels',
    String(CHANNELS),
    '--keepalive-ms',
    String(KEEPALIVE_MS),
    '--wrong-password',
    String(WRONG),
  ]);
  api = await startApi();
}, 180_000);

afterAll(async () => {
  await sim?.stop();
  await gb?.stop();
  await ingest?.app.stop();
  await api?.close();
  await harness?.stop();
});

const allChannels = (exclude: number[] = []): string[] =>
  Array.from({ length: DEVICES }, (_, i) => i)
    .filter((i) => !exclude.includes(i))
    .flatMap((i) => Array.from({ length: CHANNELS }, (_, j) => channelIdOf(i, j, CHANNELS)));

it('registers the devices, lists their channels in the registry, online, and on the API camera view', async () => {
  const registered = await sim.next('registered');
  expect(registered).toMatchObject({ registered: DEVICES - 1, refused: 1 });
  const expected = allChannels([WRONG]);
  const rows = await pollUntil(
    async () => {
      const r = await cameraRows(allChannels());
      return r.length === expected.length && r.every((x) => x.online === true) && r;
    },
    'every channel in the registry and online',
    { timeoutMs: 60_000 },
  );
  expect(rows.map((r) => r.camera_id).sort()).toEqual([...expected].sort());
  expect(rows.find((r) => r.camera_id === channelIdOf(0, 1, CHANNELS))?.name).toBe('巴中0号点位萳1');
  expect(await counter('register_refused_wrong_digest')).toBeGreaterThanOrEqual(1);

  const { accessToken } = await api.login('analyst');
  const res = await request(api.url)
    .get('/api/cameras')
    .query({ q: channelIdOf(0, 1, CHANNELS) })
    .set('authorization', `Bearer ${accessToken}`)
    .expect(200);
  expect(res.body).toMatchObject({
    items: [{ cameraId: channelIdOf(0, 1, CHANNELS), name: '巴中0号点位萳1', online: true }],
  });
});

it('turns a silent device offline within its window plus one sweep, and back online on its next keepalive', async () => {
  const silent = 3;
  const ids = Array.from({ length: CHANNELS }, (_, j) => channelIdOf(silent, j, CHANNELS));
  const silencedAt = Date.now();
  sim.send({ cmd: 'silence', device: deviceIdOf(silent) });
  const offline = await pollUntil(
    async () => {
      const r = await cameraRows(ids);
      return r.every((x) => x.online === false) && r;
    },
    'the silent channels offline',
    { timeoutMs: 30_000 },
  );
  const window = KEEPALIVE_MS * MISSED;
  for (const row of offline) {
    const at = row.changed_at?.getTime() ?? 0;
    // Its last keepalive came at most one interval before the silence began.
    expect(at).toBeGreaterThanOrEqual(silencedAt + window - KEEPALIVE_MS - 50);
    expect(at).toBeLessThanOrEqual(silencedAt + window + SWEEP_MS + 50);
  }
  const others = await cameraRows(allChannels([WRONG, silent]));
  expect(others.filter((r) => r.online !== true)).toEqual([]);
  expect(await counter('status_offline_silence')).toBeGreaterThanOrEqual(CHANNELS);

  const resumedAt = Date.now();
  sim.send({ cmd: 'resume', device: deviceIdOf(silent) });
  const back = await pollUntil(
    async () => {
      const r = await cameraRows(ids);
      return r.every((x) => x.online === true) && r;
    },
    'the channels online again',
    { timeoutMs: 30_000 },
  );
  for (const row of back)
    expect(row.changed_at?.getTime() ?? 0).toBeLessThanOrEqual(resumedAt + KEEPALIVE_MS + 100);
});

it('maps a video alarm to a camera analytics event', async () => {
  const channel = channelIdOf(5, 2, CHANNELS);
  sim.send({ cmd: 'alarm', device: 5, channel, type: 6 });
  expect(await sim.next('alarm')).toMatchObject({ status: 200 });
  const row = await pollUntil(async () => {
    const r = await harness.pool.query<{ kind: string }>(
      `SELECT kind FROM camera_analytics_events WHERE camera_id = $1`,
      [channel],
    );
    return r.rows[0];
  }, 'the analytics event');
  expect(row.kind).toBe('intrusion');
});

it('plays a channel: INVITE with the offer (media port, SSRC, Subject), the device’s 200 OK SDP, ACK, BYE; coded failures', async () => {
  const base = metricsUrl.replace(/\/metrics$/, '');
  const channel = channelIdOf(6, 1, CHANNELS);
  const res = await fetch(`${base}/play/${channel}`, { method: 'POST' });
  expect(res.status).toBe(200);
  const session = (await res.json()) as {
    callId: string;
    ssrc: string;
    state: string;
    media: { port: number };
    device: { ip: string; port: number; ssrc: string };
  };
  // Live (0), digits 4-8 of the domain 5119000000, then 4 digits of this stream.
  expect(session.ssrc).toMatch(/^090000\d{4}$/);
  expect(session).toMatchObject({ state: 'playing', device: { ip: '127.0.0.1', ssrc: session.ssrc } });
  // What the device saw of our INVITE (its own reading of the wire, not our server's code).
  expect(await sim.next('invited', 10_000)).toMatchObject({
    callId: session.callId,
    channel,
    subject: `${channel}:${session.ssrc},51190000002000000001:0`,
    session: 'Play',
    mediaIp: '127.0.0.1',
    mediaPort: session.media.port,
    transport: 'RTP/AVP',
    ssrc: session.ssrc,
    recvonly: true,
    ps: true,
  });
  expect(await sim.next('acked', 10_000)).toMatchObject({ callId: session.callId, channel });
  const listed = (await (await fetch(`${base}/play`)).json()) as { sessions: { callId: string }[] };
  expect(listed.sessions.map((x) => x.callId)).toContain(session.callId);

  expect((await fetch(`${base}/play/${session.callId}`, { method: 'DELETE' })).status).toBe(200);
  expect(await sim.next('bye', 10_000)).toMatchObject({ callId: session.callId, channel });
  const after = (await (await fetch(`${base}/play`)).json()) as { sessions: unknown[] };
  expect(after.sessions).toEqual([]);
  expect((await fetch(`${base}/play/${session.callId}`, { method: 'DELETE' })).status).toBe(404);

  // A channel of the refused device: nobody to invite.
  const unregistered = await fetch(`${base}/play/${channelIdOf(WRONG, 0, CHANNELS)}`, { method: 'POST' });
  expect(unregistered.status).toBe(404);
  expect(await unregistered.json()).toMatchObject({ error: { code: 'NOT_REGISTERED' } });
  // A device that does not answer: the INVITE times out (1.5 s here) with its code.
  sim.send({ cmd: 'silence', device: deviceIdOf(8) });
  const timedOut = await fetch(`${base}/play/${channelIdOf(8, 0, CHANNELS)}`, { method: 'POST' });
  sim.send({ cmd: 'resume', device: deviceIdOf(8) });
  expect(timedOut.status).toBe(504);
  expect(await timedOut.json()).toMatchObject({ error: { code: 'INVITE_TIMEOUT' } });
  expect(await counter('play_started')).toBe(1);
  expect(await counter('play_failed_invite_timeout')).toBe(1);
});

it('counts and answers bad SIP without harm: garbage, oversized, unknown device, wrong digest, replayed nonce', async () => {
  const udp = createSocket('udp4');
  const answers: string[] = [];
  udp.on('message', (m) => answers.push(m.toString('utf8')));
  await new Promise<void>((r) => udp.bind(0, '127.0.0.1', () => r()));
  const send = (b: Buffer | string): Promise<void> =>
    new Promise((r) => udp.send(typeof b === 'string' ? Buffer.from(b) : b, sipPort, '127.0.0.1', () => r()));
  const register = (from: string, cseq: number, auth?: string): string =>
    [
      `REGISTER sip:51190000002000000001@5119000000 SIP/2.0`,
      `Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK${from}x${cseq}`,
      `From: <sip:${from}@5119000000>;tag=1`,
      `To: <sip:${from}@5119000000>`,
      `Call-ID: bad-${from}`,
      `CSeq: ${cseq} REGISTER`,
      `Expires: 3600`,
      ...(auth === undefined ? [] : [`Authorization: ${auth}`]),
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
  const answerTo = async (cseq: number): Promise<string> =>
    pollUntil(() => answers.find((a) => a.includes(`CSeq: ${cseq} REGISTER`)), `the answer to CSeq ${cseq}`);
  const digest = (id: string, nonce: string, password: string): string => {
    const uri = 'sip:51190000002000000001@5119000000';
    const ha1 = md5(`${id}:5119000000:${password}`);
    const response = md5(`${ha1}:${nonce}:${md5(`REGISTER:${uri}`)}`);
    return `Digest username="${id}", realm="5119000000", nonce="${nonce}", uri="${uri}", response="${response}", algorithm=MD5`;
  };
  const nonceOf = (answer: string): string => /nonce="([^"]+)"/.exec(answer)?.[1] ?? '';

  await send(Buffer.from([0, 1, 2, 3, 255]));
  await send('REGISTER nonsense\r\n\r\n');
  await send(register('34020000001320000001', 1));
  expect((await answerTo(1)).split('\r\n')[0]).toBe('SIP/2.0 403 Forbidden');
  const id = '51190290001189999999';
  await send(register(id, 2));
  const first = nonceOf(await answerTo(2));
  await send(register(id, 3, digest(id, first, 'not-the-password')));
  expect((await answerTo(3)).split('\r\n')[0]).toBe('SIP/2.0 403 Forbidden');
  await send(register(id, 4));
  const second = nonceOf(await answerTo(4));
  const good = digest(id, second, 'fengqiao-gb28181-dev');
  await send(register(id, 5, good));
  expect((await answerTo(5)).split('\r\n')[0]).toBe('SIP/2.0 200 OK');
  await send(register(id, 6, good));
  expect((await answerTo(6)).split('\r\n')[0]).toBe('SIP/2.0 403 Forbidden');
  udp.close();

  const tcp = connect(sipPort, '127.0.0.1');
  const closed = new Promise<void>((r) => tcp.on('close', () => r()));
  tcp.on('error', () => undefined);
  tcp.write(Buffer.alloc(70_000, 'A'));
  await closed;

  expect(await counter('bad_sip_bad_start_line')).toBeGreaterThanOrEqual(2);
  expect(await counter('bad_sip_too_large')).toBe(1);
  expect(await counter('register_refused_unknown_device')).toBeGreaterThanOrEqual(1);
  expect(await counter('register_refused_wrong_digest')).toBeGreaterThanOrEqual(2);
  expect(await counter('register_refused_replayed_nonce')).toBe(1);
  // Still serving: the fleet's keepalives keep flowing.
  const before = await counter('message_keepalive');
  await pollUntil(
    async () => (await counter('message_keepalive')) > before + DEVICES,
    'keepalives after the bad input',
  );
});
