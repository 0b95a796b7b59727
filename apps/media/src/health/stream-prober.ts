import { randomUUID } from 'node:crypto';
import { type CameraStatus, cameraStatusSchema, type StreamHealth } from '@fengqiao/contracts';
import { classifyStream, ProbeSchedule, type StreamSample } from '@fengqiao/stream-health';

export interface ProberOptions {
  /** Probes at a time: each is one ffmpeg decoding `sampleS` of one stream. */
  readonly concurrency: number;
  /** How often free workers pick their next cameras. */
  readonly tickMs: number;
  /** A camera near an open alert is sampled at most this often (the rest round robin). */
  readonly priorityEveryMs: number;
}

export interface ProberPorts {
  /** The cameras that can be sampled now (the media service's live streams). */
  readonly fleet: () => readonly string[];
  /** Cameras near an open alert, refreshed by the caller. */
  readonly priority: () => ReadonlySet<string>;
  /** Samples one camera's stream. */
  readonly sample: (cameraId: string) => Promise<StreamSample>;
  /** Sends the camera status facts (a failure is logged by the caller, the prober goes on). */
  readonly report: (events: readonly CameraStatus[]) => Promise<void>;
  readonly now: () => number;
}

/** A camera status carrying the sample's verdict and measurement, from the media service. */
export function healthStatusEvent(cameraId: string, health: StreamHealth, at: Date): CameraStatus {
  return cameraStatusSchema.parse({
    schema: 'camera.status.v1',
    eventId: randomUUID(),
    occurredAt: at.toISOString(),
    cameraId,
    // The stream is published (it is live on our ingest); what plays is what health says.
    online: true,
    ...(health.fps === undefined ? {} : { fps: health.fps }),
    ...(health.bitrateKbps === undefined ? {} : { bitrateKbps: Math.min(200_000, health.bitrateKbps) }),
    source: 'media',
    health,
  });
}

/**
 * The sampled prober (视频质量诊断): a bounded pool of ffmpeg samples going round the live fleet,
 * cameras near open alerts first, each result classified (libs/stream-health) and sent as a camera
 * status fact with its measurement.
 */
export class StreamProber {
  private readonly schedule: ProbeSchedule;
  private readonly busy = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void>[] = [];
  probed = 0;

  constructor(
    private readonly ports: ProberPorts,
    private readonly options: ProberOptions,
  ) {
    this.schedule = new ProbeSchedule(options.priorityEveryMs);
  }

  start(): void {
    this.timer = setInterval(() => this.tick(), this.options.tickMs);
    this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled(this.running);
  }

  /** Fills the free workers with the next cameras. */
  tick(): void {
    const free = this.options.concurrency - this.busy.size;
    if (free <= 0) return;
    const next = this.schedule.next(
      this.ports.fleet(),
      this.ports.priority(),
      this.busy,
      free,
      this.ports.now(),
    );
    for (const id of next) {
      this.busy.add(id);
      const run = this.probeOne(id).finally(() => {
        this.busy.delete(id);
        this.running = this.running.filter((r) => r !== run);
      });
      this.running.push(run);
    }
  }

  private async probeOne(cameraId: string): Promise<void> {
    const sample = await this.ports.sample(cameraId);
    this.probed += 1;
    // A stream that ended while sampled is already reported offline; its last sample says nothing more.
    if (!this.ports.fleet().includes(cameraId)) return;
    const health = classifyStream(sample);
    await this.ports.report([healthStatusEvent(cameraId, health, new Date(this.ports.now()))]);
  }
}
