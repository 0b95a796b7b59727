import { type PlayGrantResponse, type PlayRequest } from '@fengqiao/contracts';
import { call } from '../api/call';

/** The answer of the play route (`video.play`), validated against its contract by `call`. */
export type PlayGrant = PlayGrantResponse;

/** Why a camera is being watched; recorded in the audit log with every grant. */
export type WatchReason = PlayRequest;

export type RequestPlayGrant = (cameraId: string, why: WatchReason) => Promise<PlayGrant>;

export const requestPlayGrant: RequestPlayGrant = (cameraId, why) =>
  call('video.play', { params: { cameraId }, body: why });

/** The same URL with its `token` query parameter replaced (renewal without restarting playback). */
export function withToken(url: string, token: string): string {
  const u = new URL(url, 'http://relative.invalid');
  if (!u.searchParams.has('token')) return url;
  u.searchParams.set('token', token);
  return u.origin === 'http://relative.invalid' ? `${u.pathname}${u.search}` : u.toString();
}

/** When to renew: at 80 % of the grant's remaining life, never sooner than 5 s from now. */
export function renewDelayMs(expiresAtIso: string, nowMs: number): number {
  return Math.max(5000, (Date.parse(expiresAtIso) - nowMs) * 0.8);
}
