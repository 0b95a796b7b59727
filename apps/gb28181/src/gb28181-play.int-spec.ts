// Issue 15, live play end to end: the device simulator (a separate process, written from the standard)
// answers our INVITE and sends RTP/PS (PT 96, the y= SSRC, one PS pack per frame) to the offered port;
// the access service's receiver puts it in order and pipes the PS into ffmpeg, which publishes it to
// the real media service (node-media-server); the media gateway's HLS of the channel has a segment
// ffprobe decodes as H.264 video. BYE tears it down: the port is free, the ffmpeg gone, the stream
// unpublished. Also CANCEL of a pending INVITE (timeout, hang-up, a late 200 hung up) and re-INVITE.
import { spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';
import { freePort, pollUntil, testConfig, type RunningProcess } from '@fengqiao/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs other apps as real components
import { channelIdOf } from '../../../e2e/src/gb28181/device-fleet';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs other apps as real components
import { processesMatching } from '../../media/src/hls/process-group';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs other apps as real components
import {
  freeMediaPorts,
  playToken,
  startMediaProcess,
  StatusWatch,
  type MediaPorts,
} from '../../media/src/testing/media-harness';
import { receiverMarker } from './media/ps-publish-args';
import { startGbStack, type GbStack } from './testing/gb-stack';

const CHANNELS = 2;

interface PlayView {
  callId: string;
  channelId: string;
  ssrc: string;
  state: string;
  media: { port: number; rtpPackets: number };
}

let config: FengqiaoConfig;
let ports: MediaPorts;
let media: RunningProcess;
let watch: StatusWatch;
let stack: GbStack;

const mediaBase = (): string => `http://127.0.0.1:${ports.http}`;
const liveStreams = async (): Promise<string[]> =>
  ((await (await fetch(`${mediaBase()}/health`)).json()) as { live: string[] }).live;
const post = (channel: string): Promise<Response> =>
  fetch(`${stack.httpBase}/play/${channel}`, { method: 'POST' });
const sessions = async (): Promise<PlayView[]> =>
  ((await (await fetch(`${stack.httpBase}/play`)).json()) as { sessions: PlayView[] }).sessions;

/** True when nothing holds the UDP port any more. */
const udpPortFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = createSocket('udp4');
    s.once('error', () => resolve(false));
    s.bind(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

beforeAll(async () => {
  config = testConfig();
  ports = await freeMediaPorts();
  const status = await StatusWatch.start(config);
  watch = status.watch;
  media = await startMediaProcess(config, ports, status.topic, ['--hls-idle-ms', '10000']);
  const p = await freePort();
  const min = p - (p % 2);
  stack = await startGbStack(config, {
    env: {
      ...process.env,
      FQ_MEDIA_RTMP_PORT: String(ports.rtmp),
      FQ_MEDIA_SECRET: config.media.secret,
      FQ_GB28181_RTP_PORT_MIN: String(min),
      FQ_GB28181_RTP_PORT_MAX: String(min + 40),
      FQ_GB28181_KEEPALIVE_MS: '1000',
      FQ_GB28181_SWEEP_MS: '200',
      FQ_GB28181_FLAP_HOLD_MS: '0',
      FQ_GB28181_INVITE_TIMEOUT_MS: '1500',
      FQ_GB28181_RTP_TIMEOUT_MS: '5000',
    },
    simArgs: ['--devices', '5', '--channels', String(CHANNELS), '--keepalive-ms', '1000'],
  });
  expect(await stack.sim.next('registered')).toMatchObject({ registered: 5, refused: 0 });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await media?.stop();
  await watch?.stop();
  // The access service stopped: none of its receivers' ffmpeg may outlive it.
  if (stack !== undefined) expect(processesMatching(receiverMarker(stack.sipPort))).toEqual([]);
});

it('plays a channel into HLS: INVITE, RTP/PS to the offered port, ffmpeg → RTMP → HLS with decodable video; BYE frees it all', async () => {
  const channel = channelIdOf(0, 0, CHANNELS);
  const t0 = Date.now();
  const res = await post(channel);
  expect(res.status).toBe(200);
  const session = (await res.json()) as PlayView;
  expect(session).toMatchObject({ state: 'playing', channelId: channel });
  expect(await stack.sim.next('invited', 10_000)).toMatchObject({
    callId: session.callId,
    mediaPort: session.media.port,
  });
  expect(await stack.sim.next('acked', 10_000)).toMatchObject({ callId: session.callId, final: 200 });
  expect(await udpPortFree(session.media.port)).toBe(false);

  await pollUntil(
    async () => (await liveStreams()).includes(channel),
    'the channel published to the media service',
    {
      timeoutMs: 20_000,
    },
  );
  const published = Date.now() - t0;
  const token = encodeURIComponent(playToken(config, channel));
  const segment = await pollUntil(
    async () => {
      const r = await fetch(`${mediaBase()}/hls/${channel}/index.m3u8?token=${token}`);
      if (r.status !== 200) return undefined;
      return (await r.text()).split('\n').find((l) => l.startsWith('seg_'));
    },
    'an HLS playlist with a segment',
    { timeoutMs: 30_000, everyMs: 250 },
  );
  const firstSegment = Date.now() - t0;
  const bytes = Buffer.from(await (await fetch(`${mediaBase()}/hls/${channel}/${segment}`)).arrayBuffer());
  const file = join(tmpdir(), `gb-play-${process.pid}.ts`);
  writeFileSync(file, bytes);
  const probe = spawnSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-count_frames',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=codec_name,width,height,nb_read_frames',
      '-of',
      'json',
      file,
    ],
    { encoding: 'utf8' },
  );
  const stream = (
    JSON.parse(probe.stdout) as {
      streams: { codec_name: string; width: number; height: number; nb_read_frames: string }[];
    }
  ).streams[0];
  expect(stream).toMatchObject({ codec_name: 'h264', width: 320, height: 240 });
  expect(Number(stream?.nb_read_frames)).toBeGreaterThan(0);
  const playing = (await sessions()).find((s) => s.callId === session.callId);
  expect(playing?.media.rtpPackets).toBeGreaterThan(0);
  expect(await stack.counter('rtp_ssrc_mismatch')).toBe(0);
  // Figures for docs/gb28181.md (this shared 2-core machine).
  process.stdout.write(
    `gb play: published after ${published} ms, first HLS segment after ${firstSegment} ms, ${bytes.length} bytes, ${stream?.nb_read_frames} frames; rtp_lost ${await stack.counter('rtp_lost')}\n`,
  );

  const ffmpegPids = processesMatching(receiverMarker(stack.sipPort));
  expect(ffmpegPids).toHaveLength(1);
  expect((await fetch(`${stack.httpBase}/play/${session.callId}`, { method: 'DELETE' })).status).toBe(200);
  const bye = await stack.sim.next('bye', 10_000);
  expect(bye).toMatchObject({ callId: session.callId });
  expect(Number(bye.rtpPackets)).toBeGreaterThan(0);
  // DELETE answers once the receiver is closed: the port is free and its ffmpeg gone at once.
  expect(await udpPortFree(session.media.port)).toBe(true);
  expect(processesMatching(receiverMarker(stack.sipPort))).toEqual([]);
  expect(await stack.counter('rtp_receivers_open')).toBe(0);
  await pollUntil(async () => !(await liveStreams()).includes(channel), 'the stream unpublished');
  expect(await sessions()).toEqual([]);
}, 90_000);

