import { z } from 'zod';
import { cameraIdSchema } from '../ids';
import { countyCodeSchema, townshipCodeSchema } from '../regions';

/** GET /api/cameras: registry search by name or id prefix, region, site type and status. */
export const cameraSearchQuerySchema = z
  .object({
    q: z.string().trim().min(1).max(60).optional(),
    county: countyCodeSchema.optional(),
    township: townshipCodeSchema.optional(),
    siteType: z.string().min(1).max(40).optional(),
    online: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** The last camera id of the previous page. */
    after: cameraIdSchema.optional(),
  })
  .strict();
export type CameraSearchQuery = z.infer<typeof cameraSearchQuerySchema>;

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
