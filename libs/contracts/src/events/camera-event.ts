import { z } from 'zod';
import { cameraIdSchema, eventIdSchema, instantSchema } from '../ids';
import { geoPointSchema, regionRefSchema } from '../regions';

export const SITE_TYPES = ['key-industry', 'square', 'station', 'school', 'smart-community', 'road'] as const;
export const siteTypeSchema = z.enum(SITE_TYPES);
export type SiteType = z.infer<typeof siteTypeSchema>;

/** A camera's registry entry; the latest one per camera id wins. */
export const cameraRegisteredSchema = z
  .object({
    schema: z.literal('camera.registered.v1'),
    eventId: eventIdSchema,
    occurredAt: instantSchema,
    cameraId: cameraIdSchema,
    name: z.string().min(1).max(120),
    siteType: siteTypeSchema,
    region: regionRefSchema,
    location: geoPointSchema,
    department: z.string().min(1).max(64),
    streamKey: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  })
  .strict();
export type CameraRegistered = z.infer<typeof cameraRegisteredSchema>;

/**
 * Who reports a camera's state: `device` = the camera or its platform itself, `media` = the media
 * service, which sees the frames (the only source that proves a stream plays), `simulator` = the demo
 * traffic. Absent on events older than the field: readers fall back to what those carried.
 */
export const CAMERA_STATUS_SOURCES = ['device', 'media', 'simulator'] as const;
export const cameraStatusSourceSchema = z.enum(CAMERA_STATUS_SOURCES);
export type CameraStatusSource = z.infer<typeof cameraStatusSourceSchema>;

/** A heartbeat or a change of a camera's stream state. */
export const cameraStatusSchema = z
  .object({
    schema: z.literal('camera.status.v1'),
    eventId: eventIdSchema,
    occurredAt: instantSchema,
    cameraId: cameraIdSchema,
    online: z.boolean(),
    bitrateKbps: z.number().min(0).max(200_000).optional(),
    fps: z.number().min(0).max(240).optional(),
    lastFrameAgeMs: z
      .number()
      .int()
      .min(0)
      .max(31 * 24 * 3600 * 1000)
      .optional(),
    /** Who reported it (optional, added later: old producers omit it). */
    source: cameraStatusSourceSchema
      .optional()
      .describe(
        'Who reported it: device (the camera or its platform), media (the media service, which sees the frames), simulator (demo traffic). Absent on events of older producers.',
      ),
  })
  .strict();
export type CameraStatus = z.infer<typeof cameraStatusSchema>;

export const ANALYTICS_KINDS = [
  'crowd',
  'fight',
  'intrusion',
  'loitering',
  'fire-smoke',
  'abandoned-object',
  'congestion',
] as const;
export const analyticsKindSchema = z.enum(ANALYTICS_KINDS);
export type AnalyticsKind = z.infer<typeof analyticsKindSchema>;

/** Something a camera's video analytics detected. */
export const cameraAnalyticsSchema = z
  .object({
    schema: z.literal('camera.analytics.v1'),
    eventId: eventIdSchema,
    occurredAt: instantSchema,
    cameraId: cameraIdSchema,
    kind: analyticsKindSchema,
    confidence: z.number().min(0).max(1),
    headCount: z.number().int().min(0).max(100_000).optional(),
    snapshotRef: z.string().max(256).optional(),
  })
  .strict()
  .refine((e) => e.kind !== 'crowd' || e.headCount !== undefined, {
    message: 'a crowd event needs headCount',
    path: ['headCount'],
  });
export type CameraAnalytics = z.infer<typeof cameraAnalyticsSchema>;