it('joins a second play of a playing channel (one session, one port) and answers re-INVITEs: same SSRC 200, another 488', async () => {
  const channel = channelIdOf(3, 0, CHANNELS);
  const first = (await (await post(channel)).json()) as PlayView;
  const second = (await (await post(channel)).json()) as PlayView;
  expect(second.callId).toBe(first.callId);
  expect(await stack.counter('rtp_receivers_open')).toBe(1);
  await stack.sim.next('invited', 10_000);
  await stack.sim.next('acked', 10_000);

  stack.sim.send({ cmd: 'reinvite', callId: first.callId });
  await stack.sim.next('ack');
  expect(await stack.sim.next('reinvited', 10_000)).toMatchObject({ status: 200, ssrc: first.ssrc });
  stack.sim.send({ cmd: 'reinvite', callId: first.callId, ssrc: '0900009999' });
  await stack.sim.next('ack');
  expect(await stack.sim.next('reinvited', 10_000)).toMatchObject({ status: 488 });
  expect((await sessions()).map((s) => [s.callId, s.state])).toEqual([[first.callId, 'playing']]);
  expect(await stack.counter('play_reinvite_ok')).toBe(1);
  expect(await stack.counter('play_reinvite_refused')).toBe(1);

  expect((await fetch(`${stack.httpBase}/play/${first.callId}`, { method: 'DELETE' })).status).toBe(200);
  await stack.sim.next('bye', 10_000);
  expect(await udpPortFree(first.media.port)).toBe(true);
}, 60_000);

