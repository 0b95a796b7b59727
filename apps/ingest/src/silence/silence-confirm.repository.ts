import { type DbPool } from '@fengqiao/db';
import { type HeardCamera, type SilenceConfirmPort } from './camera-silence.watch';

// Online, and nothing stored since the status this instance heard last (seen_at only moves forward).
const STILL_SILENT = `
SELECT s.camera_id
  FROM unnest($1::text[], $2::timestamptz[]) AS s(camera_id, heard_at)
  JOIN camera_state c ON c.camera_id = s.camera_id
 WHERE c.online AND c.seen_at <= s.heard_at`;

/** The shared camera_state decides whether a silence verdict still stands. */
export class SilenceConfirmRepository implements SilenceConfirmPort {
  constructor(private readonly pool: DbPool) {}

  async stillSilent(candidates: readonly HeardCamera[]): Promise<ReadonlySet<string>> {
    const { rows } = await this.pool.query<{ camera_id: string }>(STILL_SILENT, [
      candidates.map((c) => c.cameraId),
      candidates.map((c) => new Date(c.heardAtMs).toISOString()),
    ]);
    return new Set(rows.map((r) => r.camera_id));
  }
}
