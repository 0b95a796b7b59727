import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';
import { INPUT_TOPICS } from '@fengqiao/contracts';
import { createKafkaClient, KafkaEventPublisher } from '@fengqiao/kafka';
import { streamSign } from './auth/stream-sign';
import { HlsPackager } from './hls/hls-packager';
import { reapOrphans } from './hls/process-group';
import { MEDIA_APP } from './media-ports';
import { Gateway } from './server/gateway';
import { SnapshotStore } from './snapshots/snapshot-store';
import { IngestServer } from './server/ingest-server';
import { relayArgs, relayMarker } from './relay/relay-args';
import { type Relay, redactSource } from './relay/relay-config';
import { StatusReporter } from './status/status-reporter';
import { FfmpegFleet } from './hls/ffmpeg-fleet';
import { startProber, type ProbeSettings, type RunningProber } from './health/prober-wiring';

export interface MediaServiceOptions {
  readonly rtmpPort: number;
  readonly httpPort: number;
  readonly internalHttpPort: number;
  readonly statusTopic: string;
  /** Stop a remux after this long without a playlist or segment request. */
  readonly hlsIdleMs: number;
  readonly heartbeatMs: number;
  /** Cameras pulled from their own source (RTSP, NVR) and pushed into our ingest. */
  readonly relays: readonly Relay[];
  /** The stream-health prober (视频质量诊断); concurrency 0 turns it off. */
  readonly probe: ProbeSettings;
}

const MEDIA_DEFAULTS: Omit<
  MediaServiceOptions,
  'rtmpPort' | 'httpPort' | 'internalHttpPort' | 'heartbeatMs'
> = {
  statusTopic: INPUT_TOPICS.cameraStatus.name,
  // A patrol rotation comes back to a camera within minutes; 30 s keeps a quick return warm.
  hlsIdleMs: 30_000,
  relays: [],
  // Two 5 s samples at a time: ~24 streams a minute on 2 cores (bench/media-prober measures it).
  probe: { concurrency: 2, sampleS: 5 },
};

/** The options a plain start runs with: ports and heartbeat from the config, the rest defaults. */
export function defaultMediaOptions(config: FengqiaoConfig): MediaServiceOptions {
  return {
    rtmpPort: config.media.rtmpPort,
    httpPort: config.media.httpPort,
    internalHttpPort: config.media.internalHttpPort,
    heartbeatMs: config.tuning.media.heartbeatMs,
    ...MEDIA_DEFAULTS,
  };
}

export interface RunningMediaService {
  stop(): Promise<void>;
}

/** The folder of one instance's HLS output; its path is also how an instance finds its leftovers. */
export function hlsRoot(config: FengqiaoConfig, rtmpPort: number): string {
  return join(config.stack.runDir, 'media', String(rtmpPort), 'hls');
}

/** The snapshot store of one instance (kept across restarts, unlike the HLS output; decision 0020). */
export function snapshotRoot(config: FengqiaoConfig, rtmpPort: number): string {
  return join(config.stack.runDir, 'media', String(rtmpPort), 'snapshots');
}

/** One ffmpeg per configured relay, pushing into our RTMP ingest; a lost source is retried, doubling to 60 s. */
function startRelays(
  o: MediaServiceOptions,
  sign: (cameraId: string) => string,
  log: (line: string) => void,
): FfmpegFleet {
  const members = o.relays.map((r) => ({
    id: r.cameraId,
    args: () =>
      relayArgs(
        r,
        `rtmp://127.0.0.1:${o.rtmpPort}/${MEDIA_APP}/${r.cameraId}?sign=${sign(r.cameraId)}`,
        o.rtmpPort,
      ),
  }));
  for (const r of o.relays) log(`media: relay ${r.cameraId} ← ${redactSource(r.source)}`);
  const fleet = new FfmpegFleet('relay', members, log, {
    initialMs: 1000,
    maxMs: 60_000,
    healthyAfterMs: 30_000,
  });
  fleet.start();
  return fleet;
}

