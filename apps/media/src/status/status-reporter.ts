import { type KafkaEventPublisher } from '@fengqiao/kafka';
import { type LiveStream } from '../server/ingest-server';
import { cameraStatusEvent, isCameraId, type StreamSample } from './camera-status';

/**
 * Turns publish / unpublish into camera.status.v1 on Kafka, plus a heartbeat with bitrate and fps
 * for every live stream, so the registry and the camera-health rules see the real state. Kafka being
 * away never stops video: failures are logged and the next heartbeat says it again.
 */
export class StatusReporter {
  private readonly lastBytes = new Map<string, { bytes: number; at: number }>();

  constructor(
    private readonly publisher: KafkaEventPublisher,
    private readonly topic: string,
    private readonly log: (line: string) => void,
  ) {}

  async published(stream: LiveStream): Promise<void> {
    this.lastBytes.set(stream.cameraId, { bytes: stream.inBytes(), at: Date.now() });
    await this.send([{ cameraId: stream.cameraId, online: true }]);
  }

  async unpublished(stream: LiveStream): Promise<void> {
    this.lastBytes.delete(stream.cameraId);
    await this.send([{ cameraId: stream.cameraId, online: false }]);
  }

  async heartbeat(streams: readonly LiveStream[]): Promise<void> {
    await this.send(streams.map((s) => this.sample(s)));
  }

  private sample(stream: LiveStream): StreamSample {
    const now = Date.now();
    const bytes = stream.inBytes();
    const prev = this.lastBytes.get(stream.cameraId);
    this.lastBytes.set(stream.cameraId, { bytes, at: now });
    const seconds = prev === undefined ? 0 : (now - prev.at) / 1000;
    const bitrateKbps =
      seconds > 0 && prev !== undefined ? ((bytes - prev.bytes) * 8) / 1000 / seconds : undefined;
    return { cameraId: stream.cameraId, online: true, bitrateKbps, fps: stream.fps() };
  }

  private async send(samples: readonly StreamSample[]): Promise<void> {
    const now = new Date();
    const messages = samples
      .filter((s) => isCameraId(s.cameraId))
      .map((s) => ({ key: s.cameraId, value: JSON.stringify(cameraStatusEvent(s, now)) }));
    try {
      await this.publisher.publishWithin(this.topic, messages, 5000);
    } catch (err) {
      this.log(`status: ${messages.length} camera status event(s) not sent: ${(err as Error).message}`);
    }
  }
}
