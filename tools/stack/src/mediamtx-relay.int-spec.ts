import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort, testConfig, type RunningProcess } from '@fengqiao/testing';
import {
  freeMediaPorts,
  startMediaProcess,
  StatusWatch,
  until,
  type MediaPorts,
} from '@fengqiao/media/src/testing/media-harness';
import { ensureMediamtx } from './mediamtx';

/** The IP camera behind the RTSP server, and the registry camera the relay makes of it. */
const RELAYED = '51190201011318000061';
const config = testConfig();

/** A process this spec started, stopped for sure (SIGKILL after a grace period). */
async function stop(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * The relay path against a real RTSP server nobody here wrote: mediamtx (built from its Go module by
 * tools/stack, cached outside the clone). An ffmpeg "camera" publishes to it; the media service's
 * relay pulls RTSP from it and pushes into our ingest. The source dies (publisher gone; then the
 * server itself killed) and comes back; the relay reports offline and recovers by itself.
 */
describe('RTSP relay against mediamtx: plays, reports the source dying, recovers', () => {
  let ports: MediaPorts;
  let rtspPort: number;
  let dir: string;
  let mediamtxBin: string;
  let server: ChildProcess | undefined;
  let camera: ChildProcess | undefined;
  let media: RunningProcess | undefined;
  let watch: StatusWatch;
  let topic: string;
  const sourceUrl = (): string => `rtsp://127.0.0.1:${rtspPort}/cam1`;

  const startServer = async (): Promise<void> => {
    server = spawn(mediamtxBin, [join(dir, 'mediamtx.yml')], { stdio: ['ignore', 'ignore', 'ignore'] });
    await until('mediamtx listening', async () => ((await tcpOpen(rtspPort)) ? true : undefined));
  };
  const startCamera = (): void => {
    camera = spawn(
      'ffmpeg',
      [
        ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-re'],
        ...['-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25'],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '25'],
        ...['-f', 'rtsp', '-rtsp_transport', 'tcp', sourceUrl()],
      ],
      { stdio: 'ignore' },
    );
  };

  beforeAll(async () => {
    // Built once per machine (minutes); later runs find it in the cache.
    mediamtxBin = await ensureMediamtx(config, (line) => process.stdout.write(`${line}\n`));
    rtspPort = await freePort();
    ports = await freeMediaPorts();
    dir = mkdtempSync(join(tmpdir(), 'fq-rtsp-'));
    writeFileSync(
      join(dir, 'mediamtx.yml'),
      [
        'logLevel: warn',
        'logDestinations: [stdout]',
        ...['api: no', 'metrics: no', 'pprof: no', 'playback: no'],
        ...['rtmp: no', 'hls: no', 'webrtc: no', 'srt: no'],
        'rtsp: yes',
        'rtspTransports: [tcp]',
        `rtspAddress: 127.0.0.1:${rtspPort}`,
        'paths:',
        '  all_others:',
        '',
      ].join('\n'),
    );
    const relays = join(dir, 'relays.json');
    writeFileSync(
      relays,
      JSON.stringify({ relays: [{ cameraId: RELAYED, source: sourceUrl(), transport: 'tcp' }] }),
    );
    ({ watch, topic } = await StatusWatch.start(config));
    await startServer();
    startCamera();
    media = await startMediaProcess(config, ports, topic, ['--relays', relays, '--heartbeat-ms', '2000']);
  }, 30 * 60_000);

  afterAll(async () => {
    await media?.stop();
    await stop(camera);
    await stop(server);
    await watch?.stop();
  });

  it('plays: the RTSP source becomes a live camera with online status on Kafka', async () => {
    const online = await watch.waitFor(RELAYED, true, 60_000);
    expect(online).toMatchObject({ cameraId: RELAYED, source: 'media' });
    const health = (await (await fetch(`http://127.0.0.1:${ports.http}/health`)).json()) as {
      live: string[];
    };
    expect(health.live).toContain(RELAYED);
  });

  it('the camera stops publishing: the relay reports offline, and online again when it returns', async () => {
    watch.clear();
    await stop(camera);
    await watch.waitFor(RELAYED, false, 30_000);
    watch.clear();
    startCamera();
    await watch.waitFor(RELAYED, true, 90_000);
  });

  it('the RTSP server itself is killed: offline; it restarts with its camera: the relay recovers', async () => {
    watch.clear();
    await stop(server, 'SIGKILL');
    await stop(camera);
    await watch.waitFor(RELAYED, false, 30_000);
    watch.clear();
    await startServer();
    startCamera();
    await watch.waitFor(RELAYED, true, 120_000);
  });
});
