import { parseSnapshotRef } from '@fengqiao/contracts';
import { type PlayGrant } from './play-grant';

/**
 * Where a snapshot is read: the media gateway that issued the grant's HLS URL, path = the reference
 * itself, `token` = the grant's play token (decision 0020). The gateway's base is resolved from
 * `hlsUrl` (`<base>/hls/<camera>/index.m3u8`), so a gateway behind a path prefix works unchanged.
 * Undefined for a reference that is not one (it could climb out of `/snapshots/`): no request is made.
 */
export function snapshotUrl(grant: Pick<PlayGrant, 'hlsUrl' | 'token'>, ref: string): string | undefined {
  if (!parseSnapshotRef(ref).ok) return undefined;
  return withBase(grant.hlsUrl, `../../${ref}?token=${encodeURIComponent(grant.token)}`);
}

/** The camera's newest stored snapshot; `bust` makes each refresh a new request (it is no-store). */
export function latestSnapshotUrl(
  grant: Pick<PlayGrant, 'hlsUrl' | 'token' | 'cameraId'>,
  bust: number,
): string {
  const q = `token=${encodeURIComponent(grant.token)}&t=${bust}`;
  return withBase(grant.hlsUrl, `../../snapshots/${encodeURIComponent(grant.cameraId)}/latest?${q}`);
}

function withBase(hlsUrl: string, relative: string): string {
  const u = new URL(relative, new URL(hlsUrl, 'http://relative.invalid'));
  return u.origin === 'http://relative.invalid' ? `${u.pathname}${u.search}` : u.toString();
}
