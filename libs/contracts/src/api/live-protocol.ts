import { type z } from 'zod';
import { alertChangedSchema } from '../alerts/alert';
import { kpiSnapshotSchema } from './kpis-api';
import {
  alertsReplayedSchema,
  alertsResyncSchema,
  cameraStatusAggregateSchema,
  hotspotsDeltaSchema,
  hotspotsSnapshotSchema,
  liveHandshakeSchema,
  liveStreamStatusSchema,
  type ServerToClientEvents,
} from './live-events';

/** One event of the `/live` Socket.IO namespace: its payload (none for a bare signal) and meaning. */
export interface LiveEventSpec {
  readonly payload: z.ZodType | undefined;
  readonly description: string;
}

/**
 * Every event the server sends on `/live`, with the schema of its one argument: the registry the
 * published AsyncAPI document is generated from (the keys are exactly `ServerToClientEvents`).
 */
export const LIVE_SERVER_EVENTS: { readonly [E in keyof ServerToClientEvents]: LiveEventSpec } = {
  'alert.changed': {
    payload: alertChangedSchema,
    description:
      'A change of an alert in the client’s region scope, in `seq` order. No personal data: alerts are built from rule templates, region codes, case ids and event ids, and the officer’s free-text `note` is never sent here (it is in the alert’s REST history; docs/security.md).',
  },
  'alerts.replayed': {
    payload: alertsReplayedSchema,
    description:
      'After a handshake with `lastSeq`: the missed changes (sent just before as `alert.changed`) and the highest seq among them.',
  },
  'alerts.resync': {
    payload: alertsResyncSchema,
    description:
      "A replay cannot cover what was missed (more than 500 changes, or a seq the server never reached): `alerts`, the open alerts of the scope as of `latestSeq` (the newest change), replace the client's list; changes at or below `latestSeq` are in it, and a replay of those after it follows.",
  },
  'session.expired': {
    payload: undefined,
    description: 'The access token expired: the server closes the socket; refresh the token and reconnect.',
  },
  'kpis.updated': {
    payload: kpiSnapshotSchema,
    description: 'The scope’s KPI tiles: on connection, then only when a figure changed.',
  },
  'hotspots.snapshot': {
    payload: hotspotsSnapshotSchema,
    description: 'The scope’s full top hotspot list: on connection and after a reconnection.',
  },
  'hotspots.changed': {
    payload: hotspotsDeltaSchema,
    description: 'What changed in the top list since `fromVersion` (entries upserted, townships removed).',
  },
  'camera-status.updated': {
    payload: cameraStatusAggregateSchema,
    description: 'Online share of the scope’s cameras per county or township: on connection, then on change.',
  },
  'live.status': {
    payload: liveStreamStatusSchema,
    description:
      'Whether the live streams are whole: on connection, then whenever it changes. `degraded` (with `reasons`, e.g. `kafka-unreachable`) while the API cannot read the alert stream from Kafka: REST serves, but alert changes reach the wall only once it is `ok` again.',
  },
};

/**
 * The handshake: socket.io-client sends it as the `auth` of the CONNECT packet (and again on every
 * reconnection). A refused connection carries an API error code in the connect error's `data.code`:
 * `UNAUTHENTICATED` (no or malformed handshake), `TOKEN_INVALID`, `TOKEN_EXPIRED`, `FORBIDDEN`.
 */
export const LIVE_HANDSHAKE: LiveEventSpec = {
  payload: liveHandshakeSchema,
  description:
    'Socket.IO CONNECT `auth`: `token` (an access token, or a wall device token) and `lastSeq` (the highest alert-change seq shown; the server replays what came after it) with `seen` (the seqs shown within 200 below `lastSeq`: the server also replays the seqs of that window missing from it, which a lagging partition delivered late). Refused with data.code UNAUTHENTICATED, TOKEN_INVALID, TOKEN_EXPIRED or FORBIDDEN.',
};
