import { ApiRequestError, apiPost, type Parser } from '../api/http';

/**
 * The answer of POST /api/video/cameras/:cameraId/play (apps/api/src/video/video-api.ts). Mirrored
 * here until its zod schema moves to @fengqiao/contracts, where both sides will import it from.
 */
export interface PlayGrant {
  readonly cameraId: string;
  readonly name: string;
  readonly county: string;
  readonly township: string;
  readonly online: boolean | null;
  readonly token: string;
  readonly expiresAt: string;
  readonly hlsUrl: string;
  readonly flvUrl: string;
  readonly wsFlvUrl: string;
}

const STRING_FIELDS = [
  'cameraId',
  'name',
  'county',
  'township',
  'token',
  'expiresAt',
  'hlsUrl',
  'flvUrl',
  'wsFlvUrl',
];

export const playGrantParser: Parser<PlayGrant> = {
  parse(value: unknown): PlayGrant {
    const v = value as Record<string, unknown> | null;
    const ok =
      typeof v === 'object' &&
      v !== null &&
      STRING_FIELDS.every((f) => typeof v[f] === 'string') &&
      (v.online === null || typeof v.online === 'boolean') &&
      !Number.isNaN(Date.parse(String(v.expiresAt)));
    if (!ok) throw new ApiRequestError(200, 'BAD_RESPONSE', 'play grant does not match its contract');
    return v as unknown as PlayGrant;
  },
};

/** Why a camera is being watched; recorded in the audit log with every grant. */
export type WatchReason =
  { readonly reason: 'patrol' } | { readonly reason: 'alert'; readonly alertId: string };

export type RequestPlayGrant = (cameraId: string, why: WatchReason) => Promise<PlayGrant>;

export const requestPlayGrant: RequestPlayGrant = (cameraId, why) =>
  apiPost(`/api/video/cameras/${encodeURIComponent(cameraId)}/play`, why, playGrantParser);

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
