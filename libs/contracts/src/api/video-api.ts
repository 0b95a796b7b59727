import { z } from 'zod';
import { cameraIdSchema } from '../ids';

/* Wire formats of the play-token route (POST /api/video/cameras/:cameraId/play). */

export const cameraIdParamsSchema = z.object({ cameraId: cameraIdSchema }).strict();
export type CameraIdParams = z.infer<typeof cameraIdParamsSchema>;

/** Why someone watches: an alert's nearest cameras, or the wall's patrol rotation / cameras view. */
export const playRequestSchema = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('alert'), alertId: z.string().uuid() }).strict(),
  z.object({ reason: z.literal('patrol') }).strict(),
]);
export type PlayRequest = z.infer<typeof playRequestSchema>;

export const playGrantResponseSchema = z.object({
  cameraId: cameraIdSchema,
  name: z.string(),
  county: z.string(),
  township: z.string(),
  /** Null when the camera was never heard from. */
  online: z.boolean().nullable(),
  token: z.string(),
  expiresAt: z.string().datetime(),
  hlsUrl: z.string().url(),
  flvUrl: z.string().url(),
  wsFlvUrl: z.string(),
});
export type PlayGrantResponse = z.infer<typeof playGrantResponseSchema>;
