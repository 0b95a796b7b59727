// The receiver against the device simulator's RTP/PS sender (written from the standard) and a real
// ffmpeg, over TCP passive (RFC 4571 framing) and UDP: the PS that comes out decodes as H.264; a
// sender with another SSRC is dropped and counted; close() frees the port and ends ffmpeg.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@fengqiao/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec runs the device simulator's sender
import { RtpPsSender } from '../../../../e2e/src/gb28181/sim-rtp-sender';
import { GbMetrics } from '../gb-metrics';
import { RtpPsReceiver } from './rtp-ps-receiver';

const SSRC = '0900000042';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function receive(transport: 'udp' | 'tcp-passive', senderSsrc: number) {
  const port = await freePort();
  const out = join(tmpdir(), `rtp-ps-${process.pid}-${port}.ts`);
  rmSync(out, { force: true });
  const metrics = new GbMetrics();
  const receiver = new RtpPsReceiver(
    {
      channelId: '51190290001310000001',
      ssrc: SSRC,
      ip: '127.0.0.1',
      port,
      transport,
      // The same input side as the publishing ffmpeg, written to a file instead of RTMP.
      ffmpegArgs: [
        '-hide_banner',
        '-loglevel',
        'error',
        '-f',
        'mpeg',
        '-i',
        'pipe:0',
        '-map',
        '0:v:0',
        '-c:v',
        'copy',
        '-f',
        'mpegts',
        out,
      ],
    },
    metrics,
  );
  await receiver.open();
  const sender = new RtpPsSender({
    ip: '127.0.0.1',
    port,
    ssrc: senderSsrc,
    transport: transport === 'udp' ? 'RTP/AVP' : 'TCP/RTP/AVP',
  });
  await sleep(3000);
  sender.stop();
  const pid = receiver.pid ?? 0;
  await receiver.close();
  return { metrics, out, pid, port, sent: sender.packets };
}

const probe = (file: string) =>
  JSON.parse(
    spawnSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-count_frames',
        '-show_entries',
        'stream=codec_name,nb_read_frames',
        '-of',
        'json',
        file,
      ],
      {
        encoding: 'utf8',
      },
    ).stdout,
  ) as { streams: { codec_name: string; nb_read_frames: string }[] };

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it.each(['tcp-passive', 'udp'] as const)(
  'receives RTP/PS over %s into decodable H.264, then frees the port and ends ffmpeg',
  async (transport) => {
    const r = await receive(transport, Number(SSRC));
    expect(r.sent).toBeGreaterThan(20);
    expect(r.metrics.get('rtp_packets')).toBeGreaterThan(20);
    expect(r.metrics.get('rtp_ssrc_mismatch')).toBe(0);
    const stream = probe(r.out).streams[0];
    expect(stream?.codec_name).toBe('h264');
    expect(Number(stream?.nb_read_frames)).toBeGreaterThan(25);
    expect(alive(r.pid)).toBe(false);
    // The port binds again at once.
    const again = new RtpPsReceiver(
      { channelId: 'x', ssrc: SSRC, ip: '127.0.0.1', port: r.port, transport, ffmpegArgs: ['-version'] },
      new GbMetrics(),
    );
    await again.open();
    await again.close();
    rmSync(r.out, { force: true });
  },
  30_000,
);

it('drops and counts the packets of another SSRC: nothing reaches ffmpeg', async () => {
  const r = await receive('udp', 900000043);
  expect(r.sent).toBeGreaterThan(20);
  expect(r.metrics.get('rtp_ssrc_mismatch')).toBeGreaterThan(20);
  expect(r.metrics.get('rtp_packets')).toBe(0);
  expect(existsSync(r.out) ? probe(r.out).streams : []).toEqual([]);
}, 30_000);
