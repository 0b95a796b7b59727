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

/**
 * 视频质量诊断: what the media service's sampled prober found in a camera's stream, worst first.
 * no-signal = nothing or too little came in the sample; black = a black or covered picture; frozen =
 * the same picture throughout; low-fps / low-bitrate = below what an officer can follow.
 */
export const STREAM_HEALTH_VERDICTS = [
  'no-signal',
  'black',
  'frozen',
  'low-fps',
  'low-bitrate',
  'ok',
] as const;
export const streamHealthVerdictSchema = z.enum(STREAM_HEALTH_VERDICTS);
export type StreamHealthVerdict = z.infer<typeof streamHealthVerdictSchema>;

/** One sample of a stream: the verdict and the measurement behind it. */
export const streamHealthSchema = z
  .object({
    verdict: streamHealthVerdictSchema,
    /** Seconds of stream sampled. */
    sampleS: z.number().min(0).max(600),
    fps: z.number().min(0).max(240).optional(),
    bitrateKbps: z.number().min(0).max(200_000).optional(),
    /** Seconds of the sample the picture stood still / was black. */
    frozenS: z.number().min(0).max(600),
    blackS: z.number().min(0).max(600),
  })
  .strict();
export type StreamHealth = z.infer<typeof streamHealthSchema>;

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
    /** A prober's sample of the stream (optional, added later: only the media service's prober sends it). */
    health: streamHealthSchema
      .optional()
      .describe(
        'What the media service’s sampled prober found in the stream (视频质量诊断); absent otherwise.',
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
