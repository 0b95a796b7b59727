import { type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { killGroup, spawnGroup } from './process-group';
import { remuxArgs } from './remux-args';

export interface PackagerOptions {
  /** This instance's HLS folder; also the marker by which leftovers are found after a crash. */
  readonly root: string;
  /** Loopback URL ffmpeg reads the live stream from. */
  readonly inputUrl: (cameraId: string) => string;
  /** Stop a remux nobody fetched anything from for this long. */
  readonly idleMs: number;
  readonly startTimeoutMs: number;
  readonly ffmpeg: string;
  readonly log: (line: string) => void;
  readonly now?: () => number;
}

interface Remux {
  readonly child: ChildProcess;
  readonly dir: string;
  lastWatchedAt: number;
}

/** One ffmpeg remux per watched live stream, started on demand, stopped when idle or unpublished. */
export class HlsPackager {
  private readonly remuxes = new Map<string, Remux>();
  private readonly now: () => number;

  constructor(private readonly options: PackagerOptions) {
    this.now = options.now ?? Date.now;
    mkdirSync(options.root, { recursive: true });
  }

  /** Cameras with a running remux. */
  running(): string[] {
    return [...this.remuxes.keys()];
  }

  pidOf(cameraId: string): number | undefined {
    return this.remuxes.get(cameraId)?.child.pid;
  }

  playlistPath(cameraId: string): string {
    return join(this.options.root, cameraId, 'index.m3u8');
  }

  segmentPath(cameraId: string, name: string): string {
    return join(this.options.root, cameraId, name);
  }

  /** Marks the camera watched; starts its remux if needed; resolves true once a playlist exists. */
  async watch(cameraId: string): Promise<boolean> {
    const remux = this.remuxes.get(cameraId) ?? this.start(cameraId);
    remux.lastWatchedAt = this.now();
    const deadline = this.now() + this.options.startTimeoutMs;
    while (this.remuxes.get(cameraId) === remux) {
      if (hasSegment(this.playlistPath(cameraId))) return true;
      if (this.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 150));
    }
    return false;
  }

  touch(cameraId: string): void {
    const remux = this.remuxes.get(cameraId);
    if (remux !== undefined) remux.lastWatchedAt = this.now();
  }

  async stop(cameraId: string, why: string): Promise<void> {
    const remux = this.remuxes.get(cameraId);
    if (remux === undefined) return;
    this.remuxes.delete(cameraId);
    this.options.log(`hls: stopping remux of ${cameraId} (${why})`);
    await killGroup(remux.child, 2000);
    rmSync(remux.dir, { recursive: true, force: true });
  }

  async stopIdle(): Promise<void> {
    const cutoff = this.now() - this.options.idleMs;
    const idle = [...this.remuxes].filter(([, r]) => r.lastWatchedAt < cutoff).map(([id]) => id);
    await Promise.all(idle.map((id) => this.stop(id, 'nobody watching')));
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.running().map((id) => this.stop(id, 'shutdown')));
  }

  private start(cameraId: string): Remux {
    const dir = join(this.options.root, cameraId);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const args = remuxArgs({ inputUrl: this.options.inputUrl(cameraId), outDir: dir, listSize: 6 });
    const child = spawnGroup(this.options.ffmpeg, args);
    const remux: Remux = { child, dir, lastWatchedAt: this.now() };
    this.remuxes.set(cameraId, remux);
    this.options.log(`hls: remux of ${cameraId} started (pid ${child.pid ?? '?'})`);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    child.once('error', (err) => this.options.log(`hls: ffmpeg for ${cameraId} failed: ${err.message}`));
    child.once('exit', (code, signal) => {
      if (this.remuxes.get(cameraId) !== remux) return;
      this.remuxes.delete(cameraId);
      rmSync(dir, { recursive: true, force: true });
      this.options.log(`hls: remux of ${cameraId} exited (${code ?? signal}) ${stderr.trim().slice(-300)}`);
    });
    return remux;
  }
}

function hasSegment(playlist: string): boolean {
  if (!existsSync(playlist)) return false;
  try {
    return readFileSync(playlist, 'utf8').includes('#EXTINF');
  } catch {
    return false; // ffmpeg replaces the file atomically, but be safe
  }
}
