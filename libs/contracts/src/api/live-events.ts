import { z } from 'zod';
import { type AlertChanged } from '../alerts/alert';

/** The Socket.IO namespace of the live streams. */
export const LIVE_NAMESPACE = '/live';

/** Socket event names (`entity.verb`), one registry for the server and the dashboard. */
export const SOCKET_EVENTS = {
  alertChanged: 'alert.changed',
  alertsReplayed: 'alerts.replayed',
  alertsResync: 'alerts.resync',
  sessionExpired: 'session.expired',
} as const;

/**
 * The handshake `auth` payload. socket.io-client re-sends it (call it as a function to refresh) on
 * every reconnection; `lastSeq` is the highest alert-change seq the client has shown.
 */
export const liveHandshakeSchema = z
  .object({
    token: z.string().min(1).max(4096),
    lastSeq: z.number().int().min(0).optional(),
  })
  .strict();
export type LiveHandshake = z.infer<typeof liveHandshakeSchema>;

/** Sent after a resume: how many missed changes were replayed and the highest seq among them. */
export interface AlertsReplayed {
  readonly count: number;
  readonly throughSeq: number;
}

/** Sent when more changes were missed than a replay carries: reload the list over REST. */
export interface AlertsResync {
  readonly reason: 'gap-too-large';
  readonly latestSeq: number;
}

/** Events the server sends. */
export interface ServerToClientEvents {
  'alert.changed': (change: AlertChanged) => void;
  'alerts.replayed': (summary: AlertsReplayed) => void;
  'alerts.resync': (notice: AlertsResync) => void;
  /** The access token expired: refresh it, then reconnect (the server closes the socket). */
  'session.expired': () => void;
}

/** Events the client sends (none yet: resuming rides on the handshake). */
export type ClientToServerEvents = Record<string, never>;