export async function startMediaService(
  config: FengqiaoConfig,
  o: MediaServiceOptions,
  log: (line: string) => void,
): Promise<RunningMediaService> {
  const root = hlsRoot(config, o.rtmpPort);
  const reaped = reapOrphans(root) + reapOrphans(relayMarker(o.rtmpPort));
  if (reaped > 0) log(`media: killed ${reaped} ffmpeg process(es) left by an earlier instance`);
  rmSync(root, { recursive: true, force: true });
  const loopSign = (id: string): string =>
    streamSign(config.media.secret, `/${MEDIA_APP}/${id}`, Date.now() / 1000 + 24 * 3600);
  const packager = new HlsPackager({
    root,
    inputUrl: (id) => `http://127.0.0.1:${o.internalHttpPort}/${MEDIA_APP}/${id}.flv?sign=${loopSign(id)}`,
    idleMs: o.hlsIdleMs,
    startTimeoutMs: 10_000,
    ffmpeg: 'ffmpeg',
    log,
  });
  const publisher = new KafkaEventPublisher(
    createKafkaClient({ brokers: config.kafka.brokers, clientId: 'fengqiao-media' }),
  );
  const reporter = new StatusReporter(publisher, o.statusTopic, log);
  const ingest = new IngestServer(
    {
      host: config.host,
      rtmpPort: o.rtmpPort,
      internalHttpPort: o.internalHttpPort,
      mediaSecret: config.media.secret,
      storeDir: join(config.stack.runDir, 'media', String(o.rtmpPort), 'nms-store'),
    },
    {
      onPublished: (s) => {
        log(`media: ${s.cameraId} is live`);
        void reporter.published(s);
      },
      onUnpublished: (s) => {
        log(`media: ${s.cameraId} stopped streaming`);
        void reporter.unpublished(s);
        void packager.stop(s.cameraId, 'stream ended');
      },
    },
  );
  const gateway = new Gateway({
    mediaSecret: config.media.secret,
    packager,
    snapshots: new SnapshotStore(snapshotRoot(config, o.rtmpPort)),
    isLive: (id) => ingest.isLive(id),
    internalFlvPath: (id) => `/${MEDIA_APP}/${id}.flv?sign=${loopSign(id)}`,
    internalHttpPort: o.internalHttpPort,
    health: () => ({
      status: 'ok',
      live: ingest.liveStreams().map((s) => s.cameraId),
      remuxes: packager.running().map((id) => ({ cameraId: id, pid: packager.pidOf(id) })),
      relays: { configured: o.relays.length, running: relays.running().length },
    }),
    log,
  });
  await ingest.start();
  const relays = startRelays(o, loopSign, log);
  await new Promise<void>((resolve) => gateway.server.listen(o.httpPort, config.host, resolve));
  const prober: RunningProber | undefined =
    o.probe.concurrency > 0
      ? startProber(config, o.probe, {
          live: () => ingest.liveStreams().map((s) => s.cameraId),
          flvUrl: (id) =>
            `http://127.0.0.1:${o.internalHttpPort}/${MEDIA_APP}/${id}.flv?sign=${loopSign(id)}`,
          publisher,
          topic: o.statusTopic,
          log,
        })
      : undefined;
  const idleTimer = setInterval(() => void packager.stopIdle(), 2000);
  const beatTimer = setInterval(() => void reporter.heartbeat(ingest.liveStreams()), o.heartbeatMs);
  log(`media: RTMP on ${config.host}:${o.rtmpPort}, HLS/FLV gateway on http://${config.host}:${o.httpPort}`);
  return {
    async stop() {
      clearInterval(idleTimer);
      clearInterval(beatTimer);
      gateway.server.closeAllConnections();
      gateway.server.close();
      await prober?.stop();
      await relays.stop();
      await packager.stopAll();
      await ingest.stop();
      await publisher.disconnect();
    },
  };
}
