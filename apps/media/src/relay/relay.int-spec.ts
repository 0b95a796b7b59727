import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testConfig, type RunningProcess } from '@fengqiao/testing';
import { streamSign } from '../auth/stream-sign';
import { CameraFleet } from '../cameras/camera-fleet';
import { processesMatching } from '../hls/process-group';
import { MEDIA_APP } from '../media-ports';
import {
  freeMediaPorts,
  publishUrl,
  startMediaProcess,
  StatusWatch,
  until,
  type MediaPorts,
} from '../testing/media-harness';
import { relayMarker } from './relay-args';

/** The "camera" the relay pulls from, and the registry camera the relay makes of it. */
const SOURCE = '51190201011318000051';
const RELAYED = '51190201011318000052';
const config = testConfig();

interface Health {
  live: string[];
  relays: { configured: number; running: number };
}

/**
 * A relay pulls a live network stream (here the HTTP-FLV of another stream on the same server, as an
 * NVR would serve one; RTSP goes through the same ffmpeg path) and pushes it into the ingest.
 */
describe('per-camera relays: a pulled source becomes a live camera, follows its source, leaves no ffmpeg', () => {
  let ports: MediaPorts;
  let media: RunningProcess;
  let watch: StatusWatch;
  let topic: string;
  let source: CameraFleet | undefined;
  let relayFile: string;
  const health = async (): Promise<Health> =>
    (await (await fetch(`http://127.0.0.1:${ports.http}/health`)).json()) as Health;
  const startSource = (): CameraFleet => {
    const fleet = new CameraFleet(
      [{ cameraId: SOURCE, size: '320x180', publishUrl: publishUrl(config, ports.rtmp, SOURCE) }],
      () => undefined,
      500,
    );
    fleet.start();
    return fleet;
  };
  const start = async (): Promise<RunningProcess> =>
    startMediaProcess(config, ports, topic, ['--relays', relayFile, '--heartbeat-ms', '2000']);

  beforeAll(async () => {
    ports = await freeMediaPorts();
    ({ watch, topic } = await StatusWatch.start(config));
    const path = `/${MEDIA_APP}/${SOURCE}`;
    const sign = streamSign(config.media.secret, path, Date.now() / 1000 + 3600);
    relayFile = join(mkdtempSync(join(tmpdir(), 'fq-relay-')), 'relays.json');
    writeFileSync(
      relayFile,
      JSON.stringify({
        relays: [{ cameraId: RELAYED, source: `http://127.0.0.1:${ports.internal}${path}.flv?sign=${sign}` }],
      }),
    );
    media = await start();
  });
  afterAll(async () => {
    await source?.stop();
    await media?.stop();
    await watch?.stop();
  });

  it('turns the pulled stream into a live camera with its own online status on Kafka', async () => {
    source = startSource();
    await watch.waitFor(SOURCE, true);
    const online = await watch.waitFor(RELAYED, true, 40_000);
    expect(online.cameraId).toBe(RELAYED);
    const h = await health();
    expect(h.live.sort()).toEqual([SOURCE, RELAYED].sort());
    expect(h.relays).toEqual({ configured: 1, running: 1 });
  });

  it('goes offline when its source drops and comes back by itself when the source returns', async () => {
    watch.clear();
    await source?.stop();
    await watch.waitFor(RELAYED, false, 30_000);
    watch.clear(); // heartbeats from before the drop said "online" too
    source = startSource();
    await watch.waitFor(RELAYED, true, 60_000);
    expect((await health()).live).toContain(RELAYED);
  });

  it('leaves no relay ffmpeg after kill -9 of the media service and a restart, nor after a clean stop', async () => {
    const marker = relayMarker(ports.rtmp);
    await until('the relay running', () =>
      Promise.resolve(processesMatching(marker).length === 1 ? true : undefined),
    );
    media.child.kill('SIGKILL');
    media = await start();
    // The restarted service reaped the orphan and runs exactly one relay of its own.
    await until('one relay after restart', async () =>
      (await health()).relays.running === 1 && processesMatching(marker).length === 1 ? true : undefined,
    );
    await media.stop();
    await until('no relay ffmpeg after stop', () =>
      Promise.resolve(processesMatching(marker).length === 0 ? true : undefined),
    );
  });
});
