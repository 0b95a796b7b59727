import { randomUUID } from 'node:crypto';
import { type CameraStatus, cameraIdSchema, cameraStatusSchema } from '@fengqiao/contracts';

export interface StreamSample {
  readonly cameraId: string;
  readonly online: boolean;
  readonly bitrateKbps?: number;
  readonly fps?: number;
}

/** True for stream names that are registry camera ids; other names get no status events. */
export function isCameraId(name: string): boolean {
  return cameraIdSchema.safeParse(name).success;
}

/** A camera.status.v1 event for a publish, an unpublish or a heartbeat of a live stream. */
export function cameraStatusEvent(sample: StreamSample, at: Date): CameraStatus {
  const round = (n: number | undefined, max: number): number | undefined =>
    n === undefined || !Number.isFinite(n) ? undefined : Math.min(max, Math.max(0, Math.round(n * 10) / 10));
  return cameraStatusSchema.parse({
    schema: 'camera.status.v1',
    eventId: randomUUID(),
    occurredAt: at.toISOString(),
    cameraId: sample.cameraId,
    online: sample.online,
    bitrateKbps: sample.online ? round(sample.bitrateKbps, 200_000) : undefined,
    fps: sample.online ? round(sample.fps, 240) : undefined,
    lastFrameAgeMs: sample.online ? 0 : undefined,
    // The one source that sees the frames: readers trust it over any other for "streaming".
    source: 'media',
  });
}
