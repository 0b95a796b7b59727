import { type ChildProcess } from 'node:child_process';
import { killGroup, spawnGroup } from '../hls/process-group';
import { cameraArgs, type SyntheticCamera } from './synthetic-camera';

/**
 * Runs synthetic cameras, each ffmpeg in its own process group, and restarts one that exits (the
 * media service restarted, the network hiccupped), as a real camera reconnects.
 */
export class CameraFleet {
  private readonly children = new Map<string, ChildProcess>();
  private stopped = false;

  constructor(
    private readonly cameras: readonly SyntheticCamera[],
    private readonly log: (line: string) => void,
    private readonly restartMs = 2000,
  ) {}

  start(): void {
    for (const cam of this.cameras) this.launch(cam);
  }

  private launch(cam: SyntheticCamera): void {
    if (this.stopped) return;
    const child = spawnGroup('ffmpeg', cameraArgs(cam));
    this.children.set(cam.cameraId, child);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-500)));
    child.once('exit', (code) => {
      if (this.stopped) return;
      this.log(
        `camera ${cam.cameraId}: ffmpeg exited (${code}); reconnecting in ${this.restartMs} ms ${stderr.trim()}`,
      );
      // Not unref'd: while every ffmpeg is down (media service not up yet) this timer is what keeps
      // the fleet's process alive to retry.
      setTimeout(() => this.launch(cam), this.restartMs);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.children.values()].map((c) => killGroup(c, 2000)));
    this.children.clear();
  }
}
