import { type ChildProcess, spawn } from 'node:child_process';
import { type CameraStatus, type StreamHealthVerdict } from '@fengqiao/contracts';
import { testConfig, type RunningProcess } from '@fengqiao/testing';
import {
  freeMediaPorts,
  publishUrl,
  startMediaProcess,
  StatusWatch,
  until,
  type MediaPorts,
} from '../testing/media-harness';

const config = testConfig();

/** Synthetic cameras made with ffmpeg's lavfi sources, each broken in its own way. */
const STREAMS: readonly { id: string; verdict: StreamHealthVerdict; input: string; rate: number }[] = [
  { id: '51190201011318000071', verdict: 'ok', input: 'testsrc2=size=320x180:rate=25', rate: 25 },
  { id: '51190201011318000072', verdict: 'black', input: 'color=black:size=320x180:rate=25', rate: 25 },
  {
    id: '51190201011318000073',
    verdict: 'frozen',
    // One test-pattern frame, repeated: a still picture (a camera whose encoder hung).
    input: 'testsrc2=size=320x180:rate=25,trim=end_frame=1,loop=loop=-1:size=1:start=0,setpts=N/25/TB',
    rate: 25,
  },
  { id: '51190201011318000074', verdict: 'low-fps', input: 'testsrc2=size=320x180:rate=2', rate: 2 },
];
/** Publishes, then stops sending (SIGSTOP): the connection stays, the pictures stop coming. */
const DROPS = '51190201011318000075';

function publish(ports: MediaPorts, id: string, input: string, rate: number): ChildProcess {
  return spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', input],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p'],
      ...['-g', String(Math.max(1, rate)), '-f', 'flv', publishUrl(config, ports.rtmp, id)],
    ],
    { stdio: 'ignore' },
  );
}

/**
 * 视频质量诊断 end to end: the media service's prober samples the live streams on our RTMP ingest
 * with ffmpeg (freezedetect, blackdetect, packet counts) and puts a camera status with the verdict
 * and the measurement on Kafka, for each way a stream goes wrong.
 */
describe('stream health prober on synthetic streams', () => {
  let ports: MediaPorts;
  let media: RunningProcess;
  let watch: StatusWatch;
  let topic: string;
  const publishers: ChildProcess[] = [];
  const verdictOf = async (id: string, verdict: StreamHealthVerdict): Promise<CameraStatus> =>
    until(
      `${id} sampled as ${verdict}`,
      () => Promise.resolve(watch.events.find((e) => e.cameraId === id && e.health?.verdict === verdict)),
      90_000,
    );

  beforeAll(async () => {
    ports = await freeMediaPorts();
    ({ watch, topic } = await StatusWatch.start(config));
    media = await startMediaProcess(config, ports, topic, [
      '--probe-concurrency',
      '3',
      '--probe-sample-s',
      '4',
    ]);
    for (const s of STREAMS) publishers.push(publish(ports, s.id, s.input, s.rate));
    publishers.push(publish(ports, DROPS, 'testsrc2=size=320x180:rate=25', 25));
  });
  afterAll(async () => {
    for (const p of publishers) {
      p.kill('SIGCONT');
      p.kill('SIGKILL');
    }
    await media?.stop();
    await watch?.stop();
  });

  it.each(STREAMS.map((s) => [s.verdict, s.id] as const))(
    'a %s stream (%s) is sampled as such',
    async (verdict, id) => {
      const e = await verdictOf(id, verdict);
      expect(e).toMatchObject({ online: true, source: 'media', health: { verdict, sampleS: 4 } });
    },
  );

  it('carries the measurement: fps and bit rate of a lively stream, seconds of freeze and black', async () => {
    const ok = await verdictOf('51190201011318000071', 'ok');
    expect(ok.health?.fps).toBeGreaterThan(20);
    expect(ok.health?.bitrateKbps).toBeGreaterThan(32);
    expect((await verdictOf('51190201011318000072', 'black')).health?.blackS).toBeGreaterThan(3);
    expect((await verdictOf('51190201011318000073', 'frozen')).health?.frozenS).toBeGreaterThan(3);
    expect((await verdictOf('51190201011318000074', 'low-fps')).health?.fps).toBeLessThan(5);
  });

  it('a stream whose pictures stop while its connection stays is sampled as no signal', async () => {
    await verdictOf(DROPS, 'ok');
    const stalled = publishers.at(-1);
    stalled?.kill('SIGSTOP');
    const since = Date.now();
    await until(
      'the stalled stream sampled as no-signal',
      () =>
        Promise.resolve(
          watch.events.find(
            (e) =>
              e.cameraId === DROPS && e.health?.verdict === 'no-signal' && Date.parse(e.occurredAt) > since,
          ),
        ),
      90_000,
    );
  });
});
