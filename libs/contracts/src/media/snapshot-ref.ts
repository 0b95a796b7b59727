import { CAMERA_ID_PATTERN } from '../ids';

/**
 * A snapshot reference as a camera analytics event carries it (`snapshotRef`): the key of one JPEG
 * in the media service's snapshot store, `snapshots/<cameraId>/<name>.jpg`, name 1-64 of
 * `[A-Za-z0-9_-]`. The same text is the gateway path (`GET /snapshots/…`), so the camera in the key
 * is the camera a play token must grant (decision 0020).
 */
export interface SnapshotKey {
  readonly cameraId: string;
  readonly name: string;
}

/** Why a reference was refused; the gateway answers every one with 400 SNAPSHOT_REF_INVALID. */
export type SnapshotRefProblem = 'NOT_A_STRING' | 'TOO_LONG' | 'BAD_SHAPE' | 'BAD_CAMERA' | 'BAD_NAME';

export type SnapshotRefVerdict =
  | { readonly ok: true; readonly key: SnapshotKey }
  | { readonly ok: false; readonly problem: SnapshotRefProblem };

const MAX_REF = 256;
const NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Parses a reference strictly: exactly three segments, no dots but the `.jpg`, no percent-escapes,
 * no slashes of its own — nothing that could name a file outside the camera's folder.
 */
export function parseSnapshotRef(ref: unknown): SnapshotRefVerdict {
  if (typeof ref !== 'string') return { ok: false, problem: 'NOT_A_STRING' };
  if (ref.length > MAX_REF) return { ok: false, problem: 'TOO_LONG' };
  const parts = ref.split('/');
  const [prefix, cameraId = '', file = ''] = parts;
  if (parts.length !== 3 || prefix !== 'snapshots' || !file.endsWith('.jpg'))
    return { ok: false, problem: 'BAD_SHAPE' };
  if (!CAMERA_ID_PATTERN.test(cameraId)) return { ok: false, problem: 'BAD_CAMERA' };
  const name = file.slice(0, -'.jpg'.length);
  if (!NAME.test(name)) return { ok: false, problem: 'BAD_NAME' };
  return { ok: true, key: { cameraId, name } };
}

/** The reference of a snapshot; throws on a key `parseSnapshotRef` would refuse (a producer's bug). */
export function snapshotRefOf(key: SnapshotKey): string {
  const ref = `snapshots/${key.cameraId}/${key.name}.jpg`;
  if (!parseSnapshotRef(ref).ok) throw new Error(`not a valid snapshot key: ${JSON.stringify(key)}`);
  return ref;
}
