import { type CameraStatusRow } from './event-rows';

interface Written {
  readonly online: boolean;
  readonly seenAtMs: number;
}

/** Past this many cameras the memory starts over (a fleet is ~31,000; the cost is a few extra writes). */
const MAX_CAMERAS = 200_000;

/**
 * What this process last sent camera_state for each camera, so a heartbeat that cannot change the
 * row (same online flag, no prober sample, last seen within the resolution) never reaches the
 * database (decision 0019: at one heartbeat a second, 4 in 5 rows skip the index probe and update).
 * Only a camera whose partition moved between ingest instances can be misjudged, and only until the
 * resolution has passed: the next heartbeat after it is sent and settled by the statement's guards.
 */
export class CameraStateFilter {
  private readonly written = new Map<string, Written>();

  constructor(private readonly resolutionMs: number) {}

  /** The rows (one per camera, newest) worth sending; `healthOf` says whether a row brings a sample. */
  select<T extends { row: CameraStatusRow }>(latest: readonly T[], hasSample: (l: T) => boolean): T[] {
    return latest.filter((l) => {
      const w = this.written.get(l.row.cameraId);
      if (w === undefined || w.online !== l.row.online || hasSample(l)) return true;
      return Date.parse(l.row.occurredAt) - w.seenAtMs >= this.resolutionMs;
    });
  }

  /** Called after the transaction that sent `sent` committed. */
  remember(sent: readonly { row: CameraStatusRow }[]): void {
    if (this.written.size > MAX_CAMERAS) this.written.clear();
    for (const { row } of sent) {
      const at = Date.parse(row.occurredAt);
      const w = this.written.get(row.cameraId);
      if (w === undefined || at >= w.seenAtMs)
        this.written.set(row.cameraId, { online: row.online, seenAtMs: at });
    }
  }
}
