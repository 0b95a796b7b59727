import { z } from 'zod';
import { streamHealthSchema } from '../events/camera-event';
import { cameraIdSchema } from '../ids';
import { countyCodeSchema, townshipCodeSchema } from '../regions';

/**
 * How a camera's video stands: `streaming` = the media service reports it publishing right now (a
 * tile can play it), `online` = the network reports it up but no stream reaches the media service,
 * `offline` = reported down, `unknown` = never heard from. The patrol prefers them in this order.
 */
export const STREAM_STATES = ['streaming', 'online', 'offline', 'unknown'] as const;
export const streamStateSchema = z.enum(STREAM_STATES);
export type StreamState = z.infer<typeof streamStateSchema>;

/** GET /api/cameras: registry search by name or id prefix, region, site type and status. */
export const cameraSearchQuerySchema = z
  .object({
    q: z.string().max(60).trim().min(1).optional(),
    county: countyCodeSchema.optional(),
    township: townshipCodeSchema.optional(),
    siteType: z.string().min(1).max(40).optional(),
    online: z.enum(['true', 'false']).optional(),
    /** `streaming` is the patrol's "what can play right now"; combined with `online` both apply. */
    streamState: streamStateSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** The last camera id of the previous page. */
    after: cameraIdSchema.optional(),
  })
  .strict();
export type CameraSearchQuery = z.infer<typeof cameraSearchQuerySchema>;

/** The stream prober's last sample of a camera (视频质量诊断) and when it was taken. */
export const cameraHealthSchema = streamHealthSchema.extend({ at: z.string() }).strict();
export type CameraHealth = z.infer<typeof cameraHealthSchema>;

export const cameraSummarySchema = z
  .object({
    cameraId: z.string(),
    name: z.string(),
    siteType: z.string(),
    county: z.string(),
    township: z.string(),
    lon: z.number(),
    lat: z.number(),
    online: z.boolean().nullable(),
    changedAt: z.string().nullable(),
    streamState: streamStateSchema,
    /** Absent until the prober has sampled the camera's stream. */
    health: cameraHealthSchema.optional(),
  })
  .strict();
export type CameraSummary = z.infer<typeof cameraSummarySchema>;
export const cameraSearchResponseSchema = z
  .object({ items: z.array(cameraSummarySchema), nextAfter: z.string().nullable() })
  .strict();
export type CameraSearchResponse = z.infer<typeof cameraSearchResponseSchema>;

/** GET /api/cameras/status: online share per county, or per township of one county. */
export const cameraStatusQuerySchema = z.object({ county: countyCodeSchema.optional() }).strict();
export type CameraStatusQuery = z.infer<typeof cameraStatusQuerySchema>;
export const cameraStatusResponseSchema = z
  .object({
    level: z.enum(['county', 'township']),
    rows: z.array(
      z
        .object({
          region: z.string(),
          total: z.number().int(),
          online: z.number().int(),
          /** online ÷ total, 0..1; cameras never heard from count as offline. */
          onlineShare: z.number(),
        })
        .strict(),
    ),
  })
  .strict();
export type CameraStatusResponse = z.infer<typeof cameraStatusResponseSchema>;

const k = z.coerce.number().int().min(1).max(50).default(9);
/** Metres; 20 km covers a township and its neighbours. */
const radiusM = z.coerce.number().int().min(50).max(50_000).default(20_000);

/** GET /api/cameras/nearest: the k registry cameras nearest to a point, within a radius. */
export const nearestCamerasQuerySchema = z
  .object({
    lat: z.coerce.number().min(31.1).max(32.9),
    lon: z.coerce.number().min(106.2).max(107.9),
    k,
    radiusM,
  })
  .strict();
export type NearestCamerasQuery = z.infer<typeof nearestCamerasQuerySchema>;

/** GET /api/alerts/:alertId/cameras: the same, around the alert's location or its region's centre. */
export const alertCamerasQuerySchema = z.object({ k, radiusM }).strict();
export type AlertCamerasQuery = z.infer<typeof alertCamerasQuerySchema>;

export const nearbyCameraSchema = cameraSummarySchema
  .extend({
    distanceM: z.number().int().min(0),
    streamState: streamStateSchema,
  })
  .strict();
export type NearbyCamera = z.infer<typeof nearbyCameraSchema>;

export const nearestCamerasResponseSchema = z
  .object({
    /** The point searched around and where it came from. */
    origin: z
      .object({
        lon: z.number(),
        lat: z.number(),
        source: z.enum(['point', 'alert-location', 'region-centroid']),
      })
      .strict(),
    /** Nearest first. */
    items: z.array(nearbyCameraSchema),
  })
  .strict();
export type NearestCamerasResponse = z.infer<typeof nearestCamerasResponseSchema>;
