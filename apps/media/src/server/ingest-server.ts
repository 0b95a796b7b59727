import NodeMediaServer, { type NmsSession } from 'node-media-server';
import nmsLogger from 'node-media-server/src/core/logger.js';
import { streamSignSecret } from '../auth/stream-sign';
import { MEDIA_APP } from '../media-ports';

export interface IngestOptions {
  readonly host: string;
  readonly rtmpPort: number;
  readonly internalHttpPort: number;
  readonly mediaSecret: string;
  readonly storeDir: string;
}

/** What the service needs to know about one live stream. */
export interface LiveStream {
  readonly cameraId: string;
  readonly sessionId: string;
  readonly since: number;
  /** Bytes received so far (for bitrate). */
  readonly inBytes: () => number;
  readonly fps: () => number;
}

export interface IngestListener {
  onPublished(stream: LiveStream): void;
  onUnpublished(stream: LiveStream): void;
}

/**
 * node-media-server receiving RTMP. Publishing requires node-media-server's signed URL with a secret
 * derived from the media secret; playing too, so only this service's loopback readers (the gateway's
 * FLV proxy, the HLS remux) can read a stream. Not restartable in one process: NMS keeps a global
 * context, so there is exactly one per media-service process.
 */
export class IngestServer {
  private readonly nms: NodeMediaServer;
  private readonly live = new Map<string, LiveStream>();

  constructor(options: IngestOptions, listener: IngestListener) {
    this.nms = new NodeMediaServer({
      bind: options.host,
      rtmp: { port: options.rtmpPort },
      http: { port: options.internalHttpPort },
      auth: { play: true, publish: true, secret: streamSignSecret(options.mediaSecret) },
      store: { path: options.storeDir },
      webadmin: { enable: false },
    });
    // The constructor forces debug logging: one line per packet burst is too much for a wall.
    nmsLogger.level = 'warn';
    this.nms.on('prePublish', (s) => {
      // NMS keeps a vanished publisher "live" for 30 s in case it resumes; the registry must see the
      // camera offline now, and a resuming camera simply publishes again.
      if (s.broadcast !== undefined) s.broadcast.publishGraceMs = 0;
    });
    this.nms.on('postPublish', (s) => {
      if (s.streamApp !== MEDIA_APP) return;
      const stream = toLive(s);
      this.live.set(stream.cameraId, stream);
      listener.onPublished(stream);
    });
    this.nms.on('donePublish', (s) => {
      const stream = this.live.get(s.streamName);
      if (s.streamApp !== MEDIA_APP || stream?.sessionId !== s.id) return;
      this.live.delete(s.streamName);
      listener.onUnpublished(stream);
    });
  }

  async start(): Promise<void> {
    await this.nms.run();
  }

  isLive(cameraId: string): boolean {
    return this.live.has(cameraId);
  }

  liveStreams(): LiveStream[] {
    return [...this.live.values()];
  }

  async stop(): Promise<void> {
    await this.nms.stop();
  }
}

function toLive(s: NmsSession): LiveStream {
  return {
    cameraId: s.streamName,
    sessionId: s.id,
    since: Date.now(),
    inBytes: () => s.inBytes,
    fps: () => s.videoFramerate,
  };
}
