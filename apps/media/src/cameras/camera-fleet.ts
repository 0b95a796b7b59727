import { FfmpegFleet } from '../hls/ffmpeg-fleet';
import { cameraArgs, type SyntheticCamera } from './synthetic-camera';

/**
 * Runs synthetic cameras, each ffmpeg in its own process group, and restarts one that exits (the
 * media service restarted, the network hiccupped), as a real camera reconnects.
 */
export class CameraFleet {
  private readonly fleet: FfmpegFleet;

  constructor(cameras: readonly SyntheticCamera[], log: (line: string) => void, restartMs = 2000) {
    const members = cameras.map((cam) => ({ id: cam.cameraId, args: () => cameraArgs(cam) }));
    // A camera retries at a steady pace: it is ours, and the demo wants it back quickly.
    this.fleet = new FfmpegFleet('camera', members, log, {
      initialMs: restartMs,
      maxMs: restartMs,
      healthyAfterMs: 0,
    });
  }

  start(): void {
    this.fleet.start();
  }

  async stop(): Promise<void> {
    await this.fleet.stop();
  }
}
