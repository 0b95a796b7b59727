import { type Queryable } from './transaction';

// Online, and nothing stored since the status the caller heard last (seen_at only moves forward).
const STILL_SILENT = `
SELECT s.camera_id
  FROM unnest($1::text[], $2::timestamptz[]) AS s(camera_id, heard_at)
  JOIN camera_state c ON c.camera_id = s.camera_id
 WHERE c.online AND c.seen_at <= s.heard_at`;

/**
 * Of the cameras a silence watch would turn offline, those the shared camera_state still shows
 * online with nothing newer than what the watch heard (another ingest instance may have heard more).
 */
export async function stillSilentCameras(
  db: Queryable,
  candidates: readonly { readonly cameraId: string; readonly heardAtMs: number }[],
): Promise<ReadonlySet<string>> {
  const { rows } = await db.query<{ camera_id: string }>(STILL_SILENT, [
    candidates.map((c) => c.cameraId),
    candidates.map((c) => new Date(c.heardAtMs).toISOString()),
  ]);
  return new Set(rows.map((r) => r.camera_id));
}
