import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SnapshotKey } from '@fengqiao/contracts';

/** A stored snapshot's file and what the gateway needs to send it. */
export interface StoredSnapshot {
  readonly path: string;
  readonly size: number;
  readonly name: string;
}

/**
 * The snapshot store: one folder per camera under the media service's data dir, one JPEG per
 * reference. Keys come only from `parseSnapshotRef`, so a path never leaves its camera's folder.
 * Each camera keeps its newest `keepPerCamera` snapshots: a demo or a busy site uploads for days,
 * and the disk must not grow without bound (decision 0020).
 */
export class SnapshotStore {
  constructor(
    private readonly root: string,
    private readonly keepPerCamera = 50,
  ) {}

  /** Writes atomically (temp file, then rename), so a reader never sees half a JPEG. */
  put(key: SnapshotKey, jpeg: Buffer): void {
    const dir = join(this.root, key.cameraId);
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${key.name}.${process.pid}.tmp`);
    writeFileSync(tmp, jpeg);
    renameSync(tmp, join(dir, `${key.name}.jpg`));
    this.prune(dir);
  }

  get(key: SnapshotKey): StoredSnapshot | undefined {
    return this.stat(key.cameraId, `${key.name}.jpg`);
  }

  /** The camera's most recently stored snapshot, if it has any. */
  latest(cameraId: string): StoredSnapshot | undefined {
    const newest = this.byAge(join(this.root, cameraId)).at(-1);
    return newest === undefined ? undefined : this.stat(cameraId, newest.file);
  }

  private stat(cameraId: string, file: string): StoredSnapshot | undefined {
    const path = join(this.root, cameraId, file);
    try {
      return { path, size: statSync(path).size, name: file.slice(0, -'.jpg'.length) };
    } catch {
      return undefined; // absent (never stored, or pruned): the caller answers SNAPSHOT_NOT_FOUND
    }
  }

  /** The camera's JPEGs, oldest first (by the time they were stored, then by name). */
  private byAge(dir: string): { file: string; at: number }[] {
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.jpg') && !f.startsWith('.'));
    } catch {
      return [];
    }
    return files
      .map((file) => ({ file, at: statSync(join(dir, file)).mtimeMs }))
      .sort((a, b) => a.at - b.at || a.file.localeCompare(b.file));
  }

  private prune(dir: string): void {
    const all = this.byAge(dir);
    for (const old of all.slice(0, Math.max(0, all.length - this.keepPerCamera)))
      rmSync(join(dir, old.file), { force: true });
  }
}