it('cancels a pending INVITE on timeout (CANCEL, 487 ACKed) and on hang-up (409 CANCELLED), leaking no session or port', async () => {
  const slow = channelIdOf(1, 0, CHANNELS);
  stack.sim.send({ cmd: 'delay-answer', channel: slow, ms: 5000 });
  await stack.sim.next('ack');
  const timedOut = await post(slow);
  expect(timedOut.status).toBe(504);
  expect(await timedOut.json()).toMatchObject({ error: { code: 'INVITE_TIMEOUT' } });
  const invited = await stack.sim.next('invited', 5000);
  expect(await stack.sim.next('cancelled', 5000)).toMatchObject({ callId: invited.callId, pending: true });
  expect(await stack.sim.next('acked', 5000)).toMatchObject({ callId: invited.callId, final: 487 });
  expect(await udpPortFree(Number(invited.mediaPort))).toBe(true);

  const hungUp = channelIdOf(1, 1, CHANNELS);
  stack.sim.send({ cmd: 'delay-answer', channel: hungUp, ms: 5000 });
  await stack.sim.next('ack');
  const pending = post(hungUp);
  const listed = await pollUntil(
    async () => (await sessions()).find((s) => s.channelId === hungUp && s.state === 'proceeding'),
    'the pending session',
  );
  expect((await fetch(`${stack.httpBase}/play/${listed.callId}`, { method: 'DELETE' })).status).toBe(200);
  const refused = await pending;
  expect(refused.status).toBe(409);
  expect(await refused.json()).toMatchObject({ error: { code: 'CANCELLED' } });
  expect(await stack.sim.next('invited', 5000)).toMatchObject({ callId: listed.callId, channel: hungUp });
  expect(await stack.sim.next('cancelled', 5000)).toMatchObject({ callId: listed.callId, pending: true });
  expect(await stack.sim.next('acked', 5000)).toMatchObject({ callId: listed.callId, final: 487 });
  expect(await udpPortFree(listed.media.port)).toBe(true);
  expect(await stack.counter('play_cancel_sent')).toBe(2);
  expect(await stack.counter('play_cancel_answered_487')).toBe(2);

  expect(await sessions()).toEqual([]);
  expect(await stack.counter('rtp_receivers_open')).toBe(0);
}, 60_000);

it('hangs up a 200 OK that comes after the CANCEL (a device that ignores it): ACK, then BYE', async () => {
  const late = channelIdOf(2, 0, CHANNELS);
  stack.sim.send({ cmd: 'delay-answer', channel: late, ms: 2500, ignoreCancel: true });
  await stack.sim.next('ack');
  expect((await post(late)).status).toBe(504);
  const invited = await stack.sim.next('invited', 5000);
  expect(await stack.sim.next('cancelled', 5000)).toMatchObject({ callId: invited.callId, ignored: true });
  expect(await stack.sim.next('acked', 10_000)).toMatchObject({ callId: invited.callId, final: 200 });
  expect(await stack.sim.next('bye', 10_000)).toMatchObject({ callId: invited.callId });
  expect(await stack.counter('play_late_answer_hung_up')).toBe(1);
  expect(await sessions()).toEqual([]);
}, 30_000);

it('hangs up a playing channel whose RTP stops (no BYE from the device) after the RTP timeout, freeing its port', async () => {
  const channel = channelIdOf(4, 0, CHANNELS);
  const session = (await (await post(channel)).json()) as PlayView;
  await stack.sim.next('invited', 10_000);
  await stack.sim.next('acked', 10_000);
  await pollUntil(
    async () => ((await sessions()).find((s) => s.callId === session.callId)?.media.rtpPackets ?? 0) > 0,
    'RTP flowing',
  );
  const stoppedAt = Date.now();
  stack.sim.send({ cmd: 'stop-media', callId: session.callId });
  await stack.sim.next('media-stopped', 5000);
  expect(await stack.sim.next('bye', 15_000)).toMatchObject({ callId: session.callId });
  const after = Date.now() - stoppedAt;
  expect(after).toBeGreaterThanOrEqual(5000 - 250);
  expect(after).toBeLessThan(5000 + 2000);
  expect(await stack.counter('play_rtp_timeout')).toBe(1);
  await pollUntil(async () => (await udpPortFree(session.media.port)) || undefined, 'the port free');
  expect(await sessions()).toEqual([]);
}, 40_000);
