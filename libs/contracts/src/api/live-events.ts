import { z } from 'zod';
import { alertSchema, type AlertChanged } from '../alerts/alert';
import { instantSchema } from '../ids';
import { hotspotFactorsSchema, hotspotSourceSchema } from './hotspot-scores';
import { kpiScopeSchema, type KpiSnapshot } from './kpis-api';

/** The Socket.IO namespace of the live streams. */
export const LIVE_NAMESPACE = '/live';

/** Socket event names (`entity.verb`), one registry for the server and the dashboard. */
export const SOCKET_EVENTS = {
  alertChanged: 'alert.changed',
  alertsReplayed: 'alerts.replayed',
  alertsResync: 'alerts.resync',
  sessionExpired: 'session.expired',
  kpisUpdated: 'kpis.updated',
  hotspotsSnapshot: 'hotspots.snapshot',
  hotspotsChanged: 'hotspots.changed',
  cameraStatusUpdated: 'camera-status.updated',
  liveStatus: 'live.status',
} as const;

/**
 * How far below a resuming client's `lastSeq` the server looks again. The alert topic has several
 * partitions (keyed by alert), so a lower seq can reach an API instance, and be broadcast while the
 * client was away, after a higher one reached the client: resuming strictly after `lastSeq` loses it.
 */
export const LIVE_RESUME_MARGIN = 200;

/**
 * The handshake `auth` payload. socket.io-client re-sends it (call it as a function to refresh) on
 * every reconnection; `lastSeq` is the highest alert-change seq the client has shown, and `seen` the
 * seqs it has shown within LIVE_RESUME_MARGIN below it (inclusive): the server replays the seqs
 * between the lowest of those and `lastSeq` missing from `seen`, then everything after `lastSeq`.
 * Without `seen`, only what came after `lastSeq`.
 */
export const liveHandshakeSchema = z
  .object({
    token: z.string().min(1).max(4096),
    lastSeq: z.number().int().min(0).optional(),
    seen: z
      .array(z.number().int().min(0))
      .max(LIVE_RESUME_MARGIN + 1)
      .optional(),
  })
  .strict();
export type LiveHandshake = z.infer<typeof liveHandshakeSchema>;

/** Sent after a resume: how many missed changes were replayed and the highest seq among them. */
export const alertsReplayedSchema = z
  .object({ count: z.number().int().min(0), throughSeq: z.number().int().min(0) })
  .strict();
export type AlertsReplayed = Readonly<z.infer<typeof alertsReplayedSchema>>;

/**
 * Sent when a replay cannot cover what the client missed: `alerts` (the open alerts of its scope,
 * newest first, at most 500) replaces the client's list; it holds every change up to `latestSeq`, the
 * newest change there is, so the client ignores changes at or below it. A replay after it follows.
 */
export const alertsResyncSchema = z
  .object({
    reason: z.literal('gap-too-large'),
    latestSeq: z.number().int().min(0),
    alerts: z.array(alertSchema),
  })
  .strict();
export type AlertsResync = Readonly<z.infer<typeof alertsResyncSchema>>;

/** One township among the scope's top hotspots over the trailing `hours`. */
export const liveHotspotSchema = z
  .object({
    township: z.string(),
    county: z.string(),
    name: z.string().nullable(),
    rank: z.number().int().min(1),
    events: z.number().int().min(0),
    /** Mean of the same window on each of the previous 7 days: what is usual here. */
    expected: z.number().min(0),
    topCategory: z.string(),
    /** The engine's baseline-fused score; absent while the list comes from counts. */
    score: z.number().min(0).optional(),
    /** The engine's top contributing factors (value, usual value, z, share of the score). */
    factors: hotspotFactorsSchema.optional(),
  })
  .strict();
export type LiveHotspot = z.infer<typeof liveHotspotSchema>;

/**
 * The full top list of one scope. Sent first to every new subscriber (and after a reconnection);
 * `version` counts the list's changes on this server, the deltas that follow continue from it.
 */
export const hotspotsSnapshotSchema = z
  .object({
    scope: kpiScopeSchema,
    version: z.number().int().min(0),
    hours: z.number().int().min(1),
    asOf: instantSchema,
    /** `engine` when ranked by the warning service's scores, `counts` before it has scored. */
    source: hotspotSourceSchema.optional(),
    items: z.array(liveHotspotSchema),
  })
  .strict();
export type HotspotsSnapshot = z.infer<typeof hotspotsSnapshotSchema>;

/**
 * What changed since `fromVersion`: entries added or changed (whole entries, keyed by township) and
 * townships that left the list. A client whose version is not `fromVersion` keeps its list until the
 * next snapshot (it reconnects to get one).
 */
export const hotspotsDeltaSchema = z
  .object({
    scope: kpiScopeSchema,
    fromVersion: z.number().int().min(0),
    version: z.number().int().min(1),
    asOf: instantSchema,
    upserted: z.array(liveHotspotSchema),
    removed: z.array(z.string()),
  })
  .strict();
export type HotspotsDelta = z.infer<typeof hotspotsDeltaSchema>;

/** Online share of the scope's cameras, one row per county (city scope) or township. */
export const cameraStatusAggregateSchema = z
  .object({
    scope: kpiScopeSchema,
    level: z.enum(['county', 'township']),
    asOf: instantSchema,
    rows: z.array(
      z
        .object({
          region: z.string(),
          total: z.number().int().min(0),
          online: z.number().int().min(0),
          /** Cameras the media service reports publishing (playable now). */
          streaming: z.number().int().min(0),
          onlineShare: z.number().min(0).max(1),
        })
        .strict(),
    ),
  })
  .strict();
export type CameraStatusAggregate = z.infer<typeof cameraStatusAggregateSchema>;

/** Why the live streams are degraded (the alert stream's Kafka consumer is not reading). */
export const LIVE_DEGRADED_REASONS = [
  'kafka-unreachable',
  'alert-stream-starting',
  'alert-stream-stopped',
] as const;

/**
 * Whether the live streams are whole: `degraded` while the API's alert stream cannot read Kafka
 * (REST still serves; alert changes reach the wall only after Kafka returns). `since` is when this
 * state began on this server.
 */
export const liveStreamStatusSchema = z
  .object({
    state: z.enum(['ok', 'degraded']),
    reasons: z.array(z.enum(LIVE_DEGRADED_REASONS)),
    since: instantSchema,
  })
  .strict();
export type LiveStreamStatus = Readonly<z.infer<typeof liveStreamStatusSchema>>;

/** Events the server sends. */
export interface ServerToClientEvents {
  'alert.changed': (change: AlertChanged) => void;
  'alerts.replayed': (summary: AlertsReplayed) => void;
  'alerts.resync': (notice: AlertsResync) => void;
  /** The access token expired: refresh it, then reconnect (the server closes the socket). */
  'session.expired': () => void;
  /** The scope's KPI tiles; sent on connection and then only when a figure changed. */
  'kpis.updated': (snapshot: KpiSnapshot) => void;
  'hotspots.snapshot': (snapshot: HotspotsSnapshot) => void;
  'hotspots.changed': (delta: HotspotsDelta) => void;
  /** Sent on connection and then only when a row changed. */
  'camera-status.updated': (aggregate: CameraStatusAggregate) => void;
  /** Sent on connection and whenever the live streams turn degraded or ok again. */
  'live.status': (status: LiveStreamStatus) => void;
}

/** Events the client sends (none yet: resuming rides on the handshake). */
export type ClientToServerEvents = Record<string, never>;
